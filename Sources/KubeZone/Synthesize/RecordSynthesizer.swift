import Foundation

/// Computes the records cluster DNS serves for an inventory of objects.
///
/// The rules, per record family, are described in `docs/records.md`.
/// Names from the input are checked with `NameRules` first; an object that
/// breaks them is reported and skipped (or, with `strict`, fails the run),
/// so it never reaches a zone file.
public struct RecordSynthesizer: Sendable {
  public var options: SynthesisOptions
  public var strict: Bool
  /// Slices of services to synthesize at once; nil picks four a core
  /// (tests set it to check that slicing changes nothing).
  var parallelSlices: Int?

  public init(options: SynthesisOptions, strict: Bool = false) {
    self.options = options
    self.strict = strict
  }

  /// Every record, forward and reverse, deduplicated, with SRV weights set.
  public func records(for inventory: Inventory, log: inout DiagnosticLog) throws(InputError) -> [ResourceRecord] {
    try synthesize(inventory, log: &log).records
  }

  /// The records and, with `options.provenance`, their origins (in the
  /// same order) and what was left out.
  func synthesize(
    _ inventory: Inventory, log: inout DiagnosticLog
  ) throws(InputError) -> (records: [ResourceRecord], provenance: ProvenanceLog?) {
    // The first slice starts from the TXT record, so it comes first.
    var seed = RecordSink(ttl: options.ttl, provenance: options.provenance)
    if let version = try? options.domain.prepending("dns-version"), let text = CharacterString(SynthesisOptions.schemaVersion) {
      seed.add(version, .txt([text]), ttl: SynthesisOptions.schemaTTL, origin: RecordOrigin(rule: .schemaVersion, objects: []))
    }
    let clusterIPs = Set(inventory.services.flatMap(\.clusterIPs))
    let resolver = EndpointResolver(inventory)
    // Services on all cores, in contiguous slices merged in order: the
    // records, their order and the warnings are those of one pass.
    let services = inventory.services
    let slices = Self.slices(services.count, parts: parallelSlices)
    var parts = ParallelMap.map(slices) { [seed] range -> Swift.Result<(RecordSink, DiagnosticLog), InputError> in
      var part = range.lowerBound == 0 ? seed : RecordSink(ttl: options.ttl, provenance: options.provenance)
      var partLog = DiagnosticLog()
      do throws(InputError) {
        for service in services[range] {
          guard let base = try serviceName(service, into: &part, log: &partLog) else { continue }
          var context = ServiceContext(
            service: service, base: base, clusterIPs: clusterIPs, options: options, strict: strict)
          try context.synthesize(resolver: resolver, into: &part, log: &partLog)
        }
      } catch {
        return .failure(error)
      }
      // Weighed here, on this slice's core: its SRV RRsets are whole.
      part.weighSRV()
      return .success((part, partLog))
    }
    var sinks: [RecordSink] = []
    for i in parts.indices {
      switch parts[i] {
      case .success(let (part, partLog)):
        parts[i] = .success((RecordSink(ttl: options.ttl), DiagnosticLog()))
        sinks.append(part)
        log.append(contentsOf: partLog)
      case .failure(let error):
        throw error
      }
    }
    // Nothing more to add: the slices are joined on all cores.
    if !options.podRecords && !options.provenance { return (RecordSink.joined(consume sinks), nil) }
    // The first slice's sink becomes the result; each later one is merged
    // in and dropped, so no record is held twice.
    var sink = sinks.removeFirst()
    while !sinks.isEmpty { sink.add(contentsOf: sinks.removeFirst()) }
    if options.podRecords {
      try podRecords(inventory, into: &sink, log: &log)
    }
    let provenance = sink.provenance
    // Pod records are addresses: the slices' SRV weights stand.
    return (sink.finish(), provenance)
  }

  /// Contiguous ranges of `count` services, four a core once there are
  /// enough services to pay for the threads; never none (`0..<0` for no
  /// services), so the first slice always carries the seed. Services
  /// differ in work (a headless one with hundreds of pods against a plain
  /// ClusterIP): with one slice a core, one core went on alone for a
  /// fifth of the stage; a core that finishes early takes the next slice.
  static func slices(_ count: Int, parts: Int? = nil) -> [Range<Int>] {
    parts.map { ParallelMap.ranges(count, minimum: 1, parts: $0) }
      ?? ParallelMap.ranges(count, minimum: 256, parts: 4 * ProcessInfo.processInfo.activeProcessorCount)
  }

  /// `<svc>.<ns>.svc.<zone>`, or nil (with a warning) for invalid names.
  private func serviceName(
    _ service: Service, into sink: inout RecordSink, log: inout DiagnosticLog
  ) throws(InputError) -> DomainName? {
    let meta = service.meta
    var problem: String
    if !NameRules.isDNS1035Label(meta.name) {
      problem = "Service name '\(meta.name.escapedForMessage)' is not a DNS-1035 label"
    } else if !NameRules.isDNS1123Label(meta.namespace) {
      problem = "namespace '\(meta.namespace.escapedForMessage)' of Service \(meta.name) is not a DNS-1123 label"
    } else {
      do {
        return try options.domain.prepending([meta.name, meta.namespace, "svc"])
      } catch {
        problem = "Service \(meta.namespace)/\(meta.name): \(error) with domain \(options.domain)"
      }
    }
    // The name it would have had, as far as it can be written.
    try reject(
      problem, meta.location, &log, sink: &sink,
      Exclusion(
        .invalidName(problem), objects: [ObjectReference(service)],
        subtrees: [try? options.domain.prepending([meta.name, meta.namespace, "svc"])].compactMap { $0 }))
    return nil
  }

  private func reject(
    _ message: String, _ location: SourceLocation, _ log: inout DiagnosticLog,
    sink: inout RecordSink, _ exclusion: @autoclosure () -> Exclusion
  ) throws(InputError) {
    if strict { throw InputError(message + " (--strict)", at: location) }
    log.warn(message + "; skipped", at: location)
    sink.exclude(exclusion())
  }

  private func podRecords(_ inventory: Inventory, into sink: inout RecordSink, log: inout DiagnosticLog) throws(InputError) {
    let skipped = inventory.withoutPodRecord
    for (i, pod) in inventory.pods.enumerated() {
      guard let ip = pod.ips.first, skipped.isEmpty || !skipped.contains(i) else { continue }
      // CoreDNS lists pods with status.phase!=Succeeded,Failed,Unknown
      // (plugin/kubernetes/controller.go podListFunc), so a finished pod
      // leaves its cache and answers nothing.
      guard pod.phase == .running || pod.phase == .pending else {
        sink.exclude(Exclusion(
          .podFinished(pod.phase), objects: [ObjectReference(pod)],
          names: [try? options.domain.prepending([ip.dashed, pod.meta.namespace, "pod"])].compactMap { $0 },
          addresses: [ip]))
        continue
      }
      let problem: String
      if !NameRules.isDNS1123Label(pod.meta.namespace) {
        problem = "namespace '\(pod.meta.namespace.escapedForMessage)' of Pod \(pod.meta.name) is not a DNS-1123 label"
      } else if let owner = try? options.domain.prepending([ip.dashed, pod.meta.namespace, "pod"]) {
        sink.add(owner, .address(ip), origin: RecordOrigin(rule: .podAddress(ip), objects: [ObjectReference(pod)]))
        continue
      } else {
        problem = "pod record for \(pod.meta.name) would exceed 255 octets"
      }
      try reject(
        problem, pod.meta.location, &log, sink: &sink,
        Exclusion(
          .invalidName(problem), objects: [ObjectReference(pod)],
          names: [try? options.domain.prepending([ip.dashed, pod.meta.namespace, "pod"])].compactMap { $0 },
          addresses: [ip]))
    }
  }
}

extension String {
  /// The name as shown in a message: control and non-ASCII characters
  /// escaped, long names cut, so a hostile name cannot garble the terminal.
  var escapedForMessage: String { escapedForMessage(limit: 80) }

  /// The name escaped as in `escapedForMessage`, cut after `limit`
  /// characters, or whole (nil): each character shows as one or more
  /// printable ASCII characters, so a caret can be placed under it.
  func escapedForMessage(limit: Int?) -> String {
    var out = ""
    for scalar in unicodeScalars.prefix(limit ?? Int.max) {
      if scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "\\" && scalar != "'" {
        out.unicodeScalars.append(scalar)
      } else {
        out += scalar.escaped(asASCII: true)
      }
    }
    return unicodeScalars.count > (limit ?? Int.max) ? out + "..." : out
  }
}
