/// Everything one `kubezone generate` run needs to know.
public struct GenerateRequest: Sendable {
  public var inputs: [String]
  /// Namespace for objects that name none (`kubectl --namespace`).
  public var namespace: String
  public var synthesis: SynthesisOptions
  public var zones: ZoneOptions
  /// What is published: namespaces, selectors, endpoints.
  public var filter: PublicationFilter
  /// Public zones and their sources (`--zone` and friends); off by default.
  public var publicNames = PublicNameOptions()
  /// Turn rejected names into errors instead of warnings.
  public var strict: Bool
  /// The zone header template.
  public var header: Template
  /// Called from any thread while inputs are read, for a progress line.
  public var progress: (@Sendable (ReadProgress) -> Void)?

  public init(
    inputs: [String], namespace: String = "default", synthesis: SynthesisOptions,
    zones: ZoneOptions, filter: PublicationFilter = PublicationFilter(), strict: Bool = false, header: Template
  ) {
    self.inputs = inputs
    self.namespace = namespace
    self.synthesis = synthesis
    self.zones = zones
    self.filter = filter
    self.strict = strict
    self.header = header
  }
}

/// What a run computed, before anything is written.
public struct GenerateOutcome: Sendable {
  public var zones: [Zone]
  /// The zone header template the zones are rendered with.
  public var header: Template
  public var log: DiagnosticLog
  public var objectCount: Int
  /// Objects not read, by `apiVersion/kind`.
  public var skippedObjects: [String: Int]
  public var skippedPTRs: Int
  /// Services published (after the filters).
  public var serviceCount: Int
  /// The filters of the run.
  public var filter = PublicationFilter()
  /// Every object the filters left out, and why, in (kind, namespace,
  /// name) order: what `explain` reads to say why an object has no record.
  public var exclusions: [FilterExclusion] = []
  /// How long each stage took.
  public var timings = StageTimings()
  /// Each record's origins and what was left out, when the request's
  /// `synthesis.provenance` asked for them; nil otherwise.
  public var provenance: Provenance?
  /// The public zones' share of `zones` and what no zone held; nil
  /// without `--zone`.
  public var publicZones: PublicZones?

  /// The text of each zone file, in `zones` order, rendered on each call
  /// (with the zones' own serials): `generate` writes through the
  /// lifecycle, which renders once with the final serial, so the pipeline
  /// keeps no second copy of every zone. The header was checked already.
  public var texts: [String] {
    let writer = ZoneWriter(header: header)
    return ParallelMap.map(zones) { zone in (try? writer.text(for: zone, generator: ZonePlanner.generator)) ?? "" }
  }

  /// The exclusions of one object (kind, namespace, name).
  public func exclusions(of object: ObjectKey) -> [FilterExclusion] {
    exclusions.filter { $0.object == object }
  }

  /// Records per type over all zones (SOA and NS included).
  public var recordCounts: [RRType: Int] {
    // Tallied by rank, reading the records in place: joining each zone's
    // apex and records, and a dictionary update per record, took 1.5% of
    // a 30k-pod run, after its zones were written.
    var tally = [Int](repeating: 0, count: RRType.allCases.count)
    for zone in zones {
      for r in zone.apexRecords { tally[r.type.rank] += 1 }
      zone.records.withUnsafeBufferPointer { records in
        for i in records.indices { tally[records[i].type.rank] += 1 }
      }
    }
    var counts: [RRType: Int] = [:]
    for type in RRType.allCases where tally[type.rank] > 0 { counts[type] = tally[type.rank] }
    return counts
  }
}
