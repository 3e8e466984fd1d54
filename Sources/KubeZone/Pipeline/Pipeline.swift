/// read -> decode -> resolve -> synthesize -> assemble -> render.
///
/// Nothing here writes files: a run either computes every zone or fails
/// with the first fatal error, so a caller writes all zones or none.
public enum Pipeline {
  public static func generate(_ request: GenerateRequest) throws(InputError) -> GenerateOutcome {
    var timings = StageTimings()
    var clock = StageTimings.Clock()
    var decoded = ObjectDecoder.Result()
    let decoder = ObjectDecoder(defaultNamespace: request.namespace, publicNames: request.publicNames.isEnabled)
    let inputs = try InputFiles.expand(request.inputs)
    let meter = request.progress.map { ProgressMeter(totalBytes: InputFiles.totalSize(inputs), sink: $0) }
    for input in inputs {
      var read = try readInput(input, decoder: decoder, meter: meter)
      let before = decoded.objects.count
      let (size, unreported) = try decode(&read, with: decoder, into: &decoded)
      timings.inputBytes += size
      if let unreported { meter?.add(bytes: unreported, objects: decoded.objects.count - before) }
    }
    meter?.finish()
    clock.lap("read+decode", into: &timings)
    return try generate(request, decoded: consume decoded, timings: timings, clock: clock)
  }

  /// Reads and decodes one input's bytes into `decoded` with the full readers.
  static func decode(
    _ bytes: [UInt8], file: String, with decoder: ObjectDecoder, into decoded: inout ObjectDecoder.Result
  ) throws(InputError) {
    for document in try readDocuments(bytes, file: file) {
      try decoder.decode(document, into: &decoded)
    }
  }

  /// Everything after decoding: resolve, synthesize, assemble, render.
  /// The fuzz harness enters here with objects decoded from its bytes.
  static func generate(
    _ request: GenerateRequest, decoded: consuming ObjectDecoder.Result,
    timings: StageTimings = StageTimings(), clock: StageTimings.Clock = StageTimings.Clock()
  ) throws(InputError) -> GenerateOutcome {
    var timings = timings
    var clock = clock
    // Empty input is far more often a failed `kubectl get` or a truncated
    // file than an empty cluster; writing it would empty the served zone.
    guard decoded.documentCount > 0 else {
      throw InputError("the input holds no Kubernetes objects (empty, or only comments); nothing written", at: nil)
    }
    var log = decoded.log
    let objectCount = decoded.objects.count
    let conflicts = ConflictCheck(strict: request.strict)
    let skippedObjects = decoded.skipped
    // Each stage's input is dropped once the next has what it needs: the
    // inventory takes the objects' last copy, and the inventory and the
    // record list are gone before the zones are rendered.
    let objects = decoded.objects
    decoded.objects = []
    var (records, publicRecords, serviceCount, exclusions, provenance) = try synthesize(
      request, objects: consume objects, conflicts: conflicts, log: &log, timings: &timings, clock: &clock)
    clock.lap("synthesize", into: &timings)
    var assembled = try ZoneAssembler(options: request.zones).assemble(consume records)
    var publicZones: PublicZones?
    if request.publicNames.isEnabled {
      let reverse = assembled.zones.dropFirst().map(\.origin) + (request.zones.reverseZones?.map(\.zoneName) ?? [])
      let made = try PublicZones.make(
        publicRecords, options: request.publicNames, cluster: request.zones, reverse: reverse, log: &log)
      assembled.zones += made.zones
      publicZones = made
      provenance?.origins.merge(made.origins()) { generated, _ in generated }
      provenance?.exclusions += made.exclusions(zones: request.publicNames.zones)
    }
    clock.lap("assemble", into: &timings)
    // Zone text is rendered once, by the lifecycle, with the real serial;
    // here only the header template is checked, so its errors still stop
    // the run before anything is written.
    let writer = ZoneWriter(header: request.header)
    for zone in assembled.zones {
      do throws(TemplateError) {
        try writer.checkHeader(for: zone, generator: ZonePlanner.generator)
      } catch {
        throw error.inputError
      }
    }
    return GenerateOutcome(
      zones: assembled.zones, header: request.header, log: log, objectCount: objectCount,
      skippedObjects: skippedObjects, skippedPTRs: assembled.skippedPTRs,
      serviceCount: serviceCount, filter: request.filter, exclusions: exclusions, timings: timings,
      provenance: provenance, publicZones: publicZones)
  }

  /// Inventory and records; the inventory lives only while it is needed
  /// (or, with provenance on, as long as the provenance).
  private static func synthesize(
    _ request: GenerateRequest, objects: consuming [KubernetesObject], conflicts: ConflictCheck,
    log: inout DiagnosticLog, timings: inout StageTimings, clock: inout StageTimings.Clock
  ) throws(InputError) -> (
    records: [ResourceRecord], publicRecords: [PublicRecord], serviceCount: Int, exclusions: [FilterExclusion],
    provenance: Provenance?
  ) {
    let definitions = request.synthesis.provenance ? Self.definitions(objects) : [:]
    let inventory = try Inventory(
      consume objects, filter: request.filter, podRecords: request.synthesis.podRecords, log: &log, conflicts: conflicts)
    WorkloadCheck.check(inventory, log: &log)
    clock.lap("inventory", into: &timings)
    var publicRecords: [PublicRecord] = []
    if request.publicNames.isEnabled {
      publicRecords = try PublicNameSources.records(
        inventory, options: request.publicNames, strict: request.strict, log: &log)
    }
    let synthesizer = RecordSynthesizer(options: request.synthesis, strict: request.strict)
    let domain = request.synthesis.domain
    let (synthesized, recorded) = try synthesizer.synthesize(inventory, log: &log)
    guard let recorded else {
      let records = try conflicts.records(consume synthesized, inventory: inventory, domain: domain, log: &log)
      let (serviceCount, exclusions) = (inventory.services.count, inventory.exclusions)
      // Freed while the zones are assembled: no stage after this reads it.
      BackgroundRelease.release(consume inventory)
      return (records, publicRecords, serviceCount, exclusions, nil)
    }
    var provenance = Provenance(
      origins: Dictionary(zip(synthesized, recorded.origins), uniquingKeysWith: { a, _ in a }),
      exclusions: recorded.exclusions, inventory: inventory, definitions: definitions)
    let records = try conflicts.records(consume synthesized, inventory: inventory, domain: domain, log: &log) { record, message in
      let objects = provenance.origins[record]?.flatMap(\.objects) ?? []
      provenance.exclusions.append(Exclusion(
        .conflict(message), objects: objects.uniqued(), names: [record.owner],
        addresses: record.data.address.map { [$0] } ?? []))
    }
    return (records, publicRecords, inventory.services.count, inventory.exclusions, provenance)
  }

  /// Where each object defined more than once is defined, in input order.
  private static func definitions(_ objects: [KubernetesObject]) -> [ObjectKey: [SourceLocation]] {
    var all: [ObjectKey: [SourceLocation]] = [:]
    for object in objects { all[object.key, default: []].append(object.meta.location) }
    return all.filter { $0.value.count > 1 }
  }

  /// Parses one input's bytes into documents (JSON or YAML, sniffed).
  static func readDocuments(_ bytes: [UInt8], file: String) throws(InputError) -> [Node] {
    do {
      return try ManifestReader.documents(bytes, file: file)
    } catch {
      let lines = error.rendered(source: bytes).split(separator: "\n", omittingEmptySubsequences: false)
      throw InputError(error.message, at: error.location, excerpt: lines.dropFirst().joined(separator: "\n"))
    }
  }
}
