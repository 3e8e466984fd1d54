/// An absolute domain name: a sequence of labels, most specific first.
///
/// Labels are kept as bytes in their original case; equality, hashing and
/// ordering ignore ASCII case (RFC 4343). Construction enforces RFC 1035's
/// limits: 1...63 octets a label, 255 octets for the whole name on the wire.
/// Ordering is RFC 4034 §6.1 canonical order (labels compared right to left),
/// which keeps a zone's names grouped by subtree in a diff.
///
///     let svc = try DomainName("web.prod.svc.cluster.local")
///     svc.description   // "web.prod.svc.cluster.local."
public struct DomainName: Sendable {
  /// Labels, most specific first; the root name has none.
  public let labels: [[UInt8]]

  public static let maxLabelLength = 63
  public static let maxWireLength = 255

  public static let root = DomainName(unchecked: [])

  /// Creates a name from labels, checking every RFC 1035 limit.
  public init(labels: [[UInt8]]) throws(DomainNameError) {
    var wire = 1
    for label in labels {
      if label.isEmpty { throw .emptyLabel }
      if label.count > Self.maxLabelLength {
        throw .labelTooLong(String(decoding: label, as: UTF8.self))
      }
      wire += label.count + 1
    }
    if wire > Self.maxWireLength { throw .nameTooLong(wire) }
    self.labels = labels
  }

  init(unchecked labels: [[UInt8]]) {
    self.labels = labels
  }

  /// Octets this name takes on the wire, the root label included.
  public var wireLength: Int { labels.reduce(1) { $0 + $1.count + 1 } }

  /// This name with `label` put in front: `web` + `svc.local.` is `web.svc.local.`.
  public func prepending(_ label: String) throws(DomainNameError) -> DomainName {
    try DomainName(labels: [Array(label.utf8)] + labels)
  }

  /// This name with several labels in front, most specific first.
  public func prepending(_ more: [String]) throws(DomainNameError) -> DomainName {
    try DomainName(labels: more.map { Array($0.utf8) } + labels)
  }

  /// True when this name equals `other` or lies below it.
  public func isSubdomain(of other: DomainName) -> Bool {
    guard labels.count >= other.labels.count else { return false }
    let offset = labels.count - other.labels.count
    for (i, label) in other.labels.enumerated()
    where !Self.labelsEqual(labels[offset + i], label) {
      return false
    }
    return true
  }

  static func labelsEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    for i in a.indices where lower(a[i]) != lower(b[i]) { return false }
    return true
  }

  @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
    b >= 0x41 && b <= 0x5A ? b | 0x20 : b
  }
}

/// Why a domain name could not be built.
public enum DomainNameError: Error, Sendable, Equatable, CustomStringConvertible {
  case emptyLabel
  case labelTooLong(String)
  case nameTooLong(Int)
  case invalidEscape(String)

  public var description: String {
    switch self {
    case .emptyLabel: "empty label in domain name"
    case .labelTooLong(let l): "label '\(l)' is longer than 63 octets"
    case .nameTooLong(let n): "name is \(n) octets on the wire, more than 255"
    case .invalidEscape(let t): "invalid escape in domain name '\(t)'"
    }
  }
}
