extension DomainName: Hashable {
  public static func == (a: DomainName, b: DomainName) -> Bool {
    let n = a.storage.count
    guard n == b.storage.count else { return false }
    return a.storage.withUnsafeBufferPointer { x in
      b.storage.withUnsafeBufferPointer { y in equalIgnoringCase(x, y, count: n) }
    }
  }

  public func hash(into hasher: inout Hasher) {
    // One 64-bit hash of the lower-cased storage (length octets included,
    // so label boundaries count), eight bytes a step, fed to the hasher
    // once: hashing byte by byte dominated set and dictionary costs.
    let prime: UInt64 = 0x100_0000_01B3
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    storage.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return }
      var i = 0
      while i + 8 <= bytes.count {
        let w = Self.lowered(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        h = (h ^ w) &* prime
        h ^= h >> 29
        i += 8
      }
      while i < bytes.count {
        h = (h ^ UInt64(Self.lower(bytes[i]))) &* prime
        i += 1
      }
    }
    hasher.combine(h)
  }

  /// The eight bytes of `w` with `A`-`Z` lower-cased, as `lower` does.
  @inline(__always) static func lowered(_ w: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let seven = w & 0x7F7F_7F7F_7F7F_7F7F
    // High bit per byte: at least "A", more than "Z"; no carries between bytes.
    let atLeastA = seven &+ ones &* (0x80 - 0x41)
    let aboveZ = seven &+ ones &* (0x80 - 0x5B)
    let upper = atLeastA & ~aboveZ & ~w & high
    return w | (upper >> 2)
  }
}

extension DomainName: Comparable {
  /// RFC 4034 §6.1 canonical order: compare the labels from the root down,
  /// each as lower-cased octets; a name sorts before its subdomains.
  public static func < (a: DomainName, b: DomainName) -> Bool {
    a.storage.withUnsafeBufferPointer { x in
      b.storage.withUnsafeBufferPointer { y in
        var i = 0
        var j = 0
        while i < x.count && j < y.count {
          let (p, q) = (Int(x[i]), Int(y[j]))
          for k in 0..<min(p, q) {
            let c = lower(x[i + 1 + k])
            let d = lower(y[j + 1 + k])
            if c != d { return c < d }
          }
          if p != q { return p < q }
          i += p + 1
          j += q + 1
        }
        return i >= x.count && j < y.count
      }
    }
  }
}
