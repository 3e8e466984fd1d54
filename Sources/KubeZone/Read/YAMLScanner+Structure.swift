/// Simple keys, block indentation, and the indicator tokens that give a
/// stream its structure.
extension YAMLScanner {
  // MARK: Simple keys

  mutating func staleSimpleKeys() throws(SyntaxError) {
    // Keys in a flow mapping may span lines; elsewhere they may not.
    let multiLineOK = flowKinds.last == true
    for i in simpleKeys.indices where simpleKeys[i].possible {
      let k = simpleKeys[i]
      if multiLineOK && i == simpleKeys.count - 1 { continue }
      if k.mark.line < mark.line || k.mark.offset + 1024 < mark.offset {
        if k.required {
          // The ':' was due right after the key's last token.
          let at = tokens.last.map { $0.end.line == k.mark.line ? $0.end.offset : mark.offset } ?? mark.offset
          throw SyntaxError("could not find expected ':'", at: at)
        }
        simpleKeys[i].possible = false
      }
    }
  }

  mutating func saveSimpleKey() throws(SyntaxError) {
    let required = flowLevel == 0 && indent == mark.column
    guard simpleKeyAllowed else { return }
    try removeSimpleKey()
    simpleKeys[simpleKeys.count - 1] = SimpleKey(
      possible: true, required: required,
      tokenNumber: tokensTaken + tokens.count - head, mark: mark, tabBefore: tabBeforeToken)
  }

  mutating func removeSimpleKey() throws(SyntaxError) {
    let k = simpleKeys[simpleKeys.count - 1]
    if k.possible && k.required {
      throw SyntaxError("could not find expected ':'", at: mark.offset)
    }
    simpleKeys[simpleKeys.count - 1].possible = false
  }

  // MARK: Indentation

  /// Opens a block collection at `column` if it is deeper than the current
  /// one; `number` places the start token before an already queued key.
  mutating func rollIndent(_ column: Int, number: Int?, kind: YAMLToken.Kind, at start: Mark, tabBefore: Bool) throws(SyntaxError) {
    guard flowLevel == 0, indent < column else { return }
    if tabBefore {
      throw SyntaxError("found a tab character that violates indentation", at: start.offset)
    }
    if start.line == documentStartLine {
      throw SyntaxError("a block collection cannot start on the same line as '---'", at: start.offset)
    }
    if indents.count >= limits.maxDepth {
      throw SyntaxError(.depthLimit(limits.maxDepth), at: start.offset)
    }
    indents.append(indent)
    indent = column
    let token = YAMLToken(kind: kind, start: start, end: start)
    if let number {
      tokens.insert(token, at: head + number - tokensTaken)
    } else {
      tokens.append(token)
    }
  }

  /// Closes block collections deeper than `column`.
  mutating func unrollIndent(_ column: Int) {
    guard flowLevel == 0 else { return }
    while indent > column {
      tokens.append(YAMLToken(kind: .blockEnd, start: mark, end: mark))
      indent = indents.popLast() ?? -1
    }
  }

  // MARK: Structure tokens

  mutating func fetchStreamStart() {
    if at() == 0xEF, at(1) == 0xBB, at(2) == 0xBF { mark.offset += 3 }
    indent = -1
    simpleKeyAllowed = true
    streamStarted = true
    append(.streamStart, from: mark)
  }

  mutating func fetchStreamEnd() throws(SyntaxError) {
    if mark.column != 0 {
      mark.column = 0
      mark.line += 1
    }
    unrollIndent(-1)
    try removeSimpleKey()
    simpleKeyAllowed = false
    streamEnded = true
    append(.streamEnd, from: mark)
  }

  mutating func fetchDocumentIndicator(start: Bool) throws(SyntaxError) {
    if flowLevel > 0 {
      throw SyntaxError("document marker not allowed inside a flow collection", at: mark.offset)
    }
    unrollIndent(-1)
    try removeSimpleKey()
    simpleKeyAllowed = false
    let begin = mark
    skip(); skip(); skip()
    if start {
      documentStartLine = begin.line
      append(.documentStart, from: begin)
    } else {
      append(.documentEnd, from: begin)
      // Only a comment may follow `...` on its line.
      while isBlank() { skip() }
      if !isBreakZ(), at() != UInt8(ascii: "#") {
        throw SyntaxError("found content after document end marker", at: mark.offset)
      }
    }
  }

  mutating func fetchFlowCollectionStart(mapping: Bool) throws(SyntaxError) {
    try saveSimpleKey()
    if flowLevel >= limits.maxDepth || flowLevel + indents.count >= limits.maxDepth {
      throw SyntaxError(.depthLimit(limits.maxDepth), at: mark.offset)
    }
    flowKinds.append(mapping)
    simpleKeys.append(SimpleKey())
    simpleKeyAllowed = true
    let start = mark
    skip()
    append(mapping ? .flowMappingStart : .flowSequenceStart, from: start)
  }

  mutating func fetchFlowCollectionEnd(mapping: Bool) throws(SyntaxError) {
    try removeSimpleKey()
    if flowLevel > 0 {
      flowKinds.removeLast()
      simpleKeys.removeLast()
    }
    simpleKeyAllowed = false
    let start = mark
    skip()
    append(mapping ? .flowMappingEnd : .flowSequenceEnd, from: start)
    afterJSONNode = true
    try checkAfterFlowNode()
  }

  mutating func fetchFlowEntry() throws(SyntaxError) {
    try removeSimpleKey()
    simpleKeyAllowed = true
    let start = mark
    skip()
    append(.flowEntry, from: start)
  }

  mutating func fetchBlockEntry() throws(SyntaxError) {
    if flowLevel == 0 {
      if !simpleKeyAllowed {
        throw SyntaxError("block sequence entries are not allowed here", at: mark.offset)
      }
      try rollIndent(mark.column, number: nil, kind: .blockSequenceStart, at: mark, tabBefore: tabBeforeToken)
    } else {
      throw SyntaxError("block sequence entries are not allowed in a flow collection", at: mark.offset)
    }
    try removeSimpleKey()
    simpleKeyAllowed = true
    let start = mark
    skip()
    append(.blockEntry, from: start)
  }

  mutating func fetchKey() throws(SyntaxError) {
    if flowLevel == 0 {
      if !simpleKeyAllowed {
        throw SyntaxError("mapping keys are not allowed here", at: mark.offset)
      }
      try rollIndent(mark.column, number: nil, kind: .blockMappingStart, at: mark, tabBefore: tabBeforeToken)
    }
    try removeSimpleKey()
    simpleKeyAllowed = flowLevel == 0
    let start = mark
    skip()
    append(.key, from: start)
  }

  mutating func fetchValue() throws(SyntaxError) {
    let k = simpleKeys[simpleKeys.count - 1]
    if k.possible {
      let token = YAMLToken(kind: .key, start: k.mark, end: k.mark)
      tokens.insert(token, at: head + k.tokenNumber - tokensTaken)
      try rollIndent(k.mark.column, number: k.tokenNumber, kind: .blockMappingStart, at: k.mark, tabBefore: k.tabBefore)
      simpleKeys[simpleKeys.count - 1].possible = false
      simpleKeyAllowed = false
    } else {
      if flowLevel == 0 {
        if !simpleKeyAllowed {
          throw SyntaxError("mapping values are not allowed here", at: mark.offset)
        }
        try rollIndent(mark.column, number: nil, kind: .blockMappingStart, at: mark, tabBefore: tabBeforeToken)
      }
      simpleKeyAllowed = flowLevel == 0
    }
    let start = mark
    skip()
    append(.value, from: start)
  }

  /// After a quoted scalar or flow collection, only blanks, a comment, a
  /// break, a flow indicator or `:` may follow directly.
  func checkAfterFlowNode() throws(SyntaxError) {
    let c = at()
    if isBlankZ() || c == UInt8(ascii: ":") { return }
    if flowLevel > 0, Self.isFlowIndicator(c) { return }
    if c == UInt8(ascii: "#") {
      throw SyntaxError("comments must be separated from other tokens by white space", at: mark.offset)
    }
    if flowLevel == 0 {
      throw SyntaxError("found unexpected '\(currentCharacter)' after a flow collection or quoted scalar", at: mark.offset)
    }
  }
}
