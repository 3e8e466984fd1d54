/// Reads a manifest file that may be YAML or JSON.
public enum ManifestReader {
  /// The documents in `bytes`. When the first byte that is not whitespace
  /// (after an optional UTF-8 BOM) is `{` or `[`, the input is read as one
  /// strict JSON value, which is faster than YAML; anything else is read as
  /// a YAML stream.
  ///
  /// A file that starts like JSON but is not (a YAML flow mapping such as
  /// `{apiVersion: v1, ...}`, or several documents) is read again as YAML,
  /// unless its name ends in `.json`. When YAML fails too, the error is the
  /// YAML reader's for `.yaml`/`.yml` files and the JSON reader's otherwise.
  public static func documents(_ bytes: [UInt8], file: String, limits: ReadLimits = .default) throws(ReadError) -> [Node] {
    guard bytes.withUnsafeBufferPointer(looksLikeJSON) else {
      return try YAMLReader.documents(bytes, file: file, limits: limits)
    }
    let jsonError: ReadError
    do {
      return [try JSONReader.document(bytes, file: file, limits: limits)]
    } catch {
      jsonError = error
    }
    let lower = file.lowercased()
    if lower.hasSuffix(".json") || jsonError.isLimit { throw jsonError }
    do {
      return try YAMLReader.documents(bytes, file: file, limits: limits)
    } catch {
      throw lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") ? error : jsonError
    }
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
