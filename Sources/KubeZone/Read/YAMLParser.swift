/// Turns scanner tokens into events, checking the YAML grammar.
///
/// A state machine with an explicit state stack (the design of libyaml's
/// parser), so nesting never grows the call stack.
struct YAMLParser {
  enum State {
    case streamStart, implicitDocumentStart, documentStart, documentContent, documentEnd
    case blockNode, blockNodeOrIndentlessSequence, flowNode
    case blockSequenceFirstEntry, blockSequenceEntry, indentlessSequenceEntry
    case blockMappingFirstKey, blockMappingKey, blockMappingValue
    case flowSequenceFirstEntry, flowSequenceEntry
    case flowSequenceEntryMappingKey, flowSequenceEntryMappingValue, flowSequenceEntryMappingEnd
    case flowMappingFirstKey, flowMappingKey, flowMappingValue, flowMappingEmptyValue
    case end
  }

  var scanner: YAMLScanner
  var state = State.streamStart
  var states: [State] = []
  var tagHandles: [String: String] = [:]
  /// Whether the previous document ended with `...` (or none was read yet).
  var documentClosed = true

  static let defaultHandles = ["!": "!", "!!": "tag:yaml.org,2002:"]

  init(_ bytes: [UInt8], limits: ReadLimits) {
    scanner = YAMLScanner(bytes, limits: limits)
  }

  mutating func peek() throws(SyntaxError) -> YAMLToken { try scanner.peek() }

  /// The next event, or nil after the stream end.
  mutating func next() throws(SyntaxError) -> YAMLEvent? {
    switch state {
    case .streamStart:
      let t = try peek()
      scanner.advance()
      state = .implicitDocumentStart
      return YAMLEvent(.streamStart, at: t.start.offset)
    case .implicitDocumentStart: return try documentStart(implicit: true)
    case .documentStart: return try documentStart(implicit: false)
    case .documentContent: return try documentContent()
    case .documentEnd: return try documentEnd()
    case .blockNode: return try node(block: true, indentless: false)
    case .blockNodeOrIndentlessSequence: return try node(block: true, indentless: true)
    case .flowNode: return try node(block: false, indentless: false)
    case .blockSequenceFirstEntry: return try blockSequenceEntry(first: true)
    case .blockSequenceEntry: return try blockSequenceEntry(first: false)
    case .indentlessSequenceEntry: return try indentlessSequenceEntry()
    case .blockMappingFirstKey: return try blockMappingKey(first: true)
    case .blockMappingKey: return try blockMappingKey(first: false)
    case .blockMappingValue: return try blockMappingValue()
    case .flowSequenceFirstEntry: return try flowSequenceEntry(first: true)
    case .flowSequenceEntry: return try flowSequenceEntry(first: false)
    case .flowSequenceEntryMappingKey: return try flowSequenceEntryMappingKey()
    case .flowSequenceEntryMappingValue: return try flowSequenceEntryMappingValue()
    case .flowSequenceEntryMappingEnd:
      state = .flowSequenceEntry
      return YAMLEvent(.mappingEnd, at: try peek().start.offset)
    case .flowMappingFirstKey: return try flowMappingKey(first: true)
    case .flowMappingKey: return try flowMappingKey(first: false)
    case .flowMappingValue: return try flowMappingValue(empty: false)
    case .flowMappingEmptyValue: return try flowMappingValue(empty: true)
    case .end: return nil
    }
  }

  mutating func popState() {
    state = states.popLast() ?? .end
  }

  func empty(at offset: Int) -> YAMLEvent {
    YAMLEvent(.scalar("", .plain), at: offset)
  }

  // MARK: Documents

  mutating func documentStart(implicit: Bool) throws(SyntaxError) -> YAMLEvent? {
    var t = try peek()
    do {
      while case .documentEnd = t.kind {
        scanner.advance()
        documentClosed = true
        t = try peek()
      }
    }
    switch t.kind {
    case .streamEnd:
      scanner.advance()
      state = .end
      return YAMLEvent(.streamEnd, at: t.start.offset)
    case .versionDirective, .tagDirective, .reservedDirective, .documentStart:
      break
    default:
      guard implicit || documentClosed else {
        throw SyntaxError("did not find expected '---' document start", at: t.start.offset)
      }
      tagHandles = Self.defaultHandles
      states.append(.documentEnd)
      state = .blockNode
      return YAMLEvent(.documentStart(explicit: false), at: t.start.offset)
    }
    try processDirectives()
    t = try peek()
    guard case .documentStart = t.kind else {
      throw SyntaxError("did not find expected '---' document start", at: t.start.offset)
    }
    scanner.advance()
    states.append(.documentEnd)
    state = .documentContent
    return YAMLEvent(.documentStart(explicit: true), at: t.start.offset)
  }

  mutating func processDirectives() throws(SyntaxError) {
    tagHandles = Self.defaultHandles
    var sawYAML = false
    var declared: Set<String> = []
    while true {
      let t = try peek()
      switch t.kind {
      case .versionDirective(let major, _):
        if !documentClosed {
          throw SyntaxError("a directive needs the previous document to end with '...'", at: t.start.offset)
        }
        if sawYAML {
          throw SyntaxError("found duplicate %YAML directive", at: t.start.offset)
        }
        if major != 1 {
          throw SyntaxError("found incompatible YAML document (version \(major).x)", at: t.start.offset)
        }
        sawYAML = true
      case .tagDirective(let handle, let prefix):
        if !documentClosed {
          throw SyntaxError("a directive needs the previous document to end with '...'", at: t.start.offset)
        }
        if declared.contains(handle) {
          throw SyntaxError("found duplicate %TAG directive for '\(handle)'", at: t.start.offset)
        }
        declared.insert(handle)
        tagHandles[handle] = prefix
      case .reservedDirective:
        if !documentClosed {
          throw SyntaxError("a directive needs the previous document to end with '...'", at: t.start.offset)
        }
      default:
        return
      }
      scanner.advance()
    }
  }

  mutating func documentContent() throws(SyntaxError) -> YAMLEvent? {
    let t = try peek()
    switch t.kind {
    case .versionDirective, .tagDirective, .reservedDirective, .documentStart, .documentEnd, .streamEnd:
      popState()
      return empty(at: t.start.offset)
    default:
      return try node(block: true, indentless: false)
    }
  }

  mutating func documentEnd() throws(SyntaxError) -> YAMLEvent? {
    let t = try peek()
    var explicit = false
    if case .documentEnd = t.kind {
      scanner.advance()
      explicit = true
    }
    documentClosed = explicit
    switch t.kind {
    case .documentEnd, .documentStart, .streamEnd, .versionDirective, .tagDirective, .reservedDirective:
      break
    default:
      throw SyntaxError("did not find expected end of document, found \(t.name)", at: t.start.offset)
    }
    state = .documentStart
    return YAMLEvent(.documentEnd(explicit: explicit), at: t.start.offset)
  }

  // MARK: Nodes

  mutating func node(block: Bool, indentless: Bool) throws(SyntaxError) -> YAMLEvent? {
    var t = try peek()
    if case .alias(let name) = t.kind {
      scanner.advance()
      popState()
      return YAMLEvent(.alias(name), at: t.start.offset)
    }
    var anchor: String?
    var tag: String?
    var propertyStart: Int?
    var propertyLine = -1
    while true {
      if case .anchor(let name) = t.kind {
        if anchor != nil {
          throw SyntaxError("found a second anchor on the same node", at: t.start.offset)
        }
        anchor = name
      } else if case .tag(let handle, let suffix) = t.kind {
        if tag != nil {
          throw SyntaxError("found a second tag on the same node", at: t.start.offset)
        }
        tag = try resolveTag(handle: handle, suffix: suffix, at: t.start.offset)
      } else {
        break
      }
      propertyStart = propertyStart ?? t.start.offset
      propertyLine = t.start.line
      scanner.advance()
      t = try peek()
    }
    let offset = t.start.offset
    switch t.kind {
    case .blockEntry where indentless:
      state = .indentlessSequenceEntry
      return YAMLEvent(.sequenceStart(flow: false), at: offset, anchor: anchor, tag: tag)
    case .scalar(let text, let style):
      scanner.advance()
      popState()
      return YAMLEvent(.scalar(text, style), at: offset, anchor: anchor, tag: tag)
    case .flowSequenceStart:
      state = .flowSequenceFirstEntry
      return YAMLEvent(.sequenceStart(flow: true), at: offset, anchor: anchor, tag: tag)
    case .flowMappingStart:
      state = .flowMappingFirstKey
      return YAMLEvent(.mappingStart(flow: true), at: offset, anchor: anchor, tag: tag)
    case .blockSequenceStart where block:
      if propertyLine == t.start.line {
        throw SyntaxError("a block sequence cannot start on the same line as its anchor or tag", at: offset)
      }
      state = .blockSequenceFirstEntry
      return YAMLEvent(.sequenceStart(flow: false), at: offset, anchor: anchor, tag: tag)
    case .blockMappingStart where block:
      if propertyLine == t.start.line {
        throw SyntaxError("a block mapping cannot start on the same line as its anchor or tag", at: offset)
      }
      state = .blockMappingFirstKey
      return YAMLEvent(.mappingStart(flow: false), at: offset, anchor: anchor, tag: tag)
    default:
      if let propertyStart {
        popState()
        return YAMLEvent(.scalar("", .plain), at: propertyStart, anchor: anchor, tag: tag)
      }
      throw SyntaxError("did not find expected node content, found \(t.name)", at: offset)
    }
  }

  func resolveTag(handle: String, suffix: String, at offset: Int) throws(SyntaxError) -> String {
    if handle.isEmpty { return suffix }
    guard let prefix = tagHandles[handle] else {
      throw SyntaxError("found undefined tag handle '\(handle)'", at: offset)
    }
    return prefix + suffix
  }
}
