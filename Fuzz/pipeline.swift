/// libFuzzer harness: the whole pipeline, from the bytes of one input file
/// to zone text, through the fast JSON and YAML paths where they apply.
///
/// The input's length picks the options (profile, pod records, endpoint
/// pod names, strict, a long domain, public zones with every source), so
/// every corpus entry also explores them. Invariants beyond "no crash":
/// - an error or warning names a position inside the input, or none;
/// - where the fast decoding path reads the input, the full readers read
///   it into the same objects;
/// - an input read as a stream whose confirmed chunks were given back
///   (`StreamedInput.rehearse`) reads as the whole input does with the
///   full readers: the same objects and skips, or the same error;
/// - the zone validator never rejects a zone: conflicts are settled first;
/// - every zone text re-reads, line by line, into exactly the zone's
///   records, and holds only checked names (see `ZoneTextCheck`);
/// - our zone-file reader reads each text back into the same record set.
@_cdecl("LLVMFuzzerTestOneInput")
public func pipelineFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let request = PipelineFuzz.requests[size % 64] else {
    FuzzCheck.fail("the harness's own options were rejected")
  }
  let outcome: GenerateOutcome
  let decoded: ObjectDecoder.Result
  do {
    (decoded, outcome) = try PipelineFuzz.run(bytes, request)
  } catch {
    if let at = error.diagnostic.location { FuzzCheck.location(at, within: bytes, "pipeline") }
    // Conflicts between objects are settled (or, with --strict, reported
    // at an object) before assembly: the zone validator, the last line
    // of defence, must never be what stops a run.
    FuzzCheck.require(!error.diagnostic.message.hasPrefix("zone "), "a zone failed validation: \(error)")
    return 0
  }
  for d in outcome.log.entries + outcome.log.notes {
    if let at = d.location, at.file == PipelineFuzz.file { FuzzCheck.location(at, within: bytes, "pipeline warning") }
  }
  let texts = outcome.texts
  FuzzCheck.require(outcome.zones.count == texts.count, "a zone without text")
  for (zone, text) in zip(outcome.zones, texts) {
    ZoneTextCheck.check(text, zone: zone, wildcards: request.publicNames.zones.contains(zone.origin))
    do {
      let read = try ZoneFileReader.read(Array(text.utf8), file: zone.fileName)
      let written = zone.allRecords
      FuzzCheck.require(read.records.count == written.count && Set(read.records) == Set(written),
        "zone-file reader reads \(zone.fileName) into other records")
      FuzzCheck.require(read.origin == zone.origin, "zone-file reader finds another apex in \(zone.fileName)")
    } catch {
      FuzzCheck.fail("zone-file reader rejects the zone we wrote: \(error)")
    }
  }
  _ = decoded
  return 0
}

enum PipelineFuzz {
  static let file = "fuzz.yaml"

  /// The 64 option combinations, built once.
  static let requests: [GenerateRequest?] = (0..<64).map(request(variant:))

  /// The request `kubezone generate` would build for one combination of
  /// options, built through the real option checks.
  static func request(variant: Int) -> GenerateRequest? {
    var args: [String] = []
    if variant & 1 != 0 { args += ["--profile", "spec"] }
    if variant & 2 != 0 { args.append("--pod-records") }
    if variant & 4 != 0 { args.append("--endpoint-pod-names") }
    if variant & 8 != 0 { args.append("--strict") }
    if variant & 16 != 0 {
      // Long enough that long service and endpoint names overflow 255.
      let label = String(repeating: "d", count: 60)
      args += ["--domain", "\(label).\(label).cluster.local"]
    }
    if variant & 32 != 0 {
      // Public names: nested zones (delegation, longest match), every
      // source, a template for objects without annotations.
      args += [
        "--zone", "example.com", "--zone", "apps.example.com", "--zone", "lan", "--source", "service,ingress,gateway,node",
        "--fqdn-template", "{{name}}.{{namespace}}.lan",
      ]
    }
    guard let parsed = try? ArgumentParser.parse(args + [file], for: GenerateCommand.spec) else { return nil }
    return try? GenerateOptions.request(from: parsed)
  }

  /// Decodes as `kubezone generate` does a file: the fast JSON or YAML
  /// path when it applies (in small chunks so the splitting is exercised
  /// too: JSON's on two threads, the caller reading chunk 0 beside the
  /// pool and the last chunks cut smaller; YAML's on the caller alone),
  /// else the full readers; then the rest of the run.
  /// Where the fast path reads the input, the full readers must read it
  /// into the same objects.
  static func run(_ bytes: [UInt8], _ request: GenerateRequest) throws(InputError) -> (decoded: ObjectDecoder.Result, outcome: GenerateOutcome) {
    let decoder = ObjectDecoder(defaultNamespace: request.namespace, publicNames: request.publicNames.isEnabled)
    let json = JSONSniff.startsWithBracket(bytes)
    let fast = bytes.withUnsafeBufferPointer { buf -> ObjectDecoder.Result? in
      json
        ? FastJSONInput.decode(buf, file: file, decoder: decoder, limits: FuzzCheck.limits, threads: 2, minSplit: 512, chunkSize: 1024)
        : FastYAMLInput.decode(buf, file: file, decoder: decoder, limits: FuzzCheck.limits, threads: 1, chunkSize: 512)
    }
    var full = ObjectDecoder.Result()
    do {
      try Pipeline.decode(bytes, file: file, with: decoder, into: &full)
    } catch {
      FuzzCheck.require(fast == nil, "the fast \(json ? "JSON" : "YAML") path read what the full readers reject: \(error)")
      checkStream(bytes, decoder: decoder, json: json, full: .failure(error))
      throw error
    }
    checkStream(bytes, decoder: decoder, json: json, full: .success(full))
    var decoded = full
    if var fast {
      FuzzCheck.require(fast.objects == full.objects, "the fast \(json ? "JSON" : "YAML") path read other objects than the full readers")
      FuzzCheck.require(fast.skipped == full.skipped, "the fast path skipped other objects than the full readers")
      fast.documentCount = max(fast.documentCount, 1)
      decoded = fast
    }
    return (decoded, try Pipeline.generate(request, decoded: decoded))
  }

  /// The input read as a stream whose confirmed chunks are given back
  /// (`StreamedInput.rehearse`) must never be read whole again, and must
  /// read as the full readers read the whole input (`full`, under the
  /// harness's name). JSON is rehearsed under a `.json` name, which the
  /// full readers read as JSON only: under a `.yaml` name a stream keeps
  /// every byte (`ManifestReader.readsJSONAsYAMLToo`).
  static func checkStream(_ bytes: [UInt8], decoder: ObjectDecoder, json: Bool, full: Result<ObjectDecoder.Result, InputError>) {
    let name = json ? "fuzz.json" : file
    let rehearsed = StreamedInput.rehearse(
      bytes, file: name, decoder: decoder, limits: FuzzCheck.limits, chunkSize: 256 + bytes.count % 512, threads: 0,
      readsWhole: false)
    FuzzCheck.require(!(rehearsed.path == .full && rehearsed.overwritten), "a stream was read whole after parts were given back")
    // The `.full` path read nothing of its own (`readsWhole`).
    guard rehearsed.path != .full else { return }
    var expected = full
    if json {
      var result = ObjectDecoder.Result()
      do {
        try Pipeline.decode(bytes, file: name, with: decoder, into: &result)
        expected = .success(result)
      } catch {
        expected = .failure(error)
      }
    }
    FuzzCheck.sameReading(rehearsed.result, as: expected, "a stream taken up")
  }
}
