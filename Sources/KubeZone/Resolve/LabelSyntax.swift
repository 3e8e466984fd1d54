/// Kubernetes' rules for label keys and values (apimachinery
/// `pkg/api/validate/content/kube.go`, `IsLabelKey` and `IsLabelValue`),
/// checked left to right so an error names the first wrong character.
///
/// - key: `[prefix/]name`; the name 1-63 of `[A-Za-z0-9-_.]`, starting and
///   ending with a letter or digit; the optional prefix a lowercase DNS-1123
///   subdomain of at most 253 characters.
/// - value: empty, or 1-63 characters by the name's rule.
enum LabelSyntax {
  static let maxNameLength = 63
  static let maxPrefixLength = 253

  /// Throws for an invalid key; `offset` is where `key` starts in the selector.
  static func checkKey(_ key: String, at offset: Int) throws(LabelSelectorError) {
    let bytes = Array(key.utf8)
    let slashes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "/") }
    let shown = "label key '\(key.escapedForMessage)'"
    if slashes.count > 1 {
      throw LabelSelectorError("\(shown) has more than one '/' (the form is prefix/name)", at: offset + slashes[1])
    }
    var nameStart = 0
    if let slash = slashes.first {
      if slash == 0 {
        throw LabelSelectorError("\(shown) has an empty prefix before '/'", at: offset)
      }
      try checkPrefix(bytes[0..<slash], shown: shown, at: offset)
      nameStart = slash + 1
      if nameStart == bytes.count {
        throw LabelSelectorError("\(shown) has no name after '/'", at: offset + nameStart)
      }
    }
    try checkName(bytes[nameStart...], what: "the name of \(shown)", at: offset + nameStart)
  }

  /// Throws for an invalid value; the empty value is valid.
  static func checkValue(_ value: String, at offset: Int) throws(LabelSelectorError) {
    let bytes = Array(value.utf8)
    if bytes.isEmpty { return }
    try checkName(bytes[...], what: "label value '\(value.escapedForMessage)'", at: offset)
  }

  /// A name part or a value: alphanumeric at both ends, `-_.` inside.
  private static func checkName(_ s: ArraySlice<UInt8>, what: String, at offset: Int) throws(LabelSelectorError) {
    let rule = "letters, digits, '-', '_' and '.', starting and ending with a letter or digit"
    for (n, i) in s.indices.enumerated() {
      let b = s[i]
      let at = offset + n
      if n == maxNameLength {
        throw LabelSelectorError("\(what) is \(s.count) characters long; at most \(maxNameLength)", at: at)
      }
      if isAlphanumeric(b) { continue }
      if b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") {
        if n == 0 { throw LabelSelectorError("\(what) must start with a letter or digit", at: at) }
        if i == s.index(before: s.endIndex) { throw LabelSelectorError("\(what) must end with a letter or digit", at: at) }
        continue
      }
      throw LabelSelectorError("\(character(s, i)) is not allowed in \(what) (\(rule))", at: at)
    }
  }

  /// A lowercase DNS-1123 subdomain: labels of `[a-z0-9-]`, alphanumeric
  /// at both ends, joined by dots.
  private static func checkPrefix(_ s: ArraySlice<UInt8>, shown: String, at offset: Int) throws(LabelSelectorError) {
    let what = "the prefix of \(shown)"
    let rule = "a lowercase DNS subdomain: a-z, 0-9, '-' and '.', each part starting and ending with a letter or digit"
    var labelStart = true
    for (n, i) in s.indices.enumerated() {
      let b = s[i]
      let at = offset + n
      if n == maxPrefixLength {
        throw LabelSelectorError("\(what) is \(s.count) characters long; at most \(maxPrefixLength)", at: at)
      }
      let last = i == s.index(before: s.endIndex) || s[i + 1] == UInt8(ascii: ".")
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        labelStart = false
      case UInt8(ascii: "-"):
        if labelStart || last { throw LabelSelectorError("\(what) has a part that starts or ends with '-' (\(rule))", at: at) }
      case UInt8(ascii: "."):
        if labelStart { throw LabelSelectorError("\(what) has an empty part (\(rule))", at: at) }
        if last { throw LabelSelectorError("\(what) has an empty part (\(rule))", at: at + 1) }
        labelStart = true
      default:
        throw LabelSelectorError("\(character(s, i)) is not allowed in \(what) (\(rule))", at: at)
      }
    }
  }

  private static func isAlphanumeric(_ b: UInt8) -> Bool {
    (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
  }

  /// `'%'`, or the escaped character that starts at `i`.
  private static func character(_ s: ArraySlice<UInt8>, _ i: Int) -> String {
    let scalar = String(decoding: s[i...], as: UTF8.self).unicodeScalars.first.map(String.init) ?? "?"
    return "'\(scalar.escapedForMessage)'"
  }
}
