/// Reads a manifest file that may be YAML or JSON.
public enum ManifestReader {
  /// The documents in `bytes`. When the first byte that is not whitespace
  /// (after an optional UTF-8 BOM) is `{` or `[`, the input is read as one
  /// strict JSON value, which is faster than YAML; anything else is read as
  /// a YAML stream.
  ///
  /// A `.yaml` or `.yml` file that starts like JSON but is not (a YAML
  /// flow mapping such as `{apiVersion: v1, ...}`, or several documents)
  /// is read again as YAML, and a failure is reported by the YAML reader.
  /// Any other input that starts like JSON must be strict JSON.
  public static func documents(_ bytes: [UInt8], file: String, limits: ReadLimits = .default) throws(ReadError) -> [Node] {
    guard bytes.withUnsafeBufferPointer(looksLikeJSON) else {
      return try YAMLReader.documents(bytes, file: file, limits: limits)
    }
    guard readsJSONAsYAMLToo(file: file) else {
      return [try JSONReader.document(bytes, file: file, limits: limits)]
    }
    if let json = try? JSONReader.document(bytes, file: file, limits: limits) { return [json] }
    return try YAMLReader.documents(bytes, file: file, limits: limits)
  }

  /// Whether JSON-looking input named `file` is read as YAML when it is
  /// not JSON (a `.yaml` or `.yml` name): then its reading depends on
  /// all its bytes at once (YAML's character check, YAML's own syntax).
  static func readsJSONAsYAMLToo(file: String) -> Bool {
    let lower = file.lowercased()
    return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
  }

  /// True when the first byte that is not whitespace (after an optional
  /// UTF-8 BOM) is `{` or `[`.
  static func looksLikeJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D {
      i += 1
    }
    return i < bytes.count && (bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "["))
  }
}
