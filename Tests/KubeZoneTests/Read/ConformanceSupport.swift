import Foundation
@testable import KubeZone

/// Shared helpers for the conformance tests: where the suites live, a
/// structural JSON value to compare documents, and a time-bounded runner.
enum Conformance {
  /// `Tests/Conformance`, the suites vendored with their licences (see its
  /// README). They are part of the repository, so a missing folder is a
  /// broken checkout and the tests fail rather than skip.
  static func root() -> URL {
    URL(fileURLWithPath: TestSupport.path("Tests/Conformance"))
  }

  static func bytes(_ url: URL) -> [UInt8]? {
    (try? Data(contentsOf: url)).map { [UInt8]($0) }
  }

  /// Runs `body` on a thread with a 512 KiB stack (as secondary threads
  /// get), giving up after `seconds`; nil means it timed out.
  static func bounded<T: Sendable>(seconds: Double = 5, _ body: @escaping @Sendable () -> T) -> T? {
    let box = Box<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      box.set(body())
      done.signal()
    }
    thread.stackSize = 512 << 10
    thread.start()
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.get()
  }

  final class Box<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?
    func set(_ v: T) { lock.lock(); value = v; lock.unlock() }
    func get() -> T? { lock.lock(); defer { lock.unlock() }; return value }
  }
}

/// A JSON value for structural comparison: numbers compare by value,
/// objects ignore key order.
indirect enum JSONValue: Equatable, Sendable, CustomStringConvertible {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// A node typed by the YAML core schema.
  init(_ node: Node) {
    switch node.value {
    case .scalar:
      switch node.coreValue ?? .null {
      case .null: self = .null
      case .bool(let b): self = .bool(b)
      case .int(let d): self = .number(Double(d) ?? .nan)
      case .float(let v): self = v.isNaN ? .string(".nan") : .number(v)
      case .string(let s): self = .string(s)
      }
    case .sequence(let items):
      self = .array(items.map(JSONValue.init))
    case .mapping(let pairs):
      var object: [String: JSONValue] = [:]
      for pair in pairs {
        let key = pair.key.scalar?.text ?? pair.key.jsonText()
        object[key] = JSONValue(pair.value)
      }
      self = .object(object)
    }
  }

  var description: String {
    switch self {
    case .null: "null"
    case .bool(let b): "\(b)"
    case .number(let d): "\(d)"
    case .string(let s): "\"\(s)\""
    case .array(let a): "[" + a.map(\.description).joined(separator: ",") + "]"
    case .object(let o): "{" + o.keys.sorted().map { "\"\($0)\":\(o[$0]!.description)" }.joined(separator: ",") + "}"
    }
  }
}
