/// A string field kept with the position of its value, for the fields a
/// later stage validates (a hostname, an IP in a status): a bad value is
/// then reported where it is written, and only that record is skipped.
public struct FieldText: Sendable, Hashable, CustomStringConvertible {
  public var text: String
  public var location: SourceLocation

  public init(_ text: String, at location: SourceLocation) {
    self.text = text
    self.location = location
  }

  public var description: String { text }
}

extension Field {
  /// The string value with its position.
  func text() throws(InputError) -> FieldText {
    FieldText(try stringValue(), at: location)
  }

  /// `key`'s string value with its position; nil when absent or null.
  func text(_ key: String) throws(InputError) -> FieldText? {
    try child(key)?.text()
  }

  /// A list of strings with their positions.
  func texts(_ key: String) throws(InputError) -> [FieldText] {
    try list(key).map { f throws(InputError) in try f.text() }
  }

  /// `metadata.annotations` of an object, with the values' positions.
  /// Kept beside `ObjectMeta`, not in it: only the public-name kinds read
  /// them, and every pod would otherwise carry one more field.
  func annotations() throws(InputError) -> [String: FieldText] {
    try child("metadata")?.child("annotations")?.textMap() ?? [:]
  }

  /// A `map[string]string` whose values keep their positions
  /// (annotations). `stringMap` checks and reads the values; the
  /// positions are looked up after, so the labels' hot path is untouched.
  func textMap() throws(InputError) -> [String: FieldText] {
    let values = try stringMap()
    var out = [String: FieldText](minimumCapacity: values.count)
    for entry in node.mapping ?? [] {
      guard let key = entry.key.scalar?.text, let value = values[key] else { continue }
      out[key] = FieldText(value, at: entry.value.location)
    }
    return out
  }
}
