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
      for document in try readDocuments(bytes, file: name) {
        try decoder.decode(document, into: &decoded)
      }
    }
    var log = decoded.log
    let inventory = Inventory(decoded.objects, log: &log)
    WorkloadCheck.check(inventory, log: &log)
    let synthesizer = RecordSynthesizer(options: request.synthesis, strict: request.strict)
    let records = try synthesizer.records(for: inventory, log: &log)
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
