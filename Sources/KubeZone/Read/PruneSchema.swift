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

  init(_ entries: [(String, Rule)]) {
    keys = entries.map { (Array($0.0.utf8), $0.1) }
  }

  private init(keys: [(key: [UInt8], rule: Rule)]) {
    self.keys = keys
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
    for entry in keys where entry.key.count == key.count {
      if entry.key.withUnsafeBufferPointer({ $0.elementsEqual(key) }) { return entry.rule }
    }
    return nil
  }
}
