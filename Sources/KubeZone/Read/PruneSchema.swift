/// Which parts of a document a reader must build as `Node`s; everything
/// else is checked for syntax and skipped without building anything.
///
/// A schema applies to a value: a mapping keeps only the listed keys (each
/// with its own rule), a sequence applies the same schema to every item,
/// and a scalar is kept as it is. The decoders only ever look at kept
/// paths, so decoding a pruned tree gives exactly what decoding the full
/// tree gives.
final class PruneSchema: Sendable {
  /// What to do with the value under one key.
  enum Rule: Sendable {
    /// Build the whole subtree.
    case all
    /// Build a pruned subtree.
    case fields(PruneSchema)
  }

  /// Kept keys as UTF-8, with their rules, in no particular order.
  let keys: [(key: [UInt8], rule: Rule)]
  // The same keys laid out for `rule(for:)`, which runs for every key of
  // the input: plain integer arrays, so a lookup copies no key arrays or
  // rules (each copy is a reference-count update).
  private let lengths: [Int]
  private let firstBytes: [UInt8]
  private let offsets: [Int]
  private let bytes: [UInt8]
  private let rules: [Rule]

  convenience init(_ entries: [(String, Rule)]) {
    self.init(keys: entries.map { (Array($0.0.utf8), $0.1) })
  }

  private init(keys: [(key: [UInt8], rule: Rule)]) {
    self.keys = keys
    lengths = keys.map(\.key.count)
    firstBytes = keys.map { $0.key.first ?? 0 }
    var offsets: [Int] = []
    var bytes: [UInt8] = []
    for entry in keys {
      offsets.append(bytes.count)
      bytes += entry.key
    }
    self.offsets = offsets
    self.bytes = bytes
    rules = keys.map(\.rule)
  }

  /// A deep copy for one reading thread: threads that share one schema
  /// retain and release the same objects all the time, and the atomic
  /// reference counts then bounce between cores.
  func copy() -> PruneSchema {
    PruneSchema(keys: keys.map { entry in
      switch entry.rule {
      case .all: (Array(entry.key), .all)
      case .fields(let inner): (Array(entry.key), .fields(inner.copy()))
      }
    })
  }

  /// The rule for a key, or nil to skip its value.
  func rule(for key: UnsafeBufferPointer<UInt8>) -> Rule? {
    guard let first = key.first else {
      return lengths.firstIndex(of: 0).map { rules[$0] }
    }
    let n = key.count
    for i in 0..<lengths.count where lengths[i] == n && firstBytes[i] == first {
      let start = offsets[i]
      var k = 1
      while k < n, bytes[start + k] == key[k] { k += 1 }
      if k == n { return rules[i] }
    }
    return nil
  }
}
