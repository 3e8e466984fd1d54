/// The YAML 1.2 core schema: what type an untagged plain scalar (or one
/// tagged with a core tag) stands for.
public enum CoreValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// An integer, as canonical decimal digits (with `-` when negative);
  /// octal `0o` and hex `0x` forms are converted, so "0x1F" is "31".
  case int(String)
  case float(Double)
  case string(String)
}

extension Node {
  static let coreTag = "tag:yaml.org,2002:"

  /// The scalar's value under the YAML 1.2 core schema, or nil for a
  /// collection. Quoted and block scalars, `!!str`, the non-specific tag `!`
  /// and unknown tags give strings; a core tag whose form does not match
  /// (`!!int abc`) also gives a string.
  public var coreValue: CoreValue? {
    guard let s = scalar else { return nil }
    switch tag {
    case nil:
      return s.style == .plain ? CoreSchema.resolve(s.text) : .string(s.text)
    case "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float":
      let v = CoreSchema.resolve(s.text)
      switch (tag, v) {
      case ("tag:yaml.org,2002:null", .null), ("tag:yaml.org,2002:bool", .bool),
        ("tag:yaml.org,2002:int", .int), ("tag:yaml.org,2002:float", .float):
        return v
      case ("tag:yaml.org,2002:float", .int(let digits)):
        return Double(digits).map(CoreValue.float) ?? .string(s.text)
      default:
        return .string(s.text)
      }
    default:
      return .string(s.text)
    }
  }
}

/// Matching of plain scalar text against the core schema's patterns.
enum CoreSchema {
  static func resolve(_ text: String) -> CoreValue {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
    case ".nan", ".NaN", ".NAN": return .float(.nan)
    default: break
    }
    let b = Array(text.utf8)
    guard let first = b.first, first < 0x80, first != UInt8(ascii: " ") else { return .string(text) }
    if b.count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x") {
      let radix = b[1] == UInt8(ascii: "o") ? 8 : 16
      if let v = UInt64(String(decoding: b[2...], as: UTF8.self), radix: radix) {
        return .int(String(v))
      }
      return .string(text)
    }
    var i = 0
    var negative = false
    if b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") {
      negative = b[0] == UInt8(ascii: "-")
      i = 1
    }
    let digitsStart = i
    while i < b.count, isDigit(b[i]) { i += 1 }
    let intDigits = i - digitsStart
    if i == b.count {
      guard intDigits > 0 else { return .string(text) }
      // Canonical decimal: no sign for positives, no leading zeros.
      var digits = Substring(String(decoding: b[digitsStart...], as: UTF8.self))
      while digits.count > 1, digits.first == "0" { digits = digits.dropFirst() }
      return .int((negative && digits != "0" ? "-" : "") + digits)
    }
    var fracDigits = 0
    if b[i] == UInt8(ascii: ".") {
      i += 1
      while i < b.count, isDigit(b[i]) { i += 1; fracDigits += 1 }
    }
    guard intDigits > 0 || fracDigits > 0 else { return .string(text) }
    if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
      i += 1
      if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
      let expStart = i
      while i < b.count, isDigit(b[i]) { i += 1 }
      guard i > expStart else { return .string(text) }
    }
    guard i == b.count else { return .string(text) }
    var number = text
    if number.hasPrefix("+") { number.removeFirst() }
    if number.hasSuffix(".") { number.removeLast() }
    guard let v = Double(number) else { return .string(text) }
    return .float(v)
  }

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
  }
}
