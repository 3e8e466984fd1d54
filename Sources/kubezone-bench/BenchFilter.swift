import KubeZone

/// The publication filter of a benchmark run, from the same options as
/// `kubezone generate` (`--namespaces`, `--exclude-namespaces`,
/// `--selector`, `--namespace-selector`, `--no-endpoints`,
/// `--ignore-empty-services`), to measure what filtering costs.
enum BenchFilter {
  static let flags: Set<String> = ["no-endpoints", "ignore-empty-services"]

  static func from(_ options: [String: String], flags: Set<String>) -> PublicationFilter {
    func names(_ key: String) -> Set<String>? { options[key].map { Set($0.split(separator: ",").map(String.init)) } }
    func selector(_ key: String) -> LabelSelector? {
      guard let text = options[key] else { return nil }
      do { return try LabelSelector(text) } catch { Report.fail("--\(key) '\(text)': \(error)") }
    }
    return PublicationFilter(
      namespaces: names("namespaces"), excludedNamespaces: names("exclude-namespaces") ?? [],
      selector: selector("selector"), namespaceSelector: selector("namespace-selector"),
      noEndpoints: flags.contains("no-endpoints"), ignoreEmptyServices: flags.contains("ignore-empty-services"))
  }
}
