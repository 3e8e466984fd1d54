/// Rendering a node as JSON text, typed by the YAML 1.2 core schema.
///
/// Scalars are typed by `coreValue`. JSON has no infinities or NaN, so
/// those floats are written as the strings ".inf", "-.inf" and ".nan".
/// Mapping keys are always strings: a scalar key gives its text as written
/// (so a `~` key gives "~"), a collection key gives its own compact JSON
/// text (cut after `maxKeyBytes`, with "..."). Duplicate keys are written
/// as they occur. Rendering uses an explicit stack, so depth costs no call
/// stack.
extension Node {
  /// This node as JSON text; `pretty` indents by two spaces per level.
  public func jsonText(pretty: Bool = false) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    JSONWriter(pretty: pretty).write(self, to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}

/// Writes nodes as JSON bytes.
struct JSONWriter {
  var pretty: Bool

  /// Where the writer is inside one collection.
  private struct Frame {
    var node: Node
    var index = 0
  }

  func write(_ root: Node, to out: inout [UInt8]) {
    var stack: [Frame] = []
    var next: Node? = root
    while true {
      if let node = next {
        next = nil
        switch node.value {
        case .scalar:
          writeScalar(node, to: &out)
        case .sequence(let items):
          if items.isEmpty { append("[]", to: &out) } else {
            out.append(UInt8(ascii: "["))
            stack.append(Frame(node: node))
          }
        case .mapping(let pairs):
          if pairs.isEmpty { append("{}", to: &out) } else {
            out.append(UInt8(ascii: "{"))
            stack.append(Frame(node: node))
          }
        }
      }
      guard let top = stack.indices.last else { return }
      let frame = stack[top]
      let depth = stack.count
      switch frame.node.value {
      case .sequence(let items):
        if frame.index < items.count {
          if frame.index > 0 { out.append(UInt8(ascii: ",")) }
          newline(depth, &out)
          next = items[frame.index]
          stack[top].index += 1
        } else {
          newline(depth - 1, &out)
          out.append(UInt8(ascii: "]"))
          stack.removeLast()
        }
      case .mapping(let pairs):
        if frame.index < pairs.count {
          if frame.index > 0 { out.append(UInt8(ascii: ",")) }
          newline(depth, &out)
          writeString(keyText(pairs[frame.index].key), to: &out)
          append(pretty ? ": " : ":", to: &out)
          next = pairs[frame.index].value
          stack[top].index += 1
        } else {
          newline(depth - 1, &out)
          out.append(UInt8(ascii: "}"))
          stack.removeLast()
        }
      case .scalar:
        stack.removeLast()
      }
    }
  }

  /// Longest JSON text kept for a collection key. A key holding a key
  /// holding a key... is escaped again at every level, which doubles its
  /// backslashes each time: without a cap, a few hundred bytes of YAML
  /// render to gigabytes (found by the yaml fuzz harness).
  static let maxKeyBytes = 1024

  func keyText(_ key: Node) -> String {
    if let s = key.scalar { return s.text }
    var out: [UInt8] = []
    JSONWriter(pretty: false).write(key, to: &out)
    if out.count > Self.maxKeyBytes {
      var cut = Self.maxKeyBytes
      while cut > 0, out[cut] & 0xC0 == 0x80 { cut -= 1 }
      out.removeSubrange(cut...)
      out += Array("...".utf8)
    }
    return String(decoding: out, as: UTF8.self)
  }

  func newline(_ depth: Int, _ out: inout [UInt8]) {
    guard pretty else { return }
    out.append(0x0A)
    out.append(contentsOf: repeatElement(0x20, count: depth * 2))
  }

  func append(_ s: String, to out: inout [UInt8]) {
    out.append(contentsOf: s.utf8)
  }

  func writeScalar(_ node: Node, to out: inout [UInt8]) {
    switch node.coreValue ?? .null {
    case .null: append("null", to: &out)
    case .bool(let b): append(b ? "true" : "false", to: &out)
    case .int(let digits): append(digits, to: &out)
    case .float(let v):
      if v.isNaN {
        writeString(".nan", to: &out)
      } else if v.isInfinite {
        writeString(v < 0 ? "-.inf" : ".inf", to: &out)
      } else {
        // Swift's shortest round-trip form ("1.0", "1e+20") is valid JSON.
        append(String(describing: v), to: &out)
      }
    case .string(let s): writeString(s, to: &out)
    }
  }

  /// A JSON string literal: `"` and `\` escaped, control characters as
  /// `\n`-style or `\u00XX` escapes, everything else as UTF-8.
  func writeString(_ s: String, to out: inout [UInt8]) {
    let hex = Array("0123456789abcdef".utf8)
    out.append(UInt8(ascii: "\""))
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "\""): append("\\\"", to: &out)
      case UInt8(ascii: "\\"): append("\\\\", to: &out)
      case 0x0A: append("\\n", to: &out)
      case 0x0D: append("\\r", to: &out)
      case 0x09: append("\\t", to: &out)
      case 0x08: append("\\b", to: &out)
      case 0x0C: append("\\f", to: &out)
      case 0..<0x20, 0x7F:
        append("\\u00", to: &out)
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 15)])
      default: out.append(b)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
