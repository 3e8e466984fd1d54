import Foundation

/// Reads and decodes a large YAML List (`kubectl get -A -o yaml`) in
/// chunks of whole items, on several threads, building only the fields the
/// decoders read.
///
///     apiVersion: v1          <- header and tail: read together, as one
///     items:                     small document, for the List's kind
///     - apiVersion: v1        <- chunk 0: its items parsed on their own
///       ...                      as a block sequence (column-0 "- " lines)
///     - apiVersion: v1        <- chunk 1, starting at an item's "- "
///       ...
///     kind: List              <- tail
///
/// At column 0 inside `items`, a line is an entry (`- `), a comment or
/// blank; any other column-0 line ends the List. A chunk that does not
/// parse on its own, anything `PruningYAMLComposer` does not handle, or a
/// header and tail that do not make a List, makes this return nil, and the
/// caller reads the file the full way.
enum FastYAMLInput {
  /// Bytes of input a chunk holds, at least (it ends at an item).
  static let chunkSize = 4 << 20

  /// A file's chunks are this long at least.
  static let minChunk = 128 << 10

  /// The chunk size for a whole file's items: `size`, or for fewer items
  /// than a chunk per thread, an even share per thread, so that a small
  /// file (the Services beside the pods) is read on every core too.
  static func chunkSize(items: Int, threads: Int, atMost size: Int) -> Int {
    guard threads > 1, items / threads < size else { return size }
    return min(size, max(minChunk, items / threads + 1))
  }

  /// The decoded objects of `buf`, or nil to read it the full way. `early`
  /// holds the chunks a stream's reading began with (`StreamedInput`); it
  /// is used when its first item is the List's, and finished either way.
  static func decode(
    _ buf: UnsafeBufferPointer<UInt8>, file: String, decoder: ObjectDecoder, limits: ReadLimits = .default,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, chunkSize: Int = chunkSize,
    general: Bool = true, directDecode: Bool = true, early: YAMLChunkPlan? = nil,
    release: @escaping @Sendable (Range<Int>) -> Void = { _ in },
    progress: (@Sendable (_ bytes: Int, _ objects: Int) -> Void)? = nil
  ) -> ObjectDecoder.Result? {
    outcome(
      buf, file: file, decoder: decoder, limits: limits, threads: threads, chunkSize: chunkSize, general: general,
      directDecode: directDecode, early: early, release: release, progress: progress).decoded
  }

  /// As `decode`, but a stream's early plan may have had its confirmed
  /// chunks given back (`YAMLChunkPlan.confirmedChunks`): then whatever
  /// fails after them is taken up from there (`ResumedInput`).
  static func outcome(
    _ buf: UnsafeBufferPointer<UInt8>, file: String, decoder: ObjectDecoder, limits: ReadLimits = .default,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, chunkSize: Int = chunkSize,
    general: Bool = true, directDecode: Bool = true, early: YAMLChunkPlan? = nil,
    release: @escaping @Sendable (Range<Int>) -> Void = { _ in },
    progress: (@Sendable (_ bytes: Int, _ objects: Int) -> Void)? = nil
  ) -> FastOutcome {
    defer { early?.discard() }
    // A lone CR is a line break to YAML but not to the chunking here,
    // which finds items and lines by LF: such files (hand-made, or CRLF)
    // take the full readers, or a key after a CR could go missing. The
    // header, the tail and each chunk are checked as they are read, not
    // the whole file up front, which would page all of it in at once.
    guard let itemsStart = itemsStart(buf) else { return .full }
    var plan = early
    if let early = plan, early.itemsStart != itemsStart {
      early.discard()
      plan = nil
    }
    // The calling thread reads with the pool once the List is checked.
    let chunks = plan ?? YAMLChunkPlan(
      itemsStart: itemsStart, chunkSize: Self.chunkSize(items: buf.count - itemsStart, threads: threads, atMost: chunkSize),
      threads: threads - 1, release: release,
      read: chunkReader(file: file, decoder: decoder, limits: limits, general: general, directDecode: directDecode, progress: progress))
    // Chunk starts: the first item, then the first item after each step.
    chunks.extend(buf)
    var header = LineCounter(file: file)
    let firstLine = 1 + header.lines(upTo: itemsStart, in: buf)
    let tail = tailStart(buf, from: chunks.starts[chunks.starts.count - 1])
    var complete = true
    if let base = buf.baseAddress, tail < buf.count, memchr(base + tail, 0x0D, buf.count - tail) != nil {
      complete = false
    } else if !isList(buf, header: 0..<itemsStart, tail: tail..<buf.count, file: file, decoder: decoder, limits: limits) {
      complete = false
    }
    if complete {
      chunks.complete(buf, tail: tail)
    } else if !chunks.tracksConfirmation {
      // A stream's confirmed chunks are of use still (the more of them,
      // the less the full readers read); a file's are not.
      chunks.discard()
      return .full
    }
    var read = chunks.finishEach()
    // Join in order, moving each chunk to its real first line. Each chunk
    // is shifted in place and dropped once appended, so the objects are
    // never held twice. The confirmed ones are joined whatever follows.
    let confirmed = chunks.confirmedChunks
    var checkpoint: ListCheckpoint?
    var result = ObjectDecoder.Result()
    // The chunks joined so far, moved into `result` together on all cores
    // (`append(contentsOf:)`), before the checkpoint and at the end.
    var parts: [ObjectDecoder.Result] = []
    parts.reserveCapacity(read.count)
    var (line, items, joined) = (firstLine, 0, 0)
    for c in 0...read.count {
      if c == confirmed, c > 0 {
        result.append(contentsOf: &parts)
        checkpoint = ListCheckpoint(
          result: result, head: itemsStart, headLine: firstLine, rest: chunks.starts[c], restLine: line, items: items)
        result = ObjectDecoder.Result()
      }
      guard c < read.count, complete || c < confirmed, var chunk = read[c].take() else { break }
      var part = chunk.result
      chunk.result = ObjectDecoder.Result()
      guard part.shiftLines(by: line - 1) else { break }
      parts.append(consume part)
      line += chunk.lines
      items += chunk.items
      joined += 1
    }
    guard complete, joined == read.count else { return checkpoint.map { .resume($0) } ?? .full }
    result.append(contentsOf: &parts)
    return .decoded(ListCheckpoint.joining(&checkpoint, result))
  }

  /// Reads one chunk of items and reports it to `progress`.
  static func chunkReader(
    file: String, decoder: ObjectDecoder, limits: ReadLimits, general: Bool, directDecode: Bool,
    progress: (@Sendable (_ bytes: Int, _ objects: Int) -> Void)?
  ) -> YAMLChunkPlan.Read {
    { buf, range in
      let chunk = readChunk(buf, range, file: file, decoder: decoder, limits: limits, general: general, directDecode: directDecode)
      progress?(range.count, chunk?.result.objects.count ?? 0)
      return chunk
    }
  }

  /// Parses one chunk of items; nil to give up. Without `general`, only
  /// the simple subset parser is tried (for tests).
  static func readChunk(
    _ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, file: String, decoder: ObjectDecoder, limits: ReadLimits,
    general: Bool = true, directDecode: Bool = true
  ) -> YAMLChunkPlan.Chunk? {
    // Own copies of shared objects (see `PruneSchema.copy`).
    let file = String(decoding: Array(file.utf8), as: UTF8.self)
    let schema = decoder.schema.copy()
    // Read in place, not copied. A CR is never plain, so the common case
    // passes over the chunk once before parsing it.
    let chunk = UnsafeBufferPointer(rebasing: buf[range])
    if !PlainASCIICheck.isPlain(chunk) {
      let hasCR = chunk.baseAddress.map { memchr($0, 0x0D, chunk.count) != nil } ?? false
      guard !hasCR, InputCheck.validate(Array(chunk), yaml: true) == nil else { return nil }
    }
    // The simple kubectl subset first; the general parser if it gives up.
    do {
      var parser = SimpleBlockYAMLParser(chunk, file: file, baseLine: 1, baseOffset: range.lowerBound, limits: limits, outerDepth: 1)
      // Pods and Services are decoded straight from the bytes
      // (`directNamespace` set), but not with public names, whose pods
      // also carry spec.nodeName and Services their public fields.
      let namespace = directDecode && !decoder.publicNames ? String(decoding: Array(decoder.defaultNamespace.utf8), as: UTF8.self) : nil
      if let (result, items) = decodeItems(decoder, { body, direct throws(PruningAbort) in
        try parser.items(schema: schema, directNamespace: namespace, direct: direct, body)
      }) {
        return YAMLChunkPlan.Chunk(result: result, lines: parser.line, items: items, simple: true)
      }
    }
    guard general else { return nil }
    var composer = PruningYAMLComposer(
      parser: YAMLParser(Array(chunk), limits: limits), lines: LineCounter(file: file, baseLine: 1, baseOffset: range.lowerBound),
      limits: limits, outerDepth: 1)
    guard let (result, items) = decodeItems(decoder, { body, _ throws(PruningAbort) in try composer.items(chunk, schema: schema, body) }) else {
      return nil
    }
    return YAMLChunkPlan.Chunk(result: result, lines: composer.lines.lines(upTo: chunk.count, in: chunk), items: items, simple: false)
  }

  /// Decodes the items a reader hands over, and counts them; nil when it
  /// gives up or an item does not decode on its own.
  static func decodeItems(
    _ decoder: ObjectDecoder,
    _ read: (_ item: (Node) throws(PruningAbort) -> Void, _ direct: (KubernetesObject) throws(PruningAbort) -> Void) throws(PruningAbort) -> Void
  ) -> (ObjectDecoder.Result, items: Int)? {
    var result = ObjectDecoder.Result()
    var items = 0
    do throws(PruningAbort) {
      try read({ item throws(PruningAbort) in
        items += 1
        do {
          guard try decoder.decodeStreamedItem(item, into: &result) else {
            throw PruningAbort(reason: "item without kind", offset: 0)
          }
        } catch let abort as PruningAbort {
          throw abort
        } catch {
          throw PruningAbort(reason: "decode error", offset: 0)
        }
      }, { object throws(PruningAbort) in
        items += 1
        result.objects.append(object)
      })
    } catch {
      return nil
    }
    return (result, items)
  }

  /// The offset of the first item: the line after a column-0 `items:`
  /// line near the start, which must begin with `- `.
  static func itemsStart(_ buf: UnsafeBufferPointer<UInt8>) -> Int? {
    let key = Array("items:".utf8)
    var i = 0
    let limit = min(buf.count, 1 << 16)
    while i < limit {
      if buf[i] == 0x0D { return nil }
      if (i == 0 || buf[i - 1] == 0x0A), i + key.count <= buf.count, (0..<key.count).allSatisfy({ buf[i + $0] == key[$0] }) {
        var j = i + key.count
        while j < buf.count, buf[j] == 0x20 { j += 1 }
        guard j < buf.count, buf[j] == 0x0A, isItem(buf, j + 1) else { return nil }
        return j + 1
      }
      i += 1
    }
    return nil
  }

  /// Whether a List whose first entry starts at `itemsStart` can be taken
  /// up later (`ResumedInput`): its header alone is one document, a
  /// mapping whose last key is `items` with nothing after it, so the
  /// entries are that key's and the first document's. (A header that is
  /// a block scalar holds the entries as text, which the taken-up copy's
  /// blank lines would change.)
  static func canResume(_ buf: UnsafeBufferPointer<UInt8>, itemsStart: Int, file: String) -> Bool {
    let header = Array(UnsafeBufferPointer(rebasing: buf[0..<itemsStart]))
    guard let documents = try? YAMLReader.documents(header, file: file), documents.count == 1,
      let last = documents[0].mapping?.last
    else { return false }
    return last.key.scalar?.text == "items" && last.value.isNull
  }

  /// True when a line starting at `i` is a List entry (`- ` or `-` alone).
  static func isItem(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    guard i < buf.count, buf[i] == UInt8(ascii: "-") else { return false }
    return i + 1 == buf.count || buf[i + 1] == 0x20 || buf[i + 1] == 0x0A
  }

  /// The start of the first entry line after `offset`.
  static func nextItem(_ buf: UnsafeBufferPointer<UInt8>, after offset: Int) -> Int? {
    guard let base = buf.baseAddress else { return nil }
    var i = offset
    while i < buf.count {
      guard let p = memchr(base + i, 0x0A, buf.count - i) else { return nil }
      i = UnsafeRawPointer(p) - UnsafeRawPointer(base) + 1
      if isItem(buf, i) { return i }
    }
    return nil
  }

  /// Where the List's entries end: the first column-0 line after `from`
  /// that is not an entry, comment or blank (or the end of input).
  static func tailStart(_ buf: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
    guard let base = buf.baseAddress else { return buf.count }
    var i = from
    while i < buf.count {
      switch buf[i] {
      case 0x20, 0x09, 0x0A, UInt8(ascii: "#"): break
      case UInt8(ascii: "-") where isItem(buf, i): break
      default: return i
      }
      guard let p = memchr(base + i, 0x0A, buf.count - i) else { return buf.count }
      i = UnsafeRawPointer(p) - UnsafeRawPointer(base) + 1
    }
    return buf.count
  }

  /// True when the header and tail, read as one document, are a List
  /// mapping with one `items` key, empty there, that the decoder accepts
  /// (`ObjectDecoder.acceptsListWrapper`). A
  /// non-empty `items` means the tail continued it (`items:` then a
  /// column-0 `|`), which the entries between them would have made invalid.
  static func isList(
    _ buf: UnsafeBufferPointer<UInt8>, header: Range<Int>, tail: Range<Int>, file: String, decoder: ObjectDecoder, limits: ReadLimits
  ) -> Bool {
    let bytes = Array(UnsafeBufferPointer(rebasing: buf[header])) + Array(UnsafeBufferPointer(rebasing: buf[tail]))
    guard let docs = try? YAMLReader.documents(bytes, file: file, limits: limits), docs.count == 1,
      let pairs = docs[0].mapping
    else { return false }
    let keys = pairs.map { $0.key.scalar?.text }
    guard keys.filter({ $0 == "items" }).count == 1,
      let items = pairs.first(where: { $0.key.scalar?.text == "items" })?.value,
      items.scalar?.text == "", items.scalar?.style == .plain, items.tag == nil
    else { return false }
    return decoder.acceptsListWrapper(pairs.filter { $0.key.scalar?.text != "items" }, at: docs[0].location)
  }
}
