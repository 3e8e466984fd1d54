import Foundation

/// Reads and decodes one JSON input without building its full tree: the
/// pruning parser keeps only what the decoders read, and the items of a
/// large List are parsed and decoded on several threads at once.
///
///     {"apiVersion": "v1", "items": [ {item 0}, ..., {item n} ], "kind": "List", ...}
///                                    ^ chunk 0     ^ chunk 1 (starts at an item boundary)
///
/// Chunk boundaries are guessed from kubectl's layout (an item's `{` on its
/// own line, indented like the first item's) and confirmed by the chunk
/// before: it must finish an item exactly where the next chunk started, or
/// the later chunks are discarded and it reads on by itself. Whenever
/// anything is unusual or wrong (a syntax error, a decode error, a List
/// item without its own kind) this returns nil and the caller reads the
/// input the full way, so messages and results never change.
enum FastJSONInput {
  /// Parser state where a chunk stopped.
  struct Position {
    var pos: Int
    var line: Int
    var lineStart: Int
    var continuation: Int
  }

  struct Chunk {
    var result = ObjectDecoder.Result()
    var end = Position(pos: 0, line: 1, lineStart: 0, continuation: 0)
    /// True when the chunk read the List's closing `]`.
    var reachedEnd = false
    var failed = false
    /// Items read.
    var items = 0
  }

  /// An object schema that also keeps `items`, which `decode` streams.
  static let rootSchema = rootSchema(.object)
  static let publicRootSchema = rootSchema(.publicObject)

  private static func rootSchema(_ object: PruneSchema) -> PruneSchema {
    PruneSchema(object.keys.map { (String(decoding: $0.key, as: UTF8.self), $0.rule) } + [("items", .all)])
  }

  /// Bytes of input a chunk holds, at least: several chunks per thread
  /// even out chunks that read slower, and a stream's next chunk starts
  /// soon after its bytes arrive.
  static let chunkSize = 8 << 20

  /// Items shorter than this are read in one chunk. Shorter inputs than
  /// `chunkSize` are still split, one chunk per thread: the Services file
  /// beside the pods (4 MB at 30k pods) was read on one core while the
  /// other waited, 7% of the whole run.
  static let minSplit = 256 << 10

  /// The decoded objects of `buf`, or nil to read it the full way. `early`
  /// holds the chunks a stream's reading began with (`StreamedInput`); it
  /// is used when its first item is the List's, and finished either way.
  static func decode(
    _ buf: UnsafeBufferPointer<UInt8>, file: String, decoder: ObjectDecoder, limits: ReadLimits = .default,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, minSplit: Int = minSplit, chunkSize: Int = chunkSize,
    directDecode: Bool = true, early: JSONChunkPlan? = nil,
    release: @escaping @Sendable (Range<Int>) -> Void = { _ in }, progress: (@Sendable (_ bytes: Int, _ objects: Int) -> Void)? = nil
  ) -> ObjectDecoder.Result? {
    outcome(
      buf, file: file, decoder: decoder, limits: limits, threads: threads, minSplit: minSplit, chunkSize: chunkSize,
      directDecode: directDecode, early: early, release: release, progress: progress).decoded
  }

  /// As `decode`, but a stream's early plan may have had its confirmed
  /// chunks given back (`JSONChunkPlan.frontier`): then whatever fails
  /// after them is resumed from there, never read again from the start.
  static func outcome(
    _ buf: UnsafeBufferPointer<UInt8>, file: String, decoder: ObjectDecoder, limits: ReadLimits = .default,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, minSplit: Int = minSplit, chunkSize: Int = chunkSize,
    directDecode: Bool = true, early: JSONChunkPlan? = nil,
    release: @escaping @Sendable (Range<Int>) -> Void = { _ in }, progress: (@Sendable (_ bytes: Int, _ objects: Int) -> Void)? = nil
  ) -> FastOutcome {
    defer { early?.discard() }
    var p = PruningJSONParser(buf, file: file, limits: limits, at: 0, line: 1, lineStart: 0)
    var checkpoint: ListCheckpoint?
    let failed = { () -> FastOutcome in checkpoint.map { .resume($0) } ?? .full }
    do throws(PruningAbort) {
      guard let (opening, head, hasItems) = try head(&p, decoder: decoder) else { return .full }
      var pairs = head
      var items: ObjectDecoder.Result?
      if hasItems {
        let split = Split(threads: threads, minSplit: minSplit, chunkSize: chunkSize, early: early)
        items = streamItems(&p, decoder: decoder, split: split, directDecode: directDecode, checkpoint: &checkpoint, release: release, progress: progress)
        guard items != nil else { return failed() }
        while try p.next(close: UInt8(ascii: "}")) {
          let (key, rule) = try p.key(decoder.publicNames ? publicRootSchema : rootSchema)
          if key?.scalar?.text == "items" { return failed() }
          if let key, let rule {
            pairs.append(Node.Pair(key: key, value: try p.value(rule) ?? key))
          } else {
            try p.skipValue()
          }
        }
      }
      p.skipWhitespace()
      guard p.pos == buf.count else { return failed() }
      let root = Node(.mapping(pairs), location: opening)
      guard let items else {
        var result = ObjectDecoder.Result()
        do { try decoder.decode(root, into: &result) } catch { return .full }
        return .decoded(result)
      }
      // The items count only if the root is a List the decoder accepts.
      guard decoder.acceptsListWrapper(pairs, at: opening) else { return failed() }
      return .decoded(ListCheckpoint.joining(&checkpoint, items))
    } catch {
      return failed()
    }
  }

  /// Reads the root object's keys up to its `items` (leaving `p` at their
  /// `[`) or its end; nil when the input is not one object.
  static func head(
    _ p: inout PruningJSONParser, decoder: ObjectDecoder
  ) throws(PruningAbort) -> (opening: SourceLocation, pairs: [Node.Pair], items: Bool)? {
    if p.buf.count >= 3, p.buf[0] == 0xEF, p.buf[1] == 0xBB, p.buf[2] == 0xBF {
      p.pos = 3
      p.continuation = 2
    }
    p.skipWhitespace()
    guard p.byte == UInt8(ascii: "{") else { return nil }
    let opening = p.location(p.pos)
    try p.open()
    var pairs: [Node.Pair] = []
    guard try !p.closes(UInt8(ascii: "}")) else { return (opening, pairs, false) }
    repeat {
      let (key, rule) = try p.key(decoder.publicNames ? publicRootSchema : rootSchema)
      if key?.scalar?.text == "items" {
        p.skipWhitespace()
        guard p.byte == UInt8(ascii: "[") else { return nil }
        return (opening, pairs, true)
      } else if let key, let rule {
        pairs.append(Node.Pair(key: key, value: try p.value(rule) ?? key))
      } else {
        try p.skipValue()
      }
    } while try p.next(close: UInt8(ascii: "}"))
    return (opening, pairs, false)
  }

  /// Where the first item of the List in `buf` starts, as the parser
  /// finds it (the `{` after the root's `items: [`); nil when there is
  /// none or `buf` ends first.
  static func firstItem(
    _ buf: UnsafeBufferPointer<UInt8>, file: String, decoder: ObjectDecoder, limits: ReadLimits = .default
  ) -> Position? {
    var p = PruningJSONParser(buf, file: file, limits: limits, at: 0, line: 1, lineStart: 0)
    do throws(PruningAbort) {
      guard let (_, _, items) = try head(&p, decoder: decoder), items else { return nil }
      try p.open()
      p.skipWhitespace()
      guard p.pos < buf.count, p.byte == UInt8(ascii: "{") else { return nil }
      return Position(pos: p.pos, line: p.line, lineStart: p.lineStart, continuation: p.continuation)
    } catch {
      return nil
    }
  }

  /// How a List's items are split into chunks.
  struct Split {
    var threads: Int
    /// Items shorter than this are read in one chunk.
    var minSplit: Int
    var chunkSize: Int
    var early: JSONChunkPlan?
  }

  /// Reads the items of the List whose `[` is at `p.pos`, leaving `p` after
  /// its `]`; nil to give up. When a stream's plan confirmed chunks (and
  /// may have given their bytes back), the objects before its frontier
  /// are moved to `checkpoint` and the result holds the rest.
  static func streamItems(
    _ p: inout PruningJSONParser, decoder: ObjectDecoder, split: Split, directDecode: Bool,
    checkpoint: inout ListCheckpoint?,
    release: @escaping @Sendable (Range<Int>) -> Void, progress: (@Sendable (_ bytes: Int, _ objects: Int) -> Void)?
  ) -> ObjectDecoder.Result? {
    do throws(PruningAbort) {
      try p.open()
      if try p.closes(UInt8(ascii: "]")) {
        p.depth -= 1
        return ObjectDecoder.Result()
      }
    } catch {
      return nil
    }
    let buf = p.buf
    let first = Position(pos: p.pos, line: p.line, lineStart: p.lineStart, continuation: p.continuation)
    let file = p.file, limits = p.limits
    var plan = split.early
    if let early = plan, early.first != p.pos {
      early.discard()
      plan = nil
    }
    if plan == nil {
      let read = chunkReader(file: file, limits: limits, decoder: decoder, directDecode: directDecode, release: release, progress: progress)
      plan = Self.plan(buf, from: p.pos, split: split, release: release, read: read)
    }
    plan?.complete(buf)
    let starts = [p.pos] + (plan?.starts ?? [])
    let firstChunk = {
      readChunk(buf, file: file, limits: limits, from: first, until: starts.count > 1 ? starts[1] : nil, decoder: decoder, directDecode: directDecode, release: release, progress: progress)
    }
    // Chunk 0 is this thread's unless the plan reads it (a stream's does):
    // read while the pool reads the others, before helping the pool. Read
    // after them, it left a core idle for its whole length (a 30k-pod file
    // in JSON: about 13 ms of its pods, and half of its Services file).
    let own = plan?.readsFirst == true ? nil : firstChunk()
    let (early, rest) = plan?.finish() ?? (nil, [])
    // Where a stream's spool may have been given back up to.
    let frontier = plan?.frontier ?? first.pos
    var chunks: [Chunk]
    if var early {
      // Read early, counting lines from the first item's line.
      guard early.result.shiftLines(by: first.line - 1) else { return nil }
      early.end.line += first.line - 1
      chunks = [early]
    } else {
      chunks = [own ?? firstChunk()]
    }
    chunks += rest
    // Join the chunks while each ends exactly where the next began; each
    // is shifted in place and dropped once appended.
    var result = chunks[0].result
    chunks[0].result = ObjectDecoder.Result()
    // The chunks joined so far, moved into `result` together on all cores
    // (`append(contentsOf:)`), before a checkpoint and at the end.
    var joined: [ObjectDecoder.Result] = []
    joined.reserveCapacity(chunks.count)
    var end = chunks[0].end
    var reachedEnd = chunks[0].reachedEnd
    var items = chunks[0].items
    guard !chunks[0].failed else { return nil }
    var i = 1
    while true {
      if end.pos == frontier, frontier != first.pos, checkpoint == nil {
        // The join follows the plan's rule, so it passes its frontier.
        result.append(contentsOf: &joined)
        checkpoint = ListCheckpoint(result: result, head: first.lineStart, headLine: first.line, rest: end.lineStart, restLine: end.line, items: items)
        result = ObjectDecoder.Result()
      }
      guard !reachedEnd, i < chunks.count, !chunks[i].failed, end.pos == starts[i] else { break }
      let shift = end.line - 1
      var next = chunks[i].result
      chunks[i].result = ObjectDecoder.Result()
      guard next.shiftLines(by: shift) else { return nil }
      joined.append(consume next)
      end = chunks[i].end
      end.line += shift
      reachedEnd = chunks[i].reachedEnd
      items += chunks[i].items
      i += 1
    }
    result.append(contentsOf: &joined)
    if !reachedEnd {
      // A guess was wrong: read on from here alone.
      let rest = readChunk(buf, file: file, limits: limits, from: end, until: nil, decoder: decoder, directDecode: directDecode, release: release, progress: progress)
      guard !rest.failed, rest.reachedEnd else { return nil }
      result.append(rest.result)
      end = rest.end
    }
    p.pos = end.pos
    p.line = end.line
    p.lineStart = end.lineStart
    p.continuation = end.continuation
    p.depth -= 1
    return result
  }

  /// Reads chunks 1...: a later chunk counts lines from the start of its
  /// first line; `streamItems` moves them to their real lines.
  static func chunkReader(
    file: String, limits: ReadLimits, decoder: ObjectDecoder, directDecode: Bool,
    release: @escaping @Sendable (Range<Int>) -> Void, progress: (@Sendable (_ bytes: Int, _ objects: Int) -> Void)?
  ) -> JSONChunkPlan.Read {
    { buf, start, until in
      let lineStart = lineStartBefore(buf, start)
      let at = Position(pos: lineStart, line: 1, lineStart: lineStart, continuation: 0)
      return readChunk(buf, file: file, limits: limits, from: at, until: until, decoder: decoder, directDecode: directDecode, release: release, progress: progress)
    }
  }

  /// The chunks of a whole input's items from `start`: even parts, one
  /// per thread at least, of `chunkSize` at most; nil for one chunk.
  private static func plan(
    _ buf: UnsafeBufferPointer<UInt8>, from start: Int, split: Split,
    release: @escaping @Sendable (Range<Int>) -> Void, read: @escaping JSONChunkPlan.Read
  ) -> JSONChunkPlan? {
    let rest = buf.count - start
    guard split.threads > 1, rest >= split.minSplit else { return nil }
    let parts = max(split.threads, (rest + split.chunkSize - 1) / max(1, split.chunkSize))
    // The calling thread reads the first chunk (`streamItems`), then helps
    // the pool.
    return JSONChunkPlan(buf, first: start, step: rest / parts, threads: split.threads - 1, release: release, read: read)
  }

  /// Parses and decodes items from `from` until the item starting at or
  /// after `until`, or through the List's `]`.
  static func readChunk(
    _ buf: UnsafeBufferPointer<UInt8>, file: String, limits: ReadLimits, from: Position, until: Int?,
    decoder: ObjectDecoder, directDecode: Bool, release: (Range<Int>) -> Void, progress: ((_ bytes: Int, _ objects: Int) -> Void)?
  ) -> Chunk {
    var chunk = Chunk()
    // Own copies of shared objects, whose reference counts would otherwise
    // be contended by every thread (see `PruneSchema.copy`).
    let file = String(decoding: Array(file.utf8), as: UTF8.self)
    let schema = decoder.schema.copy()
    let namespace = String(decoding: Array(decoder.defaultNamespace.utf8), as: UTF8.self)
    var p = PruningJSONParser(buf, file: file, limits: limits, at: from.pos, line: from.line, lineStart: from.lineStart, continuation: from.continuation)
    p.depth = 2
    var released = from.pos
    var reported = 0
    do {
      while true {
        p.skipWhitespace()
        if let until, p.pos >= until { break }
        // With public names pods also carry spec.nodeName and Services their
        // public fields, which the direct decoders do not read: they take
        // the ordinary way.
        chunk.items += 1
        if let object = directDecode && !decoder.publicNames ? direct(&p, namespace: namespace) : nil {
          chunk.result.objects.append(object)
        } else {
          let item = try p.built(.fields(schema))
          guard try decoder.decodeStreamedItem(item, into: &chunk.result) else {
            chunk.failed = true
            return chunk
          }
        }
        if p.pos - released >= 8 << 20 {
          release(released..<p.pos)
          progress?(p.pos - released, chunk.result.objects.count - reported)
          released = p.pos
          reported = chunk.result.objects.count
        }
        if try !p.next(close: UInt8(ascii: "]")) {
          chunk.reachedEnd = true
          break
        }
      }
    } catch {
      chunk.failed = true
      return chunk
    }
    release(released..<p.pos)
    progress?(p.pos - released, chunk.result.objects.count - reported)
    chunk.end = Position(pos: p.pos, line: p.line, lineStart: p.lineStart, continuation: p.continuation)
    return chunk
  }

  /// The pod, Service or EndpointSlice whose `{` is next, read straight
  /// from the bytes; nil, with `p` where it was, for anything else (read
  /// the ordinary way then). Each decoder after the first is tried once
  /// the one before gave up, which they do at an item's `apiVersion` or
  /// `kind`.
  @inline(__always)
  static func direct(_ p: inout PruningJSONParser, namespace: String) -> KubernetesObject? {
    let saved = (p.pos, p.line, p.lineStart, p.continuation, p.depth)
    do throws(PruningAbort) {
      return .pod(try DirectPodDecoder.decode(&p, defaultNamespace: namespace))
    } catch {
      (p.pos, p.line, p.lineStart, p.continuation, p.depth) = saved
    }
    do throws(PruningAbort) {
      return .service(try DirectServiceDecoder.decode(&p, defaultNamespace: namespace))
    } catch {
      (p.pos, p.line, p.lineStart, p.continuation, p.depth) = saved
    }
    do throws(PruningAbort) {
      return .endpointSlice(try DirectEndpointSliceDecoder.decode(&p, defaultNamespace: namespace))
    } catch {
      (p.pos, p.line, p.lineStart, p.continuation, p.depth) = saved
      return nil
    }
  }

  /// The offset just after the line break before `offset`.
  static func lineStartBefore(_ buf: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
    var i = offset
    while i > 0, buf[i - 1] != 0x0A, buf[i - 1] != 0x0D { i -= 1 }
    return i
  }
}

/// Hands a value to another thread when the code guarantees that only one
/// thread touches each part of it (each chunk writes its own slot).
struct UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
