/// Refuses runs that would wipe or gut the zones already written (exit 3),
/// unless `--force`.
///
/// Two checks, after the ways unattended DNS sync goes wrong in practice:
/// an empty snapshot (an API outage or a wrong kubeconfig yields no
/// objects) would delete every record; and a large drop in RRsets usually
/// means a partial snapshot. Changes that keep the count, like a rolling
/// restart that gives every pod a new IP, pass.
public struct SafetyGuard: Sendable {
  /// Largest allowed drop in RRsets, in percent (octoDNS's default).
  public var maxShrinkPercent: Int = 30
  /// The shrink check starts at this many existing RRsets: below it, a
  /// small test cluster would trip it with every change.
  public static let minimumRRsets = 10

  public init(maxShrinkPercent: Int = 30) {
    self.maxShrinkPercent = maxShrinkPercent
  }

  /// Throws `.refused` with what would be lost and how to override.
  /// `filterNote` says what the publication filters left out (`filters
  /// left out 3 services ...`), so a refusal caused by narrowing them
  /// says so; a narrowed filter is refused like any other shrink.
  public func check(
    existing: ExistingZones, new zones: [Zone], serviceCount: Int, folder: String, filterNote: String? = nil
  ) throws(KubeZoneFailure) {
    // A `matched` file adds its zone's RRsets to both sides: only the
    // other files and zones can make the new zones smaller, and with no
    // other RRsets on disk (a first run, or nothing changed) none can.
    let oldOthers = existing.unmatchedRRsetCount
    guard oldOthers > 0 else { return }
    let newOthers = RRsetCount.count(zones.filter { existing.entries[$0.fileName]?.matched != true })
    guard newOthers < oldOthers else { return }
    let sameCount = RRsetCount.count(zones.filter { existing.entries[$0.fileName]?.matched == true })
    let old = oldOthers + sameCount
    let new = newOthers + sameCount
    let lost = lostExamples(existing, zones)
    if serviceCount == 0, let filterNote {
      throw .refused(
        "the filters leave no Service to publish (\(filterNote)), but the zones in \(folder)/ hold \(old) RRsets; "
          + "writing would remove \(old - new) of them\(lost). Check the filters, or pass --force to write anyway.")
    }
    if serviceCount == 0 {
      throw .refused(
        "the inputs hold no Service, but the zones in \(folder)/ hold \(old) RRsets; writing would remove "
          + "\(old - new) of them\(lost). An empty snapshot usually means the export failed. "
          + "Pass --force to write anyway.")
    }
    guard old >= Self.minimumRRsets else { return }
    let dropPercent = Double(old - new) * 100 / Double(old)
    if dropPercent > Double(maxShrinkPercent) {
      throw .refused(
        "the new zones hold \(new) RRsets, \(Int(dropPercent.rounded()))% fewer than the \(old) in \(folder)/ "
          + "(--max-shrink \(maxShrinkPercent)%); writing would remove \(old - new) RRsets\(lost). "
          + (filterNote.map { "The \($0). " } ?? "")
          + "Pass --force to write anyway, or raise --max-shrink.")
    }
  }

  /// ` (a.svc.cluster.local. A, b.svc.cluster.local. SRV, ... and 9 more)`.
  private func lostExamples(_ existing: ExistingZones, _ zones: [Zone]) -> String {
    var kept: Set<RRsetCount.Key> = []
    for z in zones { kept.formUnion(RRsetCount.keys(z.allRecords, origin: z.origin)) }
    let lost = existing.rrsets.subtracting(kept).sorted {
      $0.owner != $1.owner ? ZoneOrder.namePrecedes($0.owner, $1.owner) : $0.type < $1.type
    }
    guard !lost.isEmpty else { return "" }
    let shown = lost.prefix(3).map { "\($0.owner) \($0.type.rawValue)" }.joined(separator: ", ")
    return " (" + shown + (lost.count > 3 ? " and \(lost.count - 3) more)" : ")")
  }
}
