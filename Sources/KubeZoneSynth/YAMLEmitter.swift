/// Writes `SynthValue`s as `kubectl get -o yaml` does (go-yaml v2 style):
/// two-space mappings, sequences not indented under their key, strings
/// single-quoted when they would read as another type, multi-line strings
/// as `|` literal blocks.
public enum YAMLEmitter {
  /// Writes the entries of a mapping whose keys start at column `indent`;
  /// with `firstInline`, the first key follows a `- ` already written.
  public static func mapping(_ pairs: [(String, SynthValue)], indent: Int, firstInline: Bool = false, to out: ByteSink) {
    for (i, (key, value)) in pairs.enumerated() {
      if !(firstInline && i == 0) { out.spaces(indent) }
      scalar(key, indent: indent, to: out)
      out.append(":")
      switch value {
      case .object(let inner) where !inner.isEmpty:
        out.append("\n")
        mapping(inner, indent: indent + 2, to: out)
      case .array(let items) where !items.isEmpty:
        out.append("\n")
        sequence(items, indent: indent, to: out)
      default:
        out.append(" ")
        leaf(value, indent: indent, to: out)
        out.append("\n")
      }
    }
  }

  /// Writes the items of a sequence whose dashes sit at column `indent`.
  public static func sequence(_ items: [SynthValue], indent: Int, to out: ByteSink) {
    for item in items {
      out.spaces(indent)
      out.append("- ")
      switch item {
      case .object(let inner) where !inner.isEmpty:
        mapping(inner, indent: indent + 2, firstInline: true, to: out)
      case .array(let inner) where !inner.isEmpty:
        out.append("\n")
        sequence(inner, indent: indent + 2, to: out)
      default:
        leaf(item, indent: indent, to: out)
        out.append("\n")
      }
    }
  }

  /// A list in `kubectl get -A -o yaml`'s envelope, one item at a time.
  public static func list(count: Int, to out: ByteSink, item: (Int) -> SynthValue) {
    out.append(count == 0 ? "apiVersion: v1\nitems: []\n" : "apiVersion: v1\nitems:\n")
    for i in 0..<count {
      sequence([item(i)], indent: 0, to: out)
    }
    out.append("kind: List\nmetadata:\n  resourceVersion: \"\"\n")
    out.flush()
  }

  static func leaf(_ value: SynthValue, indent: Int, to out: ByteSink) {
    switch value {
    case .string(let s): scalar(s, indent: indent, to: out)
    case .int(let n): out.append(String(n))
    case .bool(let b): out.append(b ? "true" : "false")
    case .object: out.append("{}")
    case .array: out.append("[]")
    }
  }

  static func scalar(_ s: String, indent: Int, to out: ByteSink) {
    if s.utf8.contains(0x0A) {
      out.append(s.hasSuffix("\n") ? "|\n" : "|-\n")
      let lines = s.split(separator: "\n", omittingEmptySubsequences: false).dropLast(s.hasSuffix("\n") ? 1 : 0)
      for (i, line) in lines.enumerated() {
        if i > 0 { out.append("\n") }
        if !line.isEmpty { out.spaces(indent + 2) }
        out.append(String(line))
      }
      return
    }
    if needsQuotes(s) {
      out.append("\"")
      for b in s.utf8 {
        if b == 0x22 || b == 0x5C { out.append(0x5C) }
        out.append(b)
      }
      out.append("\"")
    } else {
      out.append(s)
    }
  }

  /// True when a plain scalar would not read back as this string.
  static func needsQuotes(_ s: String) -> Bool {
    guard let first = s.utf8.first, let last = s.utf8.last else { return true }
    if first == 0x20 || last == 0x20 { return true }
    if "-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) { return true }
    if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return true }
    switch s {
    case "true", "false", "True", "False", "TRUE", "FALSE", "null", "Null", "NULL", "~",
      "yes", "no", "Yes", "No", "YES", "NO", "on", "off", "On", "Off", "ON", "OFF", "y", "n", "Y", "N":
      return true
    default: break
    }
    // Numbers and timestamps read as other types.
    let numberish = s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 || $0 == 0x3A || $0 == 0x54 || $0 == 0x5A }
    return numberish && s.utf8.contains(where: { $0 >= 48 && $0 <= 57 })
  }
}

