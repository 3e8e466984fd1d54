/// Reads a YAML 1.2 stream into one `Node` per document.
///
/// Builds nodes from parser events with an explicit stack, expands aliases
/// into copies of their anchored nodes (counting them against
/// `ReadLimits.maxNodes`), and turns byte offsets into line:column.
public enum YAMLReader {
  /// The documents of a YAML stream, in order. An explicit document with no
  /// content (`---` alone) yields a null plain scalar.
  public static func documents(_ bytes: [UInt8], file: String, limits: ReadLimits = .default) throws(ReadError) -> [Node] {
    var lines = LineTable(bytes, file: file)
    if let failure = InputCheck.validate(bytes, yaml: true) {
      throw ReadError(failure.kind, at: lines.location(failure.offset))
    }
    var composer = Composer(parser: YAMLParser(bytes, limits: limits), lines: lines, limits: limits)
    do {
      return try composer.run()
    } catch {
      throw ReadError(error.kind, at: composer.lines.location(error.offset))
    }
  }
}

/// Builds `Node` trees from parser events.
private struct Composer {
  /// A collection being built.
  struct Frame {
    var isMapping: Bool
    var tag: String?
    var anchor: String?
    var location: SourceLocation
    var items: [Node] = []
    var pairs: [Node.Pair] = []
    var pendingKey: Node?
    var size = 1
    /// Collection levels in the deepest child (0 for scalars only).
    var childHeight = 0
  }

  var parser: YAMLParser
  var lines: LineTable
  let limits: ReadLimits
  /// Anchored nodes with their node count and collection height, so an
  /// alias can be checked against both limits before it is copied in.
  var anchors: [String: (node: Node, size: Int, height: Int)] = [:]
  var stack: [Frame] = []
  var nodeCount = 0
  var documents: [Node] = []
  var root: Node?

  init(parser: YAMLParser, lines: LineTable, limits: ReadLimits) {
    self.parser = parser
    self.lines = lines
    self.limits = limits
  }

  mutating func run() throws(SyntaxError) -> [Node] {
    while let event = try parser.next() {
      try handle(event)
    }
    return documents
  }

  mutating func handle(_ event: YAMLEvent) throws(SyntaxError) {
    switch event.kind {
    case .streamStart, .streamEnd:
      break
    case .documentStart:
      anchors = [:]
      nodeCount = 0
      root = nil
    case .documentEnd:
      documents.append(root ?? Node(.scalar(Scalar("", style: .plain)), location: lines.location(event.offset)))
      root = nil
    case .alias(let name):
      guard let anchored = anchors[name] else {
        throw SyntaxError(.undefinedAlias(name), at: event.offset)
      }
      try count(anchored.size, at: event.offset)
      // Copies must not nest deeper than the limit either (the tree is
      // freed recursively).
      if stack.count + anchored.height > limits.maxDepth {
        throw SyntaxError(.aliasDepthLimit(limits.maxDepth), at: event.offset)
      }
      var copy = anchored.node
      copy.location = lines.location(event.offset)
      try add(copy, size: anchored.size, height: anchored.height)
    case .scalar(let text, let style):
      let node = Node(.scalar(Scalar(text, style: style)), tag: event.tag, location: lines.location(event.offset))
      if let anchor = event.anchor { anchors[anchor] = (node, 1, 0) }
      try add(node, size: 1, height: 0)
    case .sequenceStart, .mappingStart:
      if stack.count >= limits.maxDepth {
        throw SyntaxError(.depthLimit(limits.maxDepth), at: event.offset)
      }
      var isMapping = false
      if case .mappingStart = event.kind { isMapping = true }
      stack.append(Frame(isMapping: isMapping, tag: event.tag, anchor: event.anchor, location: lines.location(event.offset)))
    case .sequenceEnd, .mappingEnd:
      guard let frame = stack.popLast() else { return }
      let value: Node.Value = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
      let node = Node(value, tag: frame.tag, location: frame.location)
      let height = frame.childHeight + 1
      if let anchor = frame.anchor { anchors[anchor] = (node, frame.size, height) }
      try add(node, size: frame.size, height: height)
    }
  }

  /// Counts the nodes that aliases copy against the limit. Nodes written
  /// out in the source are not counted: their number is bounded by the
  /// input's size, and a large `kubectl get -o yaml` holds millions.
  mutating func count(_ n: Int, at offset: Int) throws(SyntaxError) {
    nodeCount += n
    if nodeCount > limits.maxNodes {
      throw SyntaxError(.nodeLimit(limits.maxNodes), at: offset)
    }
  }

  mutating func add(_ node: Node, size: Int, height: Int) throws(SyntaxError) {
    guard !stack.isEmpty else {
      root = node
      return
    }
    let top = stack.count - 1
    stack[top].size += size
    stack[top].childHeight = max(stack[top].childHeight, height)
    if stack[top].isMapping {
      if let key = stack[top].pendingKey {
        stack[top].pairs.append(Node.Pair(key: key, value: node))
        stack[top].pendingKey = nil
      } else {
        stack[top].pendingKey = node
      }
    } else {
      stack[top].items.append(node)
    }
  }
}
