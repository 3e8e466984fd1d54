extension Sequence where Element: Hashable {
  /// Each element once, in first order: objects named in a message, the
  /// records of a zone, the zones of a run.
  func uniqued() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
