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
  }

  /// An object schema that also keeps `items`, which `decode` streams.
  static let rootSchema = rootSchema(.object)
  static let publicRootSchema = rootSchema(.publicObject)

  private static func rootSchema(_ object: PruneSchema) -> PruneSchema {
    PruneSchema(object.keys.map { (String(decoding: $0.key, as: UTF8.self), $0.rule) } + [("items", .all)])
  }

  /// The decoded objects of `buf`, or nil to read it the full way.
  static func decode(
    _ buf: UnsafeBufferPointer<UInt8>, file: String, decoder: ObjectDecoder, limits: ReadLimits = .default,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, minSplit: Int = 4 << 20, directPods: Bool = true,
    release: @escaping @Sendable (Range<Int>) -> Void = { _ in }, progress: (@Sendable (_ bytes: Int, _ objects: Int) -> Void)? = nil
  ) -> ObjectDecoder.Result? {
    var p = PruningJSONParser(buf, file: file, limits: limits, at: 0, line: 1, lineStart: 0)
    if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
      p.pos = 3
      p.continuation = 2
    }
    do throws(PruningAbort) {
      p.skipWhitespace()
      guard p.byte == UInt8(ascii: "{") else { return nil }
      let opening = p.location(p.pos)
      try p.open()
      var pairs: [Node.Pair] = []
      var items: ObjectDecoder.Result?
      if try !p.closes(UInt8(ascii: "}")) {
        repeat {
          let (key, rule) = try p.key(decoder.publicNames ? publicRootSchema : rootSchema)
          if key?.scalar?.text == "items" {
            p.skipWhitespace()
            guard items == nil, p.byte == UInt8(ascii: "[") else { return nil }
            guard let read = streamItems(&p, decoder: decoder, threads: threads, minSplit: minSplit, directPods: directPods, release: release, progress: progress) else { return nil }
            items = read
          } else if let key, let rule {
            pairs.append(Node.Pair(key: key, value: try p.value(rule) ?? key))
          } else {
            try p.skipValue()
          }
        } while try p.next(close: UInt8(ascii: "}"))
      }
      p.skipWhitespace()
      guard p.pos == buf.count else { return nil }
      let root = Node(.mapping(pairs), location: opening)
      guard let items else {
        var result = ObjectDecoder.Result()
        do { try decoder.decode(root, into: &result) } catch { return nil }
        return result
      }
      // The items count only if the root is a List the decoder accepts.
      guard decoder.acceptsListWrapper(pairs, at: opening) else { return nil }
      return items
    } catch {
      return nil
    }
  }

  /// Reads the items of the List whose `[` is at `p.pos`, leaving `p` after
  /// its `]`; nil to give up.
  static func streamItems(
    _ p: inout PruningJSONParser, decoder: ObjectDecoder, threads: Int, minSplit: Int, directPods: Bool,
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
    let starts = [p.pos] + boundaries(p.buf, from: p.pos, parts: threads, minSplit: minSplit)
    let buf = p.buf
    var chunks = [Chunk](repeating: Chunk(), count: starts.count)
    let first = Position(pos: p.pos, line: p.line, lineStart: p.lineStart, continuation: p.continuation)
    let file = p.file, limits = p.limits
    chunks.withUnsafeMutableBufferPointer { slots in
      let slots = UnsafeSendable(slots)
      let group = DispatchGroup()
      let shared = UnsafeSendable(buf)
      for i in starts.indices.dropFirst() {
        group.enter()
        let thread = Thread {
          let buf = shared.value
          // A later chunk counts lines from its own start; fixed up below.
          let lineStart = lineStartBefore(buf, starts[i])
          let at = Position(pos: lineStart, line: 1, lineStart: lineStart, continuation: 0)
          slots.value[i] = readChunk(buf, file: file, limits: limits, from: at, until: starts.indices.contains(i + 1) ? starts[i + 1] : nil, decoder: decoder, directPods: directPods, release: release, progress: progress)
          group.leave()
        }
        thread.stackSize = 16 << 20
        thread.start()
      }
      slots.value[0] = readChunk(buf, file: file, limits: limits, from: first, until: starts.count > 1 ? starts[1] : nil, decoder: decoder, directPods: directPods, release: release, progress: progress)
      group.wait()
    }
    // Join the chunks while each ends exactly where the next began; each
    // is shifted in place and dropped once appended.
    var result = chunks[0].result
    chunks[0].result = ObjectDecoder.Result()
    var end = chunks[0].end
    var reachedEnd = chunks[0].reachedEnd
    guard !chunks[0].failed else { return nil }
    var i = 1
    while !reachedEnd, i < chunks.count, !chunks[i].failed, end.pos == starts[i] {
      let shift = end.line - 1
      var next = chunks[i].result
      chunks[i].result = ObjectDecoder.Result()
      guard next.shiftLines(by: shift) else { return nil }
      result.append(next)
      end = chunks[i].end
      end.line += shift
      reachedEnd = chunks[i].reachedEnd
      i += 1
    }
    if !reachedEnd {
      // A guess was wrong: read on from here alone.
      let rest = readChunk(buf, file: file, limits: limits, from: end, until: nil, decoder: decoder, directPods: directPods, release: release, progress: progress)
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

  /// Parses and decodes items from `from` until the item starting at or
  /// after `until`, or through the List's `]`.
  static func readChunk(
    _ buf: UnsafeBufferPointer<UInt8>, file: String, limits: ReadLimits, from: Position, until: Int?,
    decoder: ObjectDecoder, directPods: Bool, release: (Range<Int>) -> Void, progress: ((_ bytes: Int, _ objects: Int) -> Void)?
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
        // With public names pods also carry spec.nodeName, which the direct
        // decoder does not read: they take the ordinary way.
        if let pod = directPods && !decoder.publicNames ? direct(&p, namespace: namespace) : nil {
          chunk.result.objects.append(.pod(pod))
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

  /// The pod whose `{` is next, read straight from the bytes; nil, with
  /// `p` where it was, for anything else (read the ordinary way then).
  @inline(__always)
  static func direct(_ p: inout PruningJSONParser, namespace: String) -> Pod? {
    let saved = (p.pos, p.line, p.lineStart, p.continuation, p.depth)
    do throws(PruningAbort) {
      return try DirectPodDecoder.decode(&p, defaultNamespace: namespace)
    } catch {
      (p.pos, p.line, p.lineStart, p.continuation, p.depth) = saved
      return nil
    }
  }

  /// Where chunks 1..<parts start: the `{` of an item, found by kubectl's
  /// layout near each even split of the rest of the input.
  static func boundaries(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, parts: Int, minSplit: Int) -> [Int] {
    let rest = buf.count - start
    guard parts > 1, rest >= minSplit else { return [] }
    // The first item's indentation: the `{` must open its own line.
    let lineStart = lineStartBefore(buf, start)
    guard lineStart > 0, (lineStart..<start).allSatisfy({ buf[$0] == 0x20 }) else { return [] }
    let indent = start - lineStart
    // "\n" + indent + "}," + "\n" + indent + "{"
    var pattern: [UInt8] = [0x0A] + Array(repeating: 0x20, count: indent) + [UInt8(ascii: "}"), UInt8(ascii: ","), 0x0A]
    pattern += Array(repeating: 0x20, count: indent) + [UInt8(ascii: "{")]
    var out: [Int] = []
    for k in 1..<parts {
      var i = max(start + rest * k / parts, (out.last ?? start) + 1)
      let last = buf.count - pattern.count
      var found: Int?
      while i <= last {
        if buf[i] == 0x0A, buf[i + indent + 1] == UInt8(ascii: "}"),
          (0..<pattern.count).allSatisfy({ buf[i + $0] == pattern[$0] })
        {
          found = i + pattern.count - 1
          break
        }
        i += 1
      }
      guard let found else { break }
      out.append(found)
    }
    return out
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
