extension Pipeline {
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

  /// One input's read turned into objects appended to `decoded`, and
  /// taken out of `read`: a stream's List taken up (`ResumedInput`), else
  /// the fast readers' objects, else the full readers on its bytes. The
  /// product, its tests and the stream fuzz harness all go through here.
  ///
  /// Returns the input's size and, when some of it was decoded here rather
  /// than while it was read, how many bytes a progress meter has not seen.
  static func decode(
    _ read: inout Read, with decoder: ObjectDecoder, into decoded: inout ObjectDecoder.Result
  ) throws(InputError) -> (size: Int, unreported: Int?) {
    // Each part is taken out of `read`, so no copy is left to share its
    // objects, which `append` then moves rather than copies.
    if let resumed = read.resumed.take() {
      let (size, kept) = (resumed.count, resumed.bytes.count)
      // Its last use, so the confirmed objects it holds are moved.
      try resumed.decode(with: decoder, into: &decoded)
      return (size, kept)
    }
    if let (fastResult, size) = read.fast.take() {
      // A file the fast path read held one non-empty document at least.
      var result = consume fastResult
      result.documentCount = max(result.documentCount, 1)
      decoded.append(consume result)
      return (size, nil)
    }
    let all = read.bytes.take() ?? []
    try decode(all, file: read.name, with: decoder, into: &decoded)
    return (all.count, all.count)
  }

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
}
