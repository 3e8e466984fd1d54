/// Parser states inside block and flow collections.
extension YAMLParser {
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
