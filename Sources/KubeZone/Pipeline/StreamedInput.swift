import Foundation

/// Starts reading a stream's List while it is still being copied into its
/// spool (`SpoolStream`), so that behind `cat` or kubectl the reading
/// overlaps the copy instead of following it.
///
/// As the copy grows, the chunk starts the fast readers would find in the
/// whole input are found in the bytes already there, and each chunk whose
/// bytes are all there is read on a pool (`JSONChunkPlan`,
/// `YAMLChunkPlan`). Once the copy ends, the fast readers run as for a
/// file and take over these chunks: what remains (the root object or
/// header and tail, the first JSON chunk, the last chunks) is read then,
/// and the join and the fallback to the full readers are a file's.
enum StreamedInput {
  /// The chunks begun before the copy ended.
  enum Early {
    case json(JSONChunkPlan)
    case yaml(YAMLChunkPlan)

    var json: JSONChunkPlan? { if case .json(let plan) = self { plan } else { nil } }
    var yaml: YAMLChunkPlan? { if case .yaml(let plan) = self { plan } else { nil } }

    /// Waits for the chunks begun, dropping the rest.
    func discard() {
      switch self {
      case .json(let plan): plan.discard()
      case .yaml(let plan): plan.discard()
      }
    }
  }

  /// Bytes looked at for the start of the items.
  static let head = 1 << 16

  /// Follows the copy to its end, starting chunks as their bytes arrive;
  /// nil when nothing could start before the end (a small input, or no
  /// List in kubectl's layout). The first item is looked for once more
  /// than `head` bytes are there (the fuzz harness's inputs are small).
  static func begin(
    _ stream: SpoolStream, decoder: ObjectDecoder, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    jsonChunkSize: Int = FastJSONInput.chunkSize, yamlChunkSize: Int = FastYAMLInput.chunkSize, head: Int = StreamedInput.head + 4096,
    directDecode: Bool = true, discards: Bool = true, progress: (@Sendable (_ bytes: Int, _ objects: Int) -> Void)? = nil
  ) -> Early? {
    // The head: enough to find the first item, or all there is.
    var (buf, ended) = stream.wait(beyond: 0)
    while !ended, buf.count <= head { (buf, ended) = stream.wait(beyond: buf.count) }
    guard !ended else { return nil }
    let release: @Sendable (Range<Int>) -> Void = { stream.release($0) }
    let file = stream.name
    let early: Early
    if ManifestReader.looksLikeJSON(buf) {
      // Found by the parser the final reading uses, so that reading takes
      // these chunks and never needs the bytes given back.
      guard let first = FastJSONInput.firstItem(buf, file: file, decoder: decoder) else { return nil }
      let chunkReader = FastJSONInput.chunkReader(
        file: file, limits: .default, decoder: decoder, directDecode: directDecode, release: release, progress: progress)
      let read: JSONChunkPlan.Read = { buf, start, until in
        stream.reading(1)
        defer { stream.reading(-1) }
        return chunkReader(buf, start, until)
      }
      // The confirmed chunks' bytes are given back, between the first
      // item's `{` and the line of the first chunk not confirmed; a List
      // taken up there (`ResumedInput`) needs the line break before the
      // first item's line to be "\n", not a lone "\r".
      let resumable = discards && canResume(buf, first: first.pos, file: file)
      let confirmed: @Sendable (Int) -> Void = { lineStart in stream.discard(first.pos + 1..<lineStart) }
      guard
        let plan = JSONChunkPlan(
          buf, first: first.pos, step: jsonChunkSize, threads: threads, readsFirst: true, release: release, read: read,
          confirmed: resumable ? confirmed : nil)
      else { return nil }
      early = .json(plan)
    } else {
      guard let start = FastYAMLInput.itemsStart(buf) else { return nil }
      let chunkReader = FastYAMLInput.chunkReader(
        file: file, decoder: decoder, limits: .default, general: true, directDecode: directDecode, progress: progress)
      let read: YAMLChunkPlan.Read = { buf, range in
        stream.reading(1)
        defer { stream.reading(-1) }
        return chunkReader(buf, range)
      }
      // Given back from the first entry's second byte (the final reading
      // looks at its `- `) to the first unconfirmed chunk.
      let confirmed: @Sendable (Int) -> Void = { frontier in stream.discard(start + 2..<frontier) }
      let resumable = discards && FastYAMLInput.canResume(buf, itemsStart: start, file: file)
      early = .yaml(
        YAMLChunkPlan(
          itemsStart: start, chunkSize: yamlChunkSize, threads: threads, release: release, read: read,
          confirmed: resumable ? confirmed : nil))
    }
    while true {
      switch early {
      case .json(let plan): plan.extend(buf)
      case .yaml(let plan): plan.extend(buf)
      }
      if ended { return early }
      (buf, ended) = stream.wait(beyond: buf.count)
    }
  }

  /// Whether a JSON List whose first item starts at `first` can be taken
  /// up later (`ResumedInput`): the line break before its line is "\n",
  /// not a lone "\r" that the copy's added line breaks would join, and
  /// the name does not send JSON that fails to the YAML reader, whose
  /// character check and syntax would need the bytes given back.
  static func canResume(_ buf: UnsafeBufferPointer<UInt8>, first: Int, file: String) -> Bool {
    let lineStart = FastJSONInput.lineStartBefore(buf, first)
    return lineStart > 0 && buf[lineStart - 1] == 0x0A && !ManifestReader.readsJSONAsYAMLToo(file: file)
  }
}
