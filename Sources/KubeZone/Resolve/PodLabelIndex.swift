/// The pods of each namespace by label, so a selector looks at the pods
/// that carry one of its labels rather than at every pod of its namespace
/// (10,000 services over 150,000 pods made that scan a large cost).
struct PodLabelIndex: Sendable {
  /// Per namespace, positions in `Inventory.pods`, ascending, by the hash
  /// of one label (key and value). Hashes, not the labels: the caller
  /// tests the selector on every candidate anyway, so two labels that
  /// hash alike only add candidates, and building the index neither
  /// retains nor compares a string.
  private var namespaces: [String: [Int: [Int]]] = [:]

  init() {}

  /// Indexes `pods`, whose namespaces sit in the contiguous `ranges`; the
  /// namespaces are indexed on all cores, each into its own table. Only
  /// labels whose key is in `keys` (every key a selector asked about will
  /// name) are indexed: pods carry labels no Service selects on
  /// (`pod-template-hash`, `app.kubernetes.io/...`), and indexing them was
  /// most of this index's cost.
  init(_ pods: [Pod], ranges: [String: Range<Int>], keys: Set<String>) {
    guard !keys.isEmpty else { return }
    let runs = Array(ranges)
    let wanted = Keys(keys)
    let tables = ParallelMap.map(runs) { run in Self.table(pods, run.value, wanted) }
    namespaces = Dictionary(uniqueKeysWithValues: zip(runs.map(\.key), tables))
  }

  private static func table(_ pods: [Pod], _ range: Range<Int>, _ keys: Keys) -> [Int: [Int]] {
    var positions: [Int: [Int]] = [:]
    for i in range {
      for (key, value) in pods[i].meta.labels where keys.contains(key) {
        positions[label(key, value), default: []].append(i)
      }
    }
    return positions
  }

  /// The label keys indexed: a few keys are compared in a list, which
  /// costs less than hashing every label's key for a set.
  private struct Keys: Sendable {
    let list: [String]
    let set: Set<String>?

    init(_ keys: Set<String>) {
      list = keys.count > 8 ? [] : Array(keys)
      set = keys.count > 8 ? keys : nil
    }

    func contains(_ key: String) -> Bool {
      if let set { return set.contains(key) }
      return list.contains(key)
    }
  }

  @inline(__always) private static func label(_ key: String, _ value: String) -> Int {
    var hasher = Hasher()
    hasher.combine(key)
    hasher.combine(value)
    return hasher.finalize()
  }

  /// Ascending positions of the pods in `namespace` that may match
  /// `selector`: every pod that matches it is among them (the pods with the
  /// selector's rarest label), and the caller tests each. `selector` must
  /// not be empty, and its keys among those indexed.
  func candidates(namespace: String, selector: [String: String]) -> [Int] {
    guard let positions = namespaces[namespace] else { return [] }
    var best: [Int]?
    for (key, value) in selector {
      let list = positions[Self.label(key, value)] ?? []
      if list.count < best?.count ?? Int.max { best = list }
    }
    return best ?? []
  }
}
