extension DomainName: Hashable {
  public static func == (a: DomainName, b: DomainName) -> Bool {
    guard a.labels.count == b.labels.count else { return false }
    for i in a.labels.indices where !labelsEqual(a.labels[i], b.labels[i]) {
      return false
    }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    // One 64-bit FNV-1a of the lower-cased labels (lengths included), fed
    // to the hasher once: feeding it byte by byte dominated set and
    // dictionary costs in large zones.
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for label in labels {
      h = (h ^ UInt64(label.count)) &* 0x100_0000_01B3
      for b in label { h = (h ^ UInt64(Self.lower(b))) &* 0x100_0000_01B3 }
    }
    hasher.combine(h)
  }
}

extension DomainName: Comparable {
  /// RFC 4034 §6.1 canonical order: compare the labels from the root down,
  /// each as lower-cased octets; a name sorts before its subdomains.
  public static func < (a: DomainName, b: DomainName) -> Bool {
    var i = a.labels.count - 1
    var j = b.labels.count - 1
    while i >= 0 && j >= 0 {
      let x = a.labels[i]
      let y = b.labels[j]
      let n = min(x.count, y.count)
      for k in 0..<n {
        let p = lower(x[k])
        let q = lower(y[k])
        if p != q { return p < q }
      }
      if x.count != y.count { return x.count < y.count }
      i -= 1
      j -= 1
    }
    return a.labels.count < b.labels.count
  }
}
