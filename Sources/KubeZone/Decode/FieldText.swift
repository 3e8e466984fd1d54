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

  /// A `map[string]string` whose values keep their positions (annotations).
  func textMap() throws(InputError) -> [String: FieldText] {
    try stringMap { value throws(InputError) in
      FieldText(value.node.isNull ? "" : try value.stringValue(), at: value.location)
    }
  }
}
