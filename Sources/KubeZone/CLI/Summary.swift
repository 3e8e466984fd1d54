/// The one line a run ends with.
enum Summary {
  /// `unchanged` zones were left as they were; the others were written.
  static func line(_ outcome: GenerateOutcome, folder: String, unchanged: Int = 0) -> String {
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
    if outcome.skippedPTRs > 0 { line += "; \(outcome.skippedPTRs) PTR outside every reverse zone" }
    let warnings = outcome.log.warnings.count
    if warnings > 0 { line += "; \(warnings) warning\(warnings == 1 ? "" : "s")" }
    return line
  }
}
