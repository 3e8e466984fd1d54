/// Builds pruned `Node`s from YAML parser events: the items of a chunk of
/// a kubectl List (`- item` entries at column 0, parsed on their own as a
/// block sequence), keeping only what a `PruneSchema` keeps.
///
/// Nodes carry the text, style, tag and position the full composer would
/// give them. Whatever it does not handle exactly like the full reader
/// (aliases, merge keys in kept mappings, complex keys, several documents,
/// anything but a sequence at the root) makes it give up with
/// `PruningAbort`, and the caller reads the input the full way.
struct PruningYAMLComposer {
  var parser: YAMLParser
  var lines: LineCounter
  let limits: ReadLimits
  /// Collections around the chunk's root sequence in the full document
  /// (the List mapping), for the depth limit.
  let outerDepth: Int
  var depth = 0
  private var pending: YAMLEvent?

  init(parser: YAMLParser, lines: LineCounter, limits: ReadLimits, outerDepth: Int) {
    self.parser = parser
    self.lines = lines
    self.limits = limits
    self.outerDepth = outerDepth
  }

  /// Calls `body` with each item of the chunk's root sequence, pruned to
  /// `schema`, in order.
  mutating func items(
    _ bytes: UnsafeBufferPointer<UInt8>, schema: PruneSchema, _ body: (Node) throws(PruningAbort) -> Void
  ) throws(PruningAbort) {
    guard case .streamStart = try next().kind, case .documentStart = try next().kind,
      case .sequenceStart = try next().kind
    else { throw PruningAbort(reason: "not a sequence", offset: 0) }
    depth = 1
    while true {
      let e = try next()
      if case .sequenceEnd = e.kind { break }
      pending = e
      guard let item = try build(.fields(schema), bytes) else { throw PruningAbort(reason: "item", offset: e.offset) }
      try body(item)
    }
    guard case .documentEnd = try next().kind, case .streamEnd = try next().kind else {
      throw PruningAbort(reason: "more than one document", offset: 0)
    }
  }

  mutating func next() throws(PruningAbort) -> YAMLEvent {
    if let e = pending {
      pending = nil
      return e
    }
    let event: YAMLEvent?
    do throws(SyntaxError) {
      event = try parser.next()
    } catch {
      throw PruningAbort(reason: "\(error.kind)", offset: error.offset)
    }
    guard let event else { throw PruningAbort(reason: "end of events", offset: 0) }
    return event
  }

  /// One node under `rule` (nil: skip it and return nil).
  mutating func build(_ rule: PruneSchema.Rule?, _ bytes: UnsafeBufferPointer<UInt8>) throws(PruningAbort) -> Node? {
    let e = try next()
    switch e.kind {
    case .scalar(let text, let style):
      guard rule != nil else { return nil }
      return Node(.scalar(Scalar(text, style: style)), tag: e.tag, location: lines.location(e.offset, in: bytes))
    case .sequenceStart, .mappingStart:
      if outerDepth + depth >= limits.maxDepth { throw PruningAbort(reason: "nesting depth", offset: e.offset) }
      guard let rule else {
        try skipCollection()
        return nil
      }
      let location = lines.location(e.offset, in: bytes)
      depth += 1
      defer { depth -= 1 }
      if case .sequenceStart = e.kind {
        var items: [Node] = []
        while true {
          let n = try next()
          if case .sequenceEnd = n.kind { break }
          pending = n
          if let item = try build(rule, bytes) { items.append(item) }
        }
        return Node(.sequence(items), tag: e.tag, location: location)
      }
      var pairs: [Node.Pair] = []
      while true {
        let k = try next()
        if case .mappingEnd = k.kind { break }
        guard case .scalar(let text, let style) = k.kind, k.anchor == nil else {
          throw PruningAbort(reason: "complex or anchored key", offset: k.offset)
        }
        if text == "<<" && ((k.tag == nil && style == .plain) || k.tag == "tag:yaml.org,2002:merge") {
          throw PruningAbort(reason: "merge key", offset: k.offset)
        }
        var keep: PruneSchema.Rule?
        switch rule {
        case .all: keep = .all
        case .fields(let schema):
          var t = text
          keep = t.withUTF8 { schema.rule(for: $0) }
        }
        guard let keep else {
          _ = try build(nil, bytes)
          continue
        }
        let key = Node(.scalar(Scalar(text, style: style)), tag: k.tag, location: lines.location(k.offset, in: bytes))
        guard let value = try build(keep, bytes) else { throw PruningAbort(reason: "value", offset: k.offset) }
        pairs.append(Node.Pair(key: key, value: value))
      }
      return Node(.mapping(pairs), tag: e.tag, location: location)
    case .alias:
      throw PruningAbort(reason: "alias", offset: e.offset)
    default:
      throw PruningAbort(reason: "unexpected event", offset: e.offset)
    }
  }

  /// Skips the rest of a collection whose start was just read.
  mutating func skipCollection() throws(PruningAbort) {
    var open = 1
    while open > 0 {
      let e = try next()
      switch e.kind {
      case .sequenceStart, .mappingStart:
        if outerDepth + depth + open >= limits.maxDepth { throw PruningAbort(reason: "nesting depth", offset: e.offset) }
        open += 1
      case .sequenceEnd, .mappingEnd: open -= 1
      case .alias: throw PruningAbort(reason: "alias", offset: e.offset)
      case .scalar: break
      default: throw PruningAbort(reason: "unexpected event", offset: e.offset)
      }
    }
  }
}
