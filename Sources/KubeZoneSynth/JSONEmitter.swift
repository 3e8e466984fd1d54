/// Writes `SynthValue`s as `kubectl get -o json` does: four-space
/// indentation, `"key": value`, `[]` and `{}` for empty collections, and
/// Go's escaping of `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`.
public enum JSONEmitter {
  public static func emit(_ value: SynthValue, indent: Int, to out: ByteSink) {
    switch value {
    case .string(let s): string(s, to: out)
    case .int(let n): out.append(String(n))
    case .bool(let b): out.append(b ? "true" : "false")
    case .array(let items):
      if items.isEmpty { out.append("[]"); return }
      out.append("[\n")
      for (i, item) in items.enumerated() {
        out.spaces(indent + 4)
        emit(item, indent: indent + 4, to: out)
        out.append(i + 1 < items.count ? ",\n" : "\n")
      }
      out.spaces(indent)
      out.append("]")
    case .object(let pairs):
      if pairs.isEmpty { out.append("{}"); return }
      out.append("{\n")
      for (i, (key, item)) in pairs.enumerated() {
        out.spaces(indent + 4)
        string(key, to: out)
        out.append(": ")
        emit(item, indent: indent + 4, to: out)
        out.append(i + 1 < pairs.count ? ",\n" : "\n")
      }
      out.spaces(indent)
      out.append("}")
    }
  }

  /// A list in `kubectl get -A -o json`'s envelope, one item at a time so
  /// the whole list never sits in memory.
  public static func list(count: Int, to out: ByteSink, item: (Int) -> SynthValue) {
    out.append("{\n    \"apiVersion\": \"v1\",\n    \"items\": [")
    for i in 0..<count {
      out.append(i == 0 ? "\n        " : ",\n        ")
      emit(item(i), indent: 8, to: out)
    }
    out.append(count == 0 ? "],\n" : "\n    ],\n")
    out.append("    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n")
    out.flush()
  }

  static func string(_ s: String, to out: ByteSink) {
    out.append(0x22)
    for b in s.utf8 {
      switch b {
      case 0x22: out.append("\\\"")
      case 0x5C: out.append("\\\\")
      case 0x0A: out.append("\\n")
      case 0x09: out.append("\\t")
      case 0x3C: out.append("\\u003c")
      case 0x3E: out.append("\\u003e")
      case 0x26: out.append("\\u0026")
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out.append("\\u00")
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 15)])
      default: out.append(b)
      }
    }
    out.append(0x22)
  }
}
