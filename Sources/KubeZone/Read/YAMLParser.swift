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

  // MARK: Block collections

  mutating func blockSequenceEntry(first: Bool) throws(SyntaxError) -> YAMLEvent? {
    if first { scanner.advance() }
    let t = try peek()
    switch t.kind {
    case .blockEntry:
      scanner.advance()
      let n = try peek()
      switch n.kind {
      case .blockEntry, .blockEnd:
        state = .blockSequenceEntry
        return empty(at: n.start.offset)
      default:
        states.append(.blockSequenceEntry)
        return try node(block: true, indentless: false)
      }
    case .blockEnd:
      scanner.advance()
      popState()
      return YAMLEvent(.sequenceEnd, at: t.start.offset)
    default:
      throw SyntaxError("did not find expected '-' indicator, found \(t.name)", at: t.start.offset)
    }
  }

  mutating func indentlessSequenceEntry() throws(SyntaxError) -> YAMLEvent? {
    let t = try peek()
    guard case .blockEntry = t.kind else {
      popState()
      return YAMLEvent(.sequenceEnd, at: t.start.offset)
    }
    scanner.advance()
    let n = try peek()
    switch n.kind {
    case .blockEntry, .key, .value, .blockEnd:
      state = .indentlessSequenceEntry
      return empty(at: n.start.offset)
    default:
      states.append(.indentlessSequenceEntry)
      return try node(block: true, indentless: false)
    }
  }

  mutating func blockMappingKey(first: Bool) throws(SyntaxError) -> YAMLEvent? {
    if first { scanner.advance() }
    let t = try peek()
    switch t.kind {
    case .key:
      scanner.advance()
      let n = try peek()
      switch n.kind {
      case .key, .value, .blockEnd:
        state = .blockMappingValue
        return empty(at: n.start.offset)
      default:
        states.append(.blockMappingValue)
        return try node(block: true, indentless: true)
      }
    case .value:
      state = .blockMappingValue
      return empty(at: t.start.offset)
    case .blockEnd:
      scanner.advance()
      popState()
      return YAMLEvent(.mappingEnd, at: t.start.offset)
    default:
      throw SyntaxError("did not find expected key, found \(t.name)", at: t.start.offset)
    }
  }

  mutating func blockMappingValue() throws(SyntaxError) -> YAMLEvent? {
    let t = try peek()
    guard case .value = t.kind else {
      state = .blockMappingKey
      return empty(at: t.start.offset)
    }
    scanner.advance()
    let n = try peek()
    switch n.kind {
    case .key, .value, .blockEnd:
      state = .blockMappingKey
      return empty(at: n.start.offset)
    default:
      states.append(.blockMappingKey)
      return try node(block: true, indentless: true)
    }
  }

  // MARK: Flow collections

  mutating func flowSequenceEntry(first: Bool) throws(SyntaxError) -> YAMLEvent? {
    if first { scanner.advance() }
    var t = try peek()
    if case .flowSequenceEnd = t.kind {
    } else {
      if !first {
        guard case .flowEntry = t.kind else {
          throw SyntaxError("did not find expected ',' or ']', found \(t.name)", at: t.start.offset)
        }
        scanner.advance()
        t = try peek()
      }
      switch t.kind {
      case .flowSequenceEnd:
        break
      case .key:
        scanner.advance()
        state = .flowSequenceEntryMappingKey
        return YAMLEvent(.mappingStart(flow: true), at: t.start.offset)
      case .value:
        state = .flowSequenceEntryMappingKey
        return YAMLEvent(.mappingStart(flow: true), at: t.start.offset)
      default:
        states.append(.flowSequenceEntry)
        return try node(block: false, indentless: false)
      }
    }
    scanner.advance()
    popState()
    return YAMLEvent(.sequenceEnd, at: t.start.offset)
  }

  mutating func flowSequenceEntryMappingKey() throws(SyntaxError) -> YAMLEvent? {
    let t = try peek()
    switch t.kind {
    case .value, .flowEntry, .flowSequenceEnd:
      state = .flowSequenceEntryMappingValue
      return empty(at: t.start.offset)
    default:
      states.append(.flowSequenceEntryMappingValue)
      return try node(block: false, indentless: false)
    }
  }

  mutating func flowSequenceEntryMappingValue() throws(SyntaxError) -> YAMLEvent? {
    let t = try peek()
    if case .value = t.kind {
      scanner.advance()
      let n = try peek()
      switch n.kind {
      case .flowEntry, .flowSequenceEnd:
        break
      default:
        states.append(.flowSequenceEntryMappingEnd)
        return try node(block: false, indentless: false)
      }
    }
    state = .flowSequenceEntryMappingEnd
    return empty(at: t.start.offset)
  }

  mutating func flowMappingKey(first: Bool) throws(SyntaxError) -> YAMLEvent? {
    if first { scanner.advance() }
    var t = try peek()
    if case .flowMappingEnd = t.kind {
    } else {
      if !first {
        guard case .flowEntry = t.kind else {
          throw SyntaxError("did not find expected ',' or '}', found \(t.name)", at: t.start.offset)
        }
        scanner.advance()
        t = try peek()
      }
      switch t.kind {
      case .flowMappingEnd:
        break
      case .key:
        scanner.advance()
        let n = try peek()
        switch n.kind {
        case .value, .flowEntry, .flowMappingEnd:
          state = .flowMappingValue
          return empty(at: n.start.offset)
        default:
          states.append(.flowMappingValue)
          return try node(block: false, indentless: false)
        }
      case .value:
        state = .flowMappingValue
        return empty(at: t.start.offset)
      default:
        states.append(.flowMappingEmptyValue)
        return try node(block: false, indentless: false)
      }
    }
    scanner.advance()
    popState()
    return YAMLEvent(.mappingEnd, at: t.start.offset)
  }

  mutating func flowMappingValue(empty isEmpty: Bool) throws(SyntaxError) -> YAMLEvent? {
    let t = try peek()
    if isEmpty {
      state = .flowMappingKey
      return empty(at: t.start.offset)
    }
    if case .value = t.kind {
      scanner.advance()
      let n = try peek()
      switch n.kind {
      case .flowEntry, .flowMappingEnd:
        break
      default:
        states.append(.flowMappingKey)
        return try node(block: false, indentless: false)
      }
    }
    state = .flowMappingKey
    return empty(at: t.start.offset)
  }
}
