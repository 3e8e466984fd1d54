extension RData {
  /// The RDATA fields in zone-file presentation order (RFC 1035 §5.1).
  /// Names are absolute, with their trailing dot, so they never depend on
  /// the `$ORIGIN` of the file they land in.
  public var presentationFields: [String] {
    switch self {
    case .a(let a): [a.description]
    case .aaaa(let a): [a.description]
    case .ns(let n), .cname(let n), .ptr(let n): [n.description]
    case .srv(let s):
      [String(s.priority), String(s.weight), String(s.port), s.target.description]
    case .txt(let strings): strings.map(\.description)
    case .mx(let m): [String(m.preference), m.exchange.description]
    case .soa(let s):
      [
        s.mname.description, s.rname.description, String(s.serial),
        String(s.refresh), String(s.retry), String(s.expire), String(s.minimum),
      ]
    }
  }

  public var presentation: String { presentationFields.joined(separator: " ") }
}

extension RData: Comparable {
  /// Orders data within an RRset: by type, then addresses numerically, SRV
  /// by port then target, names canonically. Deterministic for diffs.
  public static func < (x: RData, y: RData) -> Bool {
    switch (x, y) {
    case (.a(let p), .a(let q)): return p < q
    case (.aaaa(let p), .aaaa(let q)): return p < q
    case (.ns(let p), .ns(let q)), (.cname(let p), .cname(let q)), (.ptr(let p), .ptr(let q)):
      return p < q
    case (.srv(let p), .srv(let q)):
      return (p.priority, p.weight, p.port) != (q.priority, q.weight, q.port)
        ? (p.priority, p.weight, p.port) < (q.priority, q.weight, q.port)
        : p.target < q.target
    case (.mx(let p), .mx(let q)):
      return p.preference != q.preference ? p.preference < q.preference : p.exchange < q.exchange
    default:
      return x.type != y.type ? x.type < y.type : x.presentation < y.presentation
    }
  }
}
