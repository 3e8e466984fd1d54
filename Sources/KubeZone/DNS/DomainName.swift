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
///
/// The labels live in one byte array, root-most label first, each as a
/// length octet and its bytes (wire format with the label order reversed).
/// One allocation a name keeps large zones small, and root-first order
/// makes canonical comparison and `isSubdomain(of:)` a walk from the start.
public struct DomainName: Sendable {
  /// Length-prefixed labels, root-most first; empty for the root.
  let storage: [UInt8]

  public static let maxLabelLength = 63
  public static let maxWireLength = 255

  public static let root = DomainName(reversedWire: [])

  /// Creates a name from labels, most specific first, checking every
  /// RFC 1035 limit.
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
    var bytes: [UInt8] = []
    bytes.reserveCapacity(wire - 1)
    for label in labels.reversed() {
      bytes.append(UInt8(truncatingIfNeeded: label.count))
      bytes.append(contentsOf: label)
    }
    storage = bytes
  }

  /// A name from its storage form (see `storage`), already checked.
  init(reversedWire: [UInt8]) {
    storage = reversedWire
  }

  /// Octets this name takes on the wire, the root label included.
  public var wireLength: Int { storage.count + 1 }

  /// The number of labels, the root not counted.
  public var labelCount: Int {
    var n = 0
    var i = 0
    while i < storage.count {
      i += Int(storage[i]) + 1
      n += 1
    }
    return n
  }

  /// The labels, most specific first. Builds arrays: for tests and the few
  /// places that are not on a hot path.
  public var labels: [[UInt8]] {
    var out: [[UInt8]] = []
    var i = 0
    while i < storage.count {
      let n = Int(storage[i])
      out.append(Array(storage[(i + 1)..<(i + 1 + n)]))
      i += n + 1
    }
    return out.reversed()
  }

  /// True when the most specific label is `label` (exactly, bytes and case).
  public func hasFirstLabel(_ label: [UInt8]) -> Bool {
    guard let start = lastLabelStart else { return false }
    return storage[(start + 1)...].elementsEqual(label)
  }

  /// Offset of the most specific label's length octet; nil for the root.
  var lastLabelStart: Int? {
    var i = 0
    var last: Int?
    while i < storage.count {
      last = i
      i += Int(storage[i]) + 1
    }
    return last
  }

  /// The name made of this name's `count` root-most labels: `b.c.` for
  /// `a.b.c.` and 2.
  public func suffix(labels count: Int) -> DomainName {
    var i = 0
    var n = 0
    while i < storage.count && n < count {
      i += Int(storage[i]) + 1
      n += 1
    }
    return DomainName(reversedWire: Array(storage[0..<i]))
  }

  /// This name with `label` put in front: `web` + `svc.local.` is `web.svc.local.`.
  public func prepending(_ label: String) throws(DomainNameError) -> DomainName {
    try prepending([label])
  }

  /// This name with several labels in front, most specific first.
  public func prepending(_ more: [String]) throws(DomainNameError) -> DomainName {
    var bytes = storage
    var wire = storage.count + 1
    for label in more {
      let n = label.utf8.count
      if n == 0 { throw .emptyLabel }
      if n > Self.maxLabelLength { throw .labelTooLong(label) }
      wire += n + 1
    }
    if wire > Self.maxWireLength { throw .nameTooLong(wire) }
    bytes.reserveCapacity(wire - 1)
    for label in more.reversed() {
      bytes.append(UInt8(truncatingIfNeeded: label.utf8.count))
      bytes.append(contentsOf: label.utf8)
    }
    return DomainName(reversedWire: bytes)
  }

  /// This name, taken as relative, under `origin`: `a` + `b.c.` is `a.b.c.`.
  public func appending(_ origin: DomainName) throws(DomainNameError) -> DomainName {
    let wire = storage.count + origin.storage.count + 1
    if wire > Self.maxWireLength { throw .nameTooLong(wire) }
    return DomainName(reversedWire: origin.storage + storage)
  }

  /// True when this name equals `other` or lies below it.
  public func isSubdomain(of other: DomainName) -> Bool {
    // `other`'s labels, root first, are a prefix of ours: length octets
    // (at most 63) are never changed by lower-casing, so one byte walk
    // compares the structure and the text.
    let n = other.storage.count
    guard storage.count >= n else { return false }
    if storage.count > n {
      // The prefix must end at one of our label boundaries.
      var i = 0
      while i < n { i += Int(storage[i]) + 1 }
      guard i == n else { return false }
    }
    return storage.withUnsafeBufferPointer { a in
      other.storage.withUnsafeBufferPointer { b in Self.equalIgnoringCase(a, b, count: n) }
    }
  }

  static func equalIgnoringCase(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, count n: Int) -> Bool {
    var i = 0
    while i < n {
      if a[i] != b[i] && lower(a[i]) != lower(b[i]) { return false }
      i += 1
    }
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
