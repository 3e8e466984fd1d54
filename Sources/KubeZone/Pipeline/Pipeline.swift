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
      var (name, bytes, fast, resumed) = try readInput(input, decoder: decoder, meter: meter)
      if let resumed = resumed.take() {
        timings.inputBytes += resumed.count
        let (before, kept) = (decoded.objects.count, resumed.bytes.count)
        // Its last use, so the confirmed objects it holds are moved.
        try resumed.decode(with: decoder, into: &decoded)
        meter?.add(bytes: kept, objects: decoded.objects.count - before)
        continue
      }
      timings.inputBytes += bytes?.count ?? 0
      // Taken, so its objects are moved, not copied (`append`).
      if let (fastResult, fastBytes) = fast.take() {
        timings.inputBytes += fastBytes
        // A file the fast path read held one non-empty document at least.
        var result = consume fastResult
        result.documentCount = max(result.documentCount, 1)
        decoded.append(consume result)
        continue
      }
      let before = decoded.objects.count
      try decode(bytes ?? [], file: name, with: decoder, into: &decoded)
      meter?.add(bytes: bytes?.count ?? 0, objects: decoded.objects.count - before)
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

  /// One input, standard input and pipes included (see
  /// `InputFiles.source`): decoded by the fast readers when they apply,
  /// else its bytes for the full readers. A stream's reading starts while
  /// it is still being copied (`StreamedInput`).
  static func readInput(
    _ input: InputFiles.Input, decoder: ObjectDecoder, meter: ProgressMeter? = nil
  ) throws(InputError) -> Read {
    guard let source = try InputFiles.source(input) else {
      let (name, bytes) = try InputFiles.read(input)
      return (name, bytes, nil, nil)
    }
    var progress: (@Sendable (Int, Int) -> Void)?
    if let meter {
      progress = { bytes, objects in meter.add(bytes: bytes, objects: objects) }
    }
    switch source {
    case .mapped(let mapped):
      return read(mapped, decoder: decoder, release: { mapped.release($0) }, progress: progress)
    case .stream(let stream):
      let early = StreamedInput.begin(stream, decoder: decoder, progress: progress)
      return try read(stream, decoder: decoder, early: early, progress: progress)
    }
  }

  /// A stream once its copy has ended, taking over the chunks begun
  /// `early`.
  static func read(
    _ stream: SpoolStream, decoder: ObjectDecoder, early: StreamedInput.Early?,
    progress: (@Sendable (Int, Int) -> Void)?
  ) throws(InputError) -> Read {
    let mapped: MappedFile
    do {
      mapped = try stream.finish()
    } catch {
      early?.discard()
      throw error
    }
    let read = read(mapped, decoder: decoder, early: early, release: { mapped.release($0) }, progress: progress)
    // Bytes are given back only where a List can be taken up, so the
    // whole input is never needed then; were it, its reading would see
    // zeros: fail loudly instead.
    if read.bytes != nil, stream.discarded {
      throw InputError(
        "\(read.name): internal error: the input is needed whole after part of it was given back; please report this", at: nil)
    }
    return read
  }

  /// One input read: the fast readers' objects, else its bytes for the
  /// full readers, or a stream's List to take up (`ResumedInput`).
  typealias Read = (
    name: String, bytes: [UInt8]?, fast: (result: ObjectDecoder.Result, bytes: Int)?, resumed: ResumedInput?
  )

  /// One mapped input through the fast readers, else its bytes.
  static func read(
    _ mapped: MappedFile, decoder: ObjectDecoder, early: StreamedInput.Early? = nil,
    release: @escaping @Sendable (Range<Int>) -> Void, progress: (@Sendable (Int, Int) -> Void)?
  ) -> Read {
    let path = mapped.name
    let read = mapped.withBytes { buf -> Read? in
      // The readers finish the chunks begun early, whichever is used.
      let outcome: FastOutcome
      if ManifestReader.looksLikeJSON(buf) {
        early?.yaml?.discard()
        outcome = FastJSONInput.outcome(buf, file: path, decoder: decoder, early: early?.json, release: release, progress: progress)
      } else {
        early?.json?.discard()
        outcome = FastYAMLInput.outcome(buf, file: path, decoder: decoder, early: early?.yaml, release: release, progress: progress)
      }
      switch outcome {
      case .decoded(let result): return (path, nil, (result, buf.count), nil)
      case .full: return nil
      case .resume(let checkpoint): return (path, nil, nil, ResumedInput(buf, file: path, checkpoint: checkpoint))
      }
    }
    if let read {
      if read.resumed != nil { mapped.release(0..<mapped.count) }
      return read
    }
    let bytes = mapped.array()
    mapped.release(0..<mapped.count)
    return (path, bytes, nil, nil)
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
