/// The one line a run ends with.
enum Summary {
  /// `unchanged` zones were left as they were; the others were written.
  static func line(_ outcome: GenerateOutcome, folder: String, unchanged: Int = 0, pruned: Int = 0) -> String {
    let counts = outcome.recordCounts
    let total = counts.values.reduce(0, +)
    let perType = RRType.allCases.compactMap { t in counts[t].map { "\($0) \(t.rawValue)" } }
      .joined(separator: ", ")
    let zones = outcome.zones.count
    let noun = "\(zones) zone\(zones == 1 ? "" : "s")"
    let what: String
    switch unchanged {
    case 0: what = "\(noun) written to \(folder)/"
    case zones: what = "\(noun) unchanged in \(folder)/"
    default: what = "\(noun) in \(folder)/ (\(zones - unchanged) written, \(unchanged) unchanged)"
    }
    var line = "kubezone: \(what), \(total) records (\(perType)) from \(outcome.serviceCount) service\(outcome.serviceCount == 1 ? "" : "s")"
    let skipped = outcome.skippedObjects.values.reduce(0, +)
    if skipped > 0 {
      let kinds = outcome.skippedObjects.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
      line += "; \(skipped) object\(skipped == 1 ? "" : "s") skipped (\(kinds.joined(separator: ", ")))"
    }
    if let publicZones = outcome.publicZones { line += "; " + publicPhrase(publicZones) }
    if outcome.skippedPTRs > 0 { line += "; \(outcome.skippedPTRs) PTR outside every reverse zone" }
    if pruned > 0 { line += "; \(pruned) zone file\(pruned == 1 ? "" : "s") no longer produced deleted (--prune)" }
    if let filtered = filterPhrase(outcome.exclusions) { line += "; " + filtered }
    let warnings = outcome.log.warnings.count
    if warnings > 0 { line += "; \(warnings) warning\(warnings == 1 ? "" : "s")" }
    return line
  }

  /// `public records: example.com 4 (2 static), lan 1; 3 public names in
  /// no --zone skipped (--verbose names them)`
  static func publicPhrase(_ p: PublicZones) -> String {
    let zones = p.zones.map { zone in
      let generated = p.generated[zone.origin] ?? 0
      let statics = p.staticCounts[zone.origin] ?? 0
      return "\(zone.fileName.dropLast(".zone".count)) \(generated + statics)" + (statics > 0 ? " (\(statics) static)" : "")
    }
    var phrase = "public records: " + zones.joined(separator: ", ")
    if !p.skipped.isEmpty {
      let n = p.skipped.count
      phrase += "; \(n) public record\(n == 1 ? "" : "s") in no --zone skipped (--verbose names \(n == 1 ? "it" : "them"))"
    }
    return phrase
  }

  /// `filters left out 10 services, 300 pods (--namespaces); 2 services
  /// (--selector)`: what each filter left out, in option order; nil when
  /// nothing was.
  static func filterPhrase(_ exclusions: [FilterExclusion]) -> String? {
    guard !exclusions.isEmpty else { return nil }
    // Per option, how many of each: kinds, or parts of Services and Pods.
    var counts: [String: [String: Int]] = [:]
    for e in exclusions {
      let what: String
      switch e.part {
      case .all: what = e.object.kind
      case .endpoints: what = "endpoints"
      case .podRecord: what = "podRecord"
      }
      counts[e.reason.option, default: [:]][what, default: 0] += 1
    }
    let nouns: [(key: String, noun: (Int) -> String)] = [
      ("Service", { "\($0) service\($0 == 1 ? "" : "s")" }),
      ("endpoints", { "endpoints of \($0) service\($0 == 1 ? "" : "s")" }),
      ("Pod", { "\($0) pod\($0 == 1 ? "" : "s")" }),
      ("podRecord", { "\($0) pod record\($0 == 1 ? "" : "s")" }),
      ("EndpointSlice", { "\($0) EndpointSlice\($0 == 1 ? "" : "s")" }),
      ("Endpoints", { "\($0) Endpoints" }),
    ]
    let parts = FilterOptions.specs.map { "--" + $0.name }.compactMap { option -> String? in
      guard let perOption = counts[option] else { return nil }
      let items = nouns.compactMap { n in perOption[n.key].map(n.noun) }
      return items.joined(separator: ", ") + " (\(option))"
    }
    return "filters left out " + parts.joined(separator: "; ")
  }
}
