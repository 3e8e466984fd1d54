extension DomainName: CustomStringConvertible {
  /// Parses presentation format (RFC 1035 §5.1): dot-separated labels with
  /// `\X` and `\DDD` escapes; the trailing dot is optional, `.` is the root.
  /// The name is always taken as absolute.
  public init(_ text: String) throws(DomainNameError) {
    try self.init(presentation: Array(text.utf8))
  }

  /// The same from bytes, so octets that are not UTF-8 (a zone file's
  /// raw `\xE9`) stay what they are. Stops at the first label past 63
  /// octets; past 255 octets it only counts, so a 100 MB token costs no
  /// more than its bytes.
  init(presentation bytes: [UInt8]) throws(DomainNameError) {
    if bytes == [UInt8(ascii: ".")] {
      self = .root
      return
    }
    var labels: [[UInt8]] = []
    var current: [UInt8] = []
    var wire = 1
    var i = 0
    while i < bytes.count {
      var b = bytes[i]
      if b == UInt8(ascii: "\\") {
        guard let escape = PresentationEscape.decode(bytes, at: i) else {
          throw .invalidEscape(String(decoding: bytes, as: UTF8.self))
        }
        b = escape.octet
        i += escape.length
      } else if b == UInt8(ascii: ".") {
        if current.isEmpty { throw .emptyLabel }
        wire += current.count + 1
        if wire <= Self.maxWireLength { labels.append(current) }
        current.removeAll(keepingCapacity: true)
        i += 1
        continue
      } else {
        i += 1
      }
      if current.count == Self.maxLabelLength { throw .labelTooLong(String(decoding: current + [b], as: UTF8.self)) }
      current.append(b)
    }
    if !current.isEmpty {
      wire += current.count + 1
      labels.append(current)
    }
    if wire > Self.maxWireLength { throw .nameTooLong(wire) }
    try self.init(labels: labels)
  }

  /// The absolute presentation form with its trailing dot, escaped so that a
  /// zone-file reader gets back exactly these labels.
  public var description: String {
    var out: [UInt8] = []
    appendAbsolute(to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// The form to write in a zone whose `$ORIGIN` is `origin`: `@` for the
  /// origin itself, relative labels below it, else the absolute name.
  public func relative(to origin: DomainName) -> String {
    var out: [UInt8] = []
    appendRelative(to: origin, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// `description`'s bytes, appended (the zone writer renders into one
  /// buffer; both go through here, so names are escaped in one place).
  func appendAbsolute(to out: inout [UInt8]) {
    if storage.isEmpty {
      out.append(UInt8(ascii: "."))
      return
    }
    forEachLabel { label in
      Self.appendEscaped(label, to: &out)
      out.append(UInt8(ascii: "."))
    }
  }

  /// `relative(to:)`'s bytes, appended; returns how many.
  @discardableResult
  func appendRelative(to origin: DomainName, into out: inout [UInt8]) -> Int {
    let start = out.count
    if !isSubdomain(of: origin) {
      appendAbsolute(to: &out)
    } else if storage.count == origin.storage.count {
      out.append(UInt8(ascii: "@"))
    } else {
      var first = true
      forEachLabel(below: origin) { label in
        if !first { out.append(UInt8(ascii: ".")) }
        first = false
        Self.appendEscaped(label, to: &out)
      }
    }
    return out.count - start
  }

  /// Calls `body` with each label, most specific first; with `origin`
  /// (which this name must lie under), only the labels below it.
  func forEachLabel(below origin: DomainName? = nil, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    storage.withUnsafeBufferPointer { bytes in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { starts in
        var n = 0
        var i = origin?.storage.count ?? 0
        while i < bytes.count && n < starts.count {
          starts[n] = i
          n += 1
          i += Int(bytes[i]) + 1
        }
        while n > 0 {
          n -= 1
          let s = starts[n]
          body(UnsafeBufferPointer(rebasing: bytes[(s + 1)..<(s + 1 + Int(bytes[s]))]))
        }
      }
    }
  }

  /// Escapes the zone-file specials (`. ; ( ) " \ @ $` and space) as `\X`,
  /// and other non-printing or non-ASCII octets as `\DDD`.
  /// A label that is just `*` is the wildcard (RFC 4592) and is written
  /// as it is: `\*` means the same octet but reads as a literal asterisk.
  static func appendEscaped(_ label: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    // Most labels need no escape: checked first, then copied whole
    // (a zone file is mostly names, and a byte at a time cost twice as much).
    if label.allSatisfy(isPlain) || (label.count == 1 && label[0] == UInt8(ascii: "*")) {
      out.append(contentsOf: label)
      return
    }
    for b in label {
      if isPlain(b) {
        out.append(b)
      } else if b > 0x20 && b < 0x7F {
        out.append(UInt8(ascii: "\\"))
        out.append(b)
      } else {
        out.append(UInt8(ascii: "\\"))
        out.append(48 + b / 100)
        out.append(48 + b / 10 % 10)
        out.append(48 + b % 10)
      }
    }
  }

  private static func isPlain(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
      UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: "="):
      return true
    default:
      return false
    }
  }
}
