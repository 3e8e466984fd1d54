/// Reads one input file as JSON or YAML, whichever it is.
///
/// A file whose first meaningful byte (after an optional BOM and white
/// space) is `{` or `[` is JSON, read by the strict and faster JSON reader;
/// anything else is YAML.
public enum ManifestReader {
  public static func documents(_ bytes: [UInt8], file: String, limits: ReadLimits = .default) throws(ReadError) -> [Node] {
    if looksLikeJSON(bytes) {
      return [try JSONReader.document(bytes, file: file, limits: limits)]
    }
    return try YAMLReader.documents(bytes, file: file, limits: limits)
  }

  static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
    var i = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      case UInt8(ascii: "{"), UInt8(ascii: "["): return true
      default: return false
      }
    }
    return false
  }
}
