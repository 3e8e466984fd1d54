/// The order records are written in, chosen to read well in a diff.
///
/// Names are compared as in RFC 4034 canonical order (labels from the root
/// down, so every subtree stays together: a service, its endpoints and its
/// SRV records sit side by side), except that two all-digit labels compare
/// as numbers, so reverse zones list `2` before `10` before `100`. Within
/// an owner, RRsets follow `RRType` order, and records within an RRset
/// follow `RData` order.
public enum ZoneOrder {
  /// `records.sorted(by: precedes)`, computed faster with the same result:
  /// the sort moves indices, not records, and owners are compared by one
  /// walk over their root-first storage. Every comparison answers exactly
  /// as `precedes` would, so the (stable) sort returns the same order, even
  /// where `ZoneOrder` is not a strict weak order (numeric next to text
  /// labels).
  public static func sorted(_ records: [ResourceRecord]) -> [ResourceRecord] {
    Array(records.indices).sorted { a, b in
      let x = records[a], y = records[b]
      if let less = compareOwners(x.owner, y.owner) { return less }
      if x.type != y.type { return x.type < y.type }
      return x.data < y.data
    }.map { records[$0] }
  }

  public static func precedes(_ a: ResourceRecord, _ b: ResourceRecord) -> Bool {
    if let less = compareOwners(a.owner, b.owner) { return less }
    if a.type != b.type { return a.type < b.type }
    return a.data < b.data
  }

  public static func namePrecedes(_ a: DomainName, _ b: DomainName) -> Bool {
    compareOwners(a, b) ?? false
  }

  /// `namePrecedes(a, b)` when the names differ (ignoring case), nil when
  /// they are equal.
  static func compareOwners(_ a: DomainName, _ b: DomainName) -> Bool? {
    a.storage.withUnsafeBufferPointer { x in
      b.storage.withUnsafeBufferPointer { y in
        var equal = x.count == y.count
        var i = 0
        var j = 0
        while i < x.count && j < y.count {
          let p = UnsafeBufferPointer(rebasing: x[(i + 1)..<(i + 1 + Int(x[i]))])
          let q = UnsafeBufferPointer(rebasing: y[(j + 1)..<(j + 1 + Int(y[j]))])
          i += p.count + 1
          j += q.count + 1
          if p.count == q.count && DomainName.equalIgnoringCase(p, q, count: p.count) { continue }
          equal = false
          if let m = number(p), let n = number(q) {
            if m != n { return m < n }
            continue
          }
          return labelPrecedes(p, q)
        }
        if equal { return nil }
        return i >= x.count && j < y.count
      }
    }
  }

  /// Canonical order of two single labels, as `DomainName <` orders the
  /// one-label names, without building them.
  static func labelPrecedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = min(x.count, y.count)
    for k in 0..<n {
      let p = DomainName.lower(x[k])
      let q = DomainName.lower(y[k])
      if p != q { return p < q }
    }
    return x.count < y.count
  }

  static func number(_ label: UnsafeBufferPointer<UInt8>) -> Int? {
    guard label.count <= 9, label.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    return label.reduce(0) { $0 * 10 + Int($1 - 48) }
  }
}
