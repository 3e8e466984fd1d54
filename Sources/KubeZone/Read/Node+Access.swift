extension Node {
  /// The scalar, if this node is one.
  public var scalar: Scalar? {
    if case .scalar(let s) = value { return s }
    return nil
  }

  /// The entries, if this node is a mapping.
  public var mapping: [Pair]? {
    if case .mapping(let m) = value { return m }
    return nil
  }

  /// The items, if this node is a sequence.
  public var sequence: [Node]? {
    if case .sequence(let s) = value { return s }
    return nil
  }

  /// The value under a scalar key equal to `key`. With duplicate keys, the
  /// last one wins, as in most YAML loaders.
  public subscript(key: String) -> Node? {
    guard let entries = mapping else { return nil }
    return entries.last(where: { $0.key.scalar?.text == key })?.value
  }

  /// True for an untagged plain scalar that the YAML core schema reads as
  /// null (`null`, `Null`, `NULL`, `~`, or empty), or a `!!null` tag.
  public var isNull: Bool {
    guard let s = scalar else { return false }
    if tag == "tag:yaml.org,2002:null" { return true }
    guard tag == nil, s.style == .plain else { return false }
    switch s.text {
    case "", "~", "null", "Null", "NULL": return true
    default: return false
    }
  }
}
