import Dispatch

/// The order records are written in, chosen to read well in a diff.
///
/// Names are compared as in RFC 4034 canonical order (labels from the root
/// down, so every subtree stays together: a service, its endpoints and its
/// SRV records sit side by side), except that all-digit labels (up to nine
/// digits) come before the other labels of their level and compare as
/// numbers, so reverse zones list `2` before `10` before `100` (equal
/// numbers, `01` and `1`, by their digits). Within an owner, RRsets follow
/// `RRType` order, and records within an RRset follow `RData` order.
///
/// This is a total order on names (ignoring case), so a zone's records come
/// out in one order whatever order they were made in. (Until 2026-12 a
/// numeric label compared with a text label by bytes, so `2 < 10`,
/// `10 < 1a` and `1a < 2` all held, and such siblings' order depended on
/// the input's.)
public enum ZoneOrder {
  /// `records.sorted(by: precedes)`, computed faster with the same result:
  /// each owner is turned once into a byte key whose plain byte order is
  /// this order, and large zones are sorted in two halves on two cores and
  /// merged (the same stable result, as the order is a strict weak one).
  /// The records are moved into their places, not copied.
  public static func sorted(_ records: consuming [ResourceRecord]) -> [ResourceRecord] {
    var records = records
    let order = positions(records)
    records.permute(by: order)
    return records
  }

  /// The positions of `records` in sorted order.
  private static func positions(_ records: borrowing [ResourceRecord]) -> [Int] {
    let keys = OwnerKeys(records)
    var order = Array(records.indices)
    records.withUnsafeBufferPointer { records in
      order.withUnsafeMutableBufferPointer { order in
        keys.withKeys { keys in
          let less = { (a: Int, b: Int) -> Bool in
            let c = keys.compare(a, b)
            if c != 0 { return c < 0 }
            let (x, y) = (records[a].type, records[b].type)
            if x != y { return x < y }
            return records[a].data < records[b].data
          }
          ParallelSort.sort(order, by: less)
        }
      }
    }
    return order
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
        var i = 0
        var j = 0
        while i < x.count && j < y.count {
          let p = UnsafeBufferPointer(rebasing: x[(i + 1)..<(i + 1 + Int(x[i]))])
          let q = UnsafeBufferPointer(rebasing: y[(j + 1)..<(j + 1 + Int(y[j]))])
          i += p.count + 1
          j += q.count + 1
          if p.count == q.count && DomainName.equalIgnoringCase(p, q, count: p.count) { continue }
          switch (number(p), number(q)) {
          case (let m?, let n?): return m != n ? m < n : labelPrecedes(p, q)
          case (.some, nil): return true
          case (nil, .some): return false
          case (nil, nil): return labelPrecedes(p, q)
          }
        }
        if i >= x.count && j >= y.count { return nil }
        return i >= x.count
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
