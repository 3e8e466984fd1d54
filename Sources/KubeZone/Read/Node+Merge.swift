/// YAML 1.1 merge keys (`<<`), which Kubernetes manifests use to share
/// blocks through anchors.
extension Node {
  /// This node with merge keys applied, at every level.
  ///
  /// In a mapping, a `<<` key (plain and untagged, or tagged `!!merge`)
  /// whose value is a mapping, or a sequence of mappings, is replaced in
  /// place by those mappings' entries. Keys written in the mapping itself
  /// win over merged ones, and among merged mappings the earlier one wins.
  /// A `<<` whose value is anything else is kept as an ordinary key. The
  /// recursion is as deep as the node, which the readers bound by
  /// `ReadLimits.maxDepth`.
  public func mergingKeys() -> Node {
    switch value {
    case .scalar:
      return self
    case .sequence(let items):
      return Node(.sequence(items.map { $0.mergingKeys() }), tag: tag, location: location)
    case .mapping(let pairs):
      let pairs = pairs.map { Pair(key: $0.key.mergingKeys(), value: $0.value.mergingKeys()) }
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
