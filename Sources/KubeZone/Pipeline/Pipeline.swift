/// read -> decode -> resolve -> synthesize -> assemble -> render.
///
/// Nothing here writes files: a run either computes every zone or fails
/// with the first fatal error, so a caller writes all zones or none.
public enum Pipeline {
  public static func generate(_ request: GenerateRequest) throws(InputError) -> GenerateOutcome {
    var timings = StageTimings()
    var clock = StageTimings.Clock()
    var decoded = ObjectDecoder.Result()
    let decoder = ObjectDecoder(defaultNamespace: request.namespace)
    let inputs = try InputFiles.expand(request.inputs)
    let meter = request.progress.map { ProgressMeter(totalBytes: InputFiles.totalSize(inputs), sink: $0) }
    for input in inputs {
      let (name, bytes, fast) = try readInput(input, decoder: decoder, meter: meter)
      timings.inputBytes += bytes?.count ?? 0
      if let fast {
        timings.inputBytes += fast.bytes
        decoded.append(fast.result)
        continue
      }
      let before = decoded.objects.count
      for document in try readDocuments(bytes ?? [], file: name) {
        try decoder.decode(document, into: &decoded)
      }
      meter?.add(bytes: bytes?.count ?? 0, objects: decoded.objects.count - before)
    }
    meter?.finish()
    clock.lap("read+decode", into: &timings)
    var log = decoded.log
    let objectCount = decoded.objects.count
    let inventory = Inventory(decoded.objects, log: &log)
    // The inventory holds what is still needed; free the rest early.
    decoded.objects = []
    WorkloadCheck.check(inventory, log: &log)
    clock.lap("inventory", into: &timings)
    let synthesizer = RecordSynthesizer(options: request.synthesis, strict: request.strict)
    let records = try synthesizer.records(for: inventory, log: &log)
    clock.lap("synthesize", into: &timings)
    let assembled = try ZoneAssembler(options: request.zones).assemble(records)
    clock.lap("assemble", into: &timings)
    let writer = ZoneWriter(header: request.header)
    var texts: [String] = []
    let rendered = ParallelMap.map(assembled.zones) { zone -> Swift.Result<String, TemplateError> in
      do throws(TemplateError) { return .success(try writer.text(for: zone, generator: "kubezone")) } catch { return .failure(error) }
    }
    for result in rendered {
      switch result {
      case .success(let text): texts.append(text)
      case .failure(let error):
        throw InputError(error.message, at: SourceLocation(file: error.file, line: error.line, column: 1, offset: 0))
      }
    }
    clock.lap("render", into: &timings)
    return GenerateOutcome(
      zones: assembled.zones, texts: texts, log: log, objectCount: objectCount,
      skippedObjects: decoded.skipped, skippedPTRs: assembled.skippedPTRs,
      serviceCount: inventory.services.count, timings: timings)
  }

  /// One input: decoded by the fast JSON path when it applies, else its
  /// bytes for the full readers.
  static func readInput(
    _ input: InputFiles.Input, decoder: ObjectDecoder, meter: ProgressMeter? = nil
  ) throws(InputError) -> (name: String, bytes: [UInt8]?, fast: (result: ObjectDecoder.Result, bytes: Int)?) {
    guard case .file(let path) = input, let mapped = MappedFile(path: path) else {
      let (name, bytes) = try InputFiles.read(input)
      return (name, bytes, nil)
    }
    var progress: (@Sendable (Int, Int) -> Void)?
    if let meter {
      progress = { bytes, objects in meter.add(bytes: bytes, objects: objects) }
    }
    let fast = mapped.withBytes { buf -> ObjectDecoder.Result? in
      if ManifestReader.looksLikeJSON(buf) {
        return FastJSONInput.decode(buf, file: path, decoder: decoder, release: { mapped.release($0) }, progress: progress)
      }
      return FastYAMLInput.decode(buf, file: path, decoder: decoder, release: { mapped.release($0) }, progress: progress)
    }
    if let fast { return (path, nil, (fast, mapped.count)) }
    let bytes = mapped.array()
    mapped.release(0..<mapped.count)
    return (path, bytes, nil)
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
