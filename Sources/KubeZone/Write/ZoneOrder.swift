/// The order records are written in, chosen to read well in a diff.
///
/// Names are compared as in RFC 4034 canonical order (labels from the root
/// down, so every subtree stays together: a service, its endpoints and its
/// SRV records sit side by side), except that two all-digit labels compare
/// as numbers, so reverse zones list `2` before `10` before `100`. Within
/// an owner, RRsets follow `RRType` order, and records within an RRset
/// follow `RData` order.
public enum ZoneOrder {
  /// `records.sorted(by: precedes)`, computed faster with the same result.
  ///
  /// Owner labels are interned once (case-folded) into small integers, so
  /// comparing two owners walks integer arrays from the root and looks at
  /// label bytes only where they differ; and the sort moves indices, not
  /// records. Every comparison answers exactly as `precedes` would, so the
  /// (stable) sort returns the same order, even where `ZoneOrder` is not a
  /// strict weak order (numeric next to text labels).
  public static func sorted(_ records: [ResourceRecord]) -> [ResourceRecord] {
    let owners = InternedOwners(records)
    return Array(records.indices).sorted { a, b in
      switch owners.compare(a, b) {
      case .some(let less): return less
      case .none:
        let x = records[a], y = records[b]
        if x.type != y.type { return x.type < y.type }
        return x.data < y.data
      }
    }.map { records[$0] }
  }

  public static func precedes(_ a: ResourceRecord, _ b: ResourceRecord) -> Bool {
    if a.owner != b.owner { return namePrecedes(a.owner, b.owner) }
    if a.type != b.type { return a.type < b.type }
    return a.data < b.data
  }

  public static func namePrecedes(_ a: DomainName, _ b: DomainName) -> Bool {
    var i = a.labels.count - 1
    var j = b.labels.count - 1
    while i >= 0 && j >= 0 {
      let x = a.labels[i]
      let y = b.labels[j]
      if let p = number(x), let q = number(y) {
        if p != q { return p < q }
      } else if !DomainName.labelsEqual(x, y) {
        return labelPrecedes(x, y)
      }
      i -= 1
      j -= 1
    }
    return a.labels.count < b.labels.count
  }

  /// Canonical order of two single labels, as `DomainName <` orders the
  /// one-label names, without building them.
  static func labelPrecedes(_ x: [UInt8], _ y: [UInt8]) -> Bool {
    let n = min(x.count, y.count)
    for k in 0..<n {
      let p = DomainName.lower(x[k])
      let q = DomainName.lower(y[k])
      if p != q { return p < q }
    }
    return x.count < y.count
  }

  static func number(_ label: [UInt8]) -> Int? {
    guard label.count <= 9, label.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    return label.reduce(0) { $0 * 10 + Int($1 - 48) }
  }
}
