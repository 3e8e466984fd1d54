/// Directives, anchors, aliases and tags.
extension YAMLScanner {
  static func isWordChar(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
      || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "-")
  }

  /// YAML `ns-uri-char`, minus `!` and the flow indicators unless `verbatim`.
  static func isURIChar(_ c: UInt8, verbatim: Bool) -> Bool {
    if isWordChar(c) || c >= 0x80 { return true }
    switch c {
    case UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "?"),
      UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "+"),
      UInt8(ascii: "$"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "*"),
      UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"):
      return true
    case UInt8(ascii: "!"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"):
      return verbatim
    default:
      return false
    }
  }

  // MARK: Directives

  mutating func fetchDirective() throws(SyntaxError) {
    unrollIndent(-1)
    try removeSimpleKey()
    simpleKeyAllowed = false
    let start = mark
    skip()
    var name: [UInt8] = []
    while !isBlankZ() { copyChar(to: &name) }
    let kind: YAMLToken.Kind
    switch String(decoding: name, as: UTF8.self) {
    case "YAML":
      try skipDirectiveSeparator()
      let major = try scanVersionNumber()
      guard at() == UInt8(ascii: ".") else {
        throw SyntaxError("did not find expected digit or '.' character", at: mark.offset)
      }
      skip()
      let minor = try scanVersionNumber()
      kind = .versionDirective(major: major, minor: minor)
    case "TAG":
      try skipDirectiveSeparator()
      let handle = try scanTagHandle(directive: true)
      try skipDirectiveSeparator()
      var prefix: [UInt8] = []
      if at() == UInt8(ascii: "!") { copyChar(to: &prefix) }
      while !isBlankZ() {
        guard Self.isURIChar(at(), verbatim: true) else {
          throw SyntaxError("found invalid character in tag prefix", at: mark.offset)
        }
        copyChar(to: &prefix)
      }
      if prefix.isEmpty {
        throw SyntaxError("did not find expected tag prefix", at: mark.offset)
      }
      kind = .tagDirective(handle: handle, prefix: String(decoding: prefix, as: UTF8.self))
    default:
      // Reserved directives are ignored, as the spec asks.
      while !isBreakZ() { skip() }
      kind = .reservedDirective
    }
    while isBlank() { skip() }
    if at() == UInt8(ascii: "#") {
      if !YAMLScanner.isBlankOrBreak(bytes[mark.offset - 1]) {
        throw SyntaxError("comments must be separated from other tokens by white space", at: mark.offset)
      }
      while !isBreakZ() { skip() }
    }
    if !isBreakZ() {
      throw SyntaxError("did not find expected comment or line break", at: mark.offset)
    }
    append(kind, from: start)
  }

  mutating func skipDirectiveSeparator() throws(SyntaxError) {
    guard isBlank() else {
      throw SyntaxError("did not find expected whitespace", at: mark.offset)
    }
    while isBlank() { skip() }
  }

  mutating func scanVersionNumber() throws(SyntaxError) -> Int {
    var value = 0, count = 0
    while at() >= UInt8(ascii: "0"), at() <= UInt8(ascii: "9") {
      count += 1
      if count > 9 {
        throw SyntaxError("found extremely long version number", at: mark.offset)
      }
      value = value * 10 + Int(at() - UInt8(ascii: "0"))
      skip()
    }
    if count == 0 {
      throw SyntaxError("did not find expected version number", at: mark.offset)
    }
    return value
  }

  /// `!`, `!!` or `!word!`.
  mutating func scanTagHandle(directive: Bool) throws(SyntaxError) -> String {
    guard at() == UInt8(ascii: "!") else {
      throw SyntaxError("did not find expected '!'", at: mark.offset)
    }
    var handle: [UInt8] = [UInt8(ascii: "!")]
    skip()
    while Self.isWordChar(at()) { copyChar(to: &handle) }
    if at() == UInt8(ascii: "!") {
      copyChar(to: &handle)
    } else if directive, handle.count > 1 {
      throw SyntaxError("did not find expected '!'", at: mark.offset)
    }
    return String(decoding: handle, as: UTF8.self)
  }

  // MARK: Anchors and aliases

  mutating func fetchAnchor(alias: Bool) throws(SyntaxError) {
    try saveSimpleKey()
    simpleKeyAllowed = false
    let start = mark
    skip()
    var name: [UInt8] = []
    while !isBlankZ(), !Self.isFlowIndicator(at()) { copyChar(to: &name) }
    if name.isEmpty {
      throw SyntaxError("did not find expected \(alias ? "alias" : "anchor") name", at: mark.offset)
    }
    let text = String(decoding: name, as: UTF8.self)
    append(alias ? .alias(text) : .anchor(text), from: start)
  }

  // MARK: Tags

  mutating func fetchTag() throws(SyntaxError) {
    try saveSimpleKey()
    simpleKeyAllowed = false
    let start = mark
    var handle: String
    var suffix: [UInt8] = []
    if at(1) == UInt8(ascii: "<") {
      handle = ""
      skip(); skip()
      while at() != UInt8(ascii: ">") {
        guard Self.isURIChar(at(), verbatim: true) else {
          throw SyntaxError("did not find the expected '>' of a verbatim tag", at: mark.offset)
        }
        try copyURIChar(to: &suffix)
      }
      if suffix.isEmpty {
        throw SyntaxError("verbatim tag must not be empty", at: mark.offset)
      }
      skip()
    } else {
      // `!word!suffix`, `!!suffix`, or the primary handle `!suffix`.
      var k = 1
      while Self.isWordChar(at(k)) { k += 1 }
      if at(k) == UInt8(ascii: "!") {
        handle = try scanTagHandle(directive: false)
      } else {
        handle = "!"
        skip()
      }
      while Self.isURIChar(at(), verbatim: false) { try copyURIChar(to: &suffix) }
      if suffix.isEmpty, handle != "!" {
        throw SyntaxError("did not find expected tag suffix", at: mark.offset)
      }
    }
    if !isBlankZ(), !(flowLevel > 0 && Self.isFlowIndicator(at())) {
      throw SyntaxError("did not find expected whitespace or line break after tag", at: mark.offset)
    }
    append(.tag(handle: handle, suffix: String(decoding: suffix, as: UTF8.self)), from: start)
  }

  /// Copies one URI character, decoding a `%xx` escape.
  mutating func copyURIChar(to text: inout [UInt8]) throws(SyntaxError) {
    guard at() == UInt8(ascii: "%") else {
      copyChar(to: &text)
      return
    }
    guard let hi = Self.hexValue(at(1)), let lo = Self.hexValue(at(2)) else {
      throw SyntaxError("did not find URI escaped octet", at: mark.offset)
    }
    text.append(hi << 4 | lo)
    skip(); skip(); skip()
  }
}
