/// YAML 1.1 merge keys (`<<`), which Kubernetes manifests use to share
/// blocks through anchors.
extension Node {
  /// This node with merge keys applied, at every level.
  ///
  /// In a mapping, a `<<` key (plain and untagged, or tagged `!!merge`)
  /// whose value is a mapping, or a sequence of mappings, is replaced in
  /// place by those mappings' entries. Keys written in the mapping itself
  /// win over merged ones, and among merged mappings the earlier one wins.
  /// A `<<` whose value is anything else is kept as an ordinary key.
  /// Works with an explicit stack, so depth costs no call stack.
  public func mergingKeys() -> Node {
    // Post-order over an explicit stack: children are rebuilt first, so
    // merged-in mappings already have their own merges applied.
    struct Frame {
      var node: Node
      var children: [Node]
      var done: [Node] = []
    }
    func frame(_ node: Node) -> Frame? {
      switch node.value {
      case .scalar: return nil
      case .sequence(let items): return Frame(node: node, children: items)
      case .mapping(let pairs): return Frame(node: node, children: pairs.flatMap { [$0.key, $0.value] })
      }
    }
    guard let root = frame(self) else { return self }
    var stack = [root]
    while let top = stack.indices.last {
      let index = stack[top].done.count
      if index < stack[top].children.count {
        let child = stack[top].children[index]
        if let next = frame(child) {
          stack.append(next)
        } else {
          stack[top].done.append(child)
        }
        continue
      }
      let finished = stack.removeLast()
      let rebuilt = finished.node.rebuilt(from: finished.done)
      guard let parent = stack.indices.last else { return rebuilt }
      stack[parent].done.append(rebuilt)
    }
    return self
  }

  /// This collection with `children` (already merged) in place of its own;
  /// for a mapping, `children` alternate key, value.
  private func rebuilt(from children: [Node]) -> Node {
    guard case .mapping = value else {
      return Node(.sequence(children), tag: tag, location: location)
    }
    var pairs: [Pair] = []
    pairs.reserveCapacity(children.count / 2)
    var i = 0
    while i + 1 < children.count {
      pairs.append(Pair(key: children[i], value: children[i + 1]))
      i += 2
    }
    guard pairs.contains(where: { $0.key.isMergeKey && $0.value.mergeSources != nil }) else {
      return Node(.mapping(pairs), tag: tag, location: location)
    }
    var seen = Set(pairs.filter { !($0.key.isMergeKey && $0.value.mergeSources != nil) }.map { $0.key.mergeIdentity })
    var result: [Pair] = []
    for pair in pairs {
      guard pair.key.isMergeKey, let sources = pair.value.mergeSources else {
        result.append(pair)
        continue
      }
      for source in sources {
        for merged in source where seen.insert(merged.key.mergeIdentity).inserted {
          result.append(merged)
        }
      }
    }
    return Node(.mapping(result), tag: tag, location: location)
  }

  /// `<<` as YAML 1.1 reads it.
  var isMergeKey: Bool {
    guard let s = scalar, s.text == "<<" else { return false }
    return tag == "tag:yaml.org,2002:merge" || (tag == nil && s.style == .plain)
  }

  /// The mappings a merge value brings in, or nil when it is not a mapping
  /// or a sequence of mappings.
  var mergeSources: [[Pair]]? {
    switch value {
    case .mapping(let pairs):
      return [pairs]
    case .sequence(let items):
      var sources: [[Pair]] = []
      for item in items {
        guard let pairs = item.mapping else { return nil }
        sources.append(pairs)
      }
      return sources
    case .scalar:
      return nil
    }
  }

  /// What makes two keys the same: their core-schema JSON text, so `a` and
  /// `"a"` match but `1` and `"1"` do not.
  var mergeIdentity: String { jsonText() }
}
