/// A position while scanning: byte offset, 0-based line, and column in
/// Unicode scalars (what YAML indentation is measured in).
struct Mark: Sendable {
  var offset = 0
  var line = 0
  var column = 0
}

/// One token of the YAML scanner, as in the YAML 1.2 spec's lexical layer.
struct YAMLToken: Sendable {
  enum Kind: Sendable {
    case streamStart, streamEnd
    case versionDirective(major: Int, minor: Int)
    case tagDirective(handle: String, prefix: String)
    case reservedDirective
    case documentStart, documentEnd
    case blockSequenceStart, blockMappingStart, blockEnd
    case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
    case blockEntry, flowEntry, key, value
    case alias(String), anchor(String)
    case tag(handle: String, suffix: String)
    case scalar(String, Scalar.Style)
  }

  var kind: Kind
  var start: Mark
  var end: Mark

  /// A short name for "expected X, found Y" messages.
  var name: String {
    switch kind {
    case .streamStart: "stream start"
    case .streamEnd: "end of stream"
    case .versionDirective, .tagDirective, .reservedDirective: "directive"
    case .documentStart: "'---'"
    case .documentEnd: "'...'"
    case .blockSequenceStart, .blockMappingStart: "block collection"
    case .blockEnd: "end of block collection"
    case .flowSequenceStart: "'['"
    case .flowSequenceEnd: "']'"
    case .flowMappingStart: "'{'"
    case .flowMappingEnd: "'}'"
    case .blockEntry: "'-'"
    case .flowEntry: "','"
    case .key: "key"
    case .value: "':'"
    case .alias: "alias"
    case .anchor: "anchor"
    case .tag: "tag"
    case .scalar: "scalar"
    }
  }
}
