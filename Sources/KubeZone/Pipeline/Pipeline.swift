/// read -> decode -> resolve -> synthesize -> assemble -> render.
///
/// Nothing here writes files: a run either computes every zone or fails
/// with the first fatal error, so a caller writes all zones or none.
public enum Pipeline {
  public static func generate(_ request: GenerateRequest) throws(InputError) -> GenerateOutcome {
    var decoded = ObjectDecoder.Result()
    let decoder = ObjectDecoder(defaultNamespace: request.namespace)
    for input in try InputFiles.expand(request.inputs) {
      let (name, bytes) = try InputFiles.read(input)
      try decode(bytes, file: name, with: decoder, into: &decoded)
    }
    return try generate(request, decoded: decoded)
  }

  /// Reads and decodes one input's bytes into `decoded`.
  static func decode(
    _ bytes: [UInt8], file: String, with decoder: ObjectDecoder, into decoded: inout ObjectDecoder.Result
  ) throws(InputError) {
    for document in try readDocuments(bytes, file: file) {
      try decoder.decode(document, into: &decoded)
    }
  }

  /// Everything after decoding: resolve, synthesize, assemble, render.
  /// The fuzz harness enters here with objects decoded from its bytes.
  static func generate(_ request: GenerateRequest, decoded: ObjectDecoder.Result) throws(InputError) -> GenerateOutcome {
    // Empty input is far more often a failed `kubectl get` or a truncated
    // file than an empty cluster; writing it would empty the served zone.
    guard decoded.documentCount > 0 else {
      throw InputError("the input holds no Kubernetes objects (empty, or only comments); nothing written", at: nil)
    }
    var log = decoded.log
    let conflicts = ConflictCheck(strict: request.strict)
    try conflicts.duplicates(decoded.objects, log: &log)
    let inventory = Inventory(decoded.objects, log: &log)
    WorkloadCheck.check(inventory, log: &log)
    let synthesizer = RecordSynthesizer(options: request.synthesis, strict: request.strict)
    let records = try conflicts.records(
      try synthesizer.records(for: inventory, log: &log), inventory: inventory,
      domain: request.synthesis.domain, log: &log)
    let assembled = try ZoneAssembler(options: request.zones).assemble(records)
    let writer = ZoneWriter(header: request.header)
    var texts: [String] = []
    for zone in assembled.zones {
      do {
        texts.append(try writer.text(for: zone, generator: "kubezone"))
      } catch {
        throw InputError(error.message, at: SourceLocation(file: error.file, line: error.line, column: 1, offset: 0))
      }
    }
    return GenerateOutcome(
      zones: assembled.zones, texts: texts, log: log, objectCount: decoded.objects.count,
      skippedObjects: decoded.skipped, skippedPTRs: assembled.skippedPTRs,
      serviceCount: inventory.services.count)
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
