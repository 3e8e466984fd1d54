/// The owner names of a set of records as runs of label numbers, root
/// first, for `ZoneOrder.sorted`: one number per distinct label (compared
/// without case), with each label's lower-cased bytes and numeric value.
struct InternedOwners {
  private var ids: [Int32] = []
  private var starts: [Int] = [0]
  private var labels: [[UInt8]] = []
  private var numbers: [Int?] = []

  init(_ records: [ResourceRecord]) {
    var table: [[UInt8]: Int32] = [:]
    ids.reserveCapacity(records.count * 6)
    starts.reserveCapacity(records.count + 1)
    for record in records {
      for label in record.owner.labels.reversed() {
        let key = label.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? label.map(DomainName.lower) : label
        if let id = table[key] {
          ids.append(id)
        } else {
          let id = Int32(labels.count)
          table[key] = id
          labels.append(key)
          numbers.append(ZoneOrder.number(key))
          ids.append(id)
        }
      }
      starts.append(ids.count)
    }
  }

  /// `ZoneOrder.namePrecedes(owner a, owner b)` when the owners differ;
  /// nil when they are equal (ignoring case), where type and data decide.
  func compare(_ a: Int, _ b: Int) -> Bool? {
    let (sa, ea, sb, eb) = (starts[a], starts[a + 1], starts[b], starts[b + 1])
    let n = min(ea - sa, eb - sb)
    var equal = ea - sa == eb - sb
    for k in 0..<n {
      let x = ids[sa + k], y = ids[sb + k]
      if x == y { continue }
      equal = false
      if let p = numbers[Int(x)], let q = numbers[Int(y)] {
        if p != q { return p < q }
        continue
      }
      return ZoneOrder.labelPrecedes(labels[Int(x)], labels[Int(y)])
    }
    return equal ? nil : (ea - sa) < (eb - sb)
  }
}
