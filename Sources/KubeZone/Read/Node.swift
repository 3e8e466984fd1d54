/// One node of a parsed YAML or JSON document, with its position.
///
/// Both readers produce this model, so everything downstream (decoding,
/// `kubezone inspect`) is format-agnostic. Scalars keep their source text and
/// style; their type (string, int, bool, null) is decided by the consumer,
/// which is what lets the decoder keep `name: yes` a string.
public struct Node: Sendable {
  public enum Value: Sendable {
    case scalar(Scalar)
    case sequence([Node])
    case mapping([Pair])
  }

  /// One `key: value` entry of a mapping, in source order.
  public struct Pair: Sendable {
    public var key: Node
    public var value: Node
    public init(key: Node, value: Node) {
      self.key = key
      self.value = value
    }
  }

  public var value: Value
  /// The explicit tag, resolved to its full form (`tag:yaml.org,2002:str`
  /// for `!!str`, `!local` kept as written), or nil when untagged.
  public var tag: String?
  /// Where the node starts (for a mapping, its first key; for a flow
  /// collection, its opening bracket).
  public var location: SourceLocation

  public init(_ value: Value, tag: String? = nil, location: SourceLocation) {
    self.value = value
    self.tag = tag
    self.location = location
  }
}

/// The text of a scalar and how it was written.
public struct Scalar: Sendable, Hashable {
  public enum Style: Sendable, Hashable {
    /// Unquoted YAML, or a JSON number / `true` / `false` / `null`.
    case plain
    case singleQuoted
    /// Double-quoted YAML, or any JSON string.
    case doubleQuoted
    case literal
    case folded
  }

  /// The scalar's content after escapes, folding and chomping.
  public var text: String
  public var style: Style

  public init(_ text: String, style: Style) {
    self.text = text
    self.style = style
  }
}
