extension IPAddress {
  /// The address a reverse-lookup name stands for: `d.c.b.a.in-addr.arpa.`
  /// or 32 nibbles under `ip6.arpa.`; nil for any other name (a partial
  /// one, a zone apex, letters where digits belong).
  public init?(reverseName name: DomainName) {
    let labels = name.labels.map { String(decoding: $0, as: UTF8.self).lowercased() }
    if labels.count == 6, labels.suffix(2) == ["in-addr", "arpa"] {
      // Only the canonical form: `010` is another name than `10`.
      let octets = labels.prefix(4).reversed().compactMap { label in UInt8(label).flatMap { "\($0)" == label ? $0 : nil } }
      guard octets.count == 4 else { return nil }
      self = .v4(IPv4Address(octets.reduce(0) { $0 << 8 | UInt32($1) }))
    } else if labels.count == 34, labels.suffix(2) == ["ip6", "arpa"] {
      var words: [UInt64] = [0, 0]
      for (i, label) in labels.prefix(32).reversed().enumerated() {
        guard label.utf8.count == 1, let nibble = UInt64(label, radix: 16) else { return nil }
        words[i / 16] = words[i / 16] << 4 | nibble
      }
      self = .v6(IPv6Address(high: words[0], low: words[1]))
    } else {
      return nil
    }
  }
}
