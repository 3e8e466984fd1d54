/// One event of the YAML parser (the serialization tree, flattened).
struct YAMLEvent: Sendable {
  enum Kind: Sendable {
    case streamStart, streamEnd
    case documentStart(explicit: Bool)
    case documentEnd(explicit: Bool)
    case alias(String)
    case scalar(String, Scalar.Style)
    case sequenceStart(flow: Bool), sequenceEnd
    case mappingStart(flow: Bool), mappingEnd
  }

  var kind: Kind
  var anchor: String?
  /// The resolved tag (full form), nil when untagged.
  var tag: String?
  /// Offset of the event's content (after any anchor and tag).
  var offset: Int

  init(_ kind: Kind, at offset: Int, anchor: String? = nil, tag: String? = nil) {
    self.kind = kind
    self.offset = offset
    self.anchor = anchor
    self.tag = tag
  }
}
