import Foundation

/// A stream's reading replayed on bytes already whole, for the tests
/// and the fuzz harness to hold to the full readers: what a spool gives
/// back is overwritten with zeros (as its holes read) the moment the plan
/// confirms it, so a reading that looked at those bytes again would read
/// other objects or fail.
extension StreamedInput {
  /// How a rehearsal's objects were read.
  enum Path: Equatable {
    case fast
    /// The full readers, on the whole input.
    case full
    /// The full readers from where the kept bytes begin (`ResumedInput`).
    case resumed
  }

  /// What `kubezone generate -` makes of `bytes` arriving faster than any
  /// chunk is read (so every chunk is read from the plan), with chunks of
  /// `chunkSize` bytes; `overwritten` is true when bytes were given back.
  /// With no `threads`, the chunks are read when the final reading waits
  /// for them, and all given back before it goes on. Without
  /// `readsWhole`, the `.full` path's result is left empty: the caller
  /// has the full readers' own (the fuzz harness reads every input so).
  static func rehearse(
    _ bytes: [UInt8], file: String, decoder: ObjectDecoder, limits: ReadLimits = .default, chunkSize: Int, threads: Int,
    readsWhole: Bool = true
  ) -> (result: Result<ObjectDecoder.Result, InputError>, path: Path, overwritten: Bool) {
    var copy = bytes
    let given = ConfirmedBytes()
    let outcome = copy.withUnsafeMutableBufferPointer { whole -> FastOutcome in
      let buf = UnsafeBufferPointer(whole)
      let base = UnsafeSendable(whole.baseAddress)
      // Zeros from `from` to where the confirmed chunks end.
      let overwrite: @Sendable (Int, Int) -> Void = { from, to in
        guard let start = base.value, to > from else { return }
        (start + from).update(repeating: 0, count: to - from)
        given.mark()
      }
      if ManifestReader.looksLikeJSON(buf) {
        guard let first = FastJSONInput.firstItem(buf, file: file, decoder: decoder, limits: limits) else {
          return FastJSONInput.outcome(buf, file: file, decoder: decoder, limits: limits, threads: threads, minSplit: 0, chunkSize: chunkSize)
        }
        let read = FastJSONInput.chunkReader(file: file, limits: limits, decoder: decoder, directDecode: true, release: { _ in }, progress: nil)
        let confirmed: @Sendable (Int) -> Void = { lineStart in overwrite(first.pos + 1, lineStart) }
        let plan = JSONChunkPlan(
          buf, first: first.pos, step: chunkSize, threads: threads, readsFirst: true, release: { _ in }, read: read,
          confirmed: canResume(buf, first: first.pos, file: file) ? confirmed : nil)
        plan?.extend(buf)
        return FastJSONInput.outcome(
          buf, file: file, decoder: decoder, limits: limits, threads: threads, minSplit: 0, chunkSize: chunkSize, early: plan)
      }
      guard let start = FastYAMLInput.itemsStart(buf) else {
        return FastYAMLInput.outcome(buf, file: file, decoder: decoder, limits: limits, threads: threads, chunkSize: chunkSize)
      }
      let read = FastYAMLInput.chunkReader(file: file, decoder: decoder, limits: limits, general: true, directDecode: true, progress: nil)
      let confirmed: @Sendable (Int) -> Void = { frontier in overwrite(start + 2, frontier) }
      let plan = YAMLChunkPlan(
        itemsStart: start, chunkSize: chunkSize, threads: threads, release: { _ in }, read: read,
        confirmed: FastYAMLInput.canResume(buf, itemsStart: start, file: file) ? confirmed : nil)
      plan.extend(buf)
      return FastYAMLInput.outcome(buf, file: file, decoder: decoder, limits: limits, threads: threads, chunkSize: chunkSize, early: plan)
    }
    let overwritten = given.marked
    do throws(InputError) {
      switch outcome {
      case .decoded(let result):
        return (.success(result), .fast, overwritten)
      case .full:
        var result = ObjectDecoder.Result()
        if readsWhole { try Pipeline.decode(copy, file: file, with: decoder, into: &result) }
        return (.success(result), .full, overwritten)
      case .resume(let checkpoint):
        var result = ObjectDecoder.Result()
        let resumed = copy.withUnsafeBufferPointer { ResumedInput($0, file: file, checkpoint: checkpoint) }
        try resumed.decode(with: decoder, into: &result)
        return (.success(result), .resumed, overwritten)
      }
    } catch {
      return (.failure(error), outcome.path, overwritten)
    }
  }

  /// Whether any bytes were given back, set from the plan's threads.
  private final class ConfirmedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func mark() { lock.withLock { value = true } }
    var marked: Bool { lock.withLock { value } }
  }
}

extension FastOutcome {
  var path: StreamedInput.Path {
    switch self {
    case .decoded: .fast
    case .full: .full
    case .resume: .resumed
    }
  }
}
