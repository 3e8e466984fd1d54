import Foundation

/// A file name as a small number, for `SourceLocation`.
///
/// Every node the readers build carries a location; with the name as a
/// `String`, making or copying one touched the name's reference count
/// (shared by all reading threads), a large share of decoding time. The
/// names are interned once per reader, so equal names get equal numbers.
struct SourceFile: Sendable, Hashable {
  let id: Int32

  init(_ name: String) {
    id = Self.table.id(for: name)
  }

  var name: String { Self.table.name(id) }

  private static let table = Table()

  /// Names seen so far; they are few (one per input) and never dropped.
  private final class Table: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    private var ids: [String: Int32] = [:]

    func id(for name: String) -> Int32 {
      lock.lock()
      defer { lock.unlock() }
      if let id = ids[name] { return id }
      let id = Int32(truncatingIfNeeded: names.count)
      names.append(name)
      ids[name] = id
      return id
    }

    func name(_ id: Int32) -> String {
      lock.lock()
      defer { lock.unlock() }
      return names[Int(id)]
    }
  }
}
