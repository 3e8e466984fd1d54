import Glibc

/// libFuzzer harness: standard input's own path. The input goes through a
/// real pipe, in bursts, into a `SpoolStream` (the spool file, or memory
/// with limits of a few pages, so that memory is given back, reused and
/// spilled into the file); its List is read while it arrives
/// (`StreamedInput.begin`, two threads, chunks of a few hundred bytes) and
/// finished as `kubezone generate -` finishes it (`Pipeline.read`, then
/// `Pipeline.decode`, as `generate` does). Invariants beyond "no crash":
/// - it is never needed whole after part of it was given back;
/// - it reads into the full readers' objects and skips, or their error
///   with the same excerpt, as the same bytes in a file;
/// - an error's position lies inside the input.
/// The shape of a run (memory or file, limits, chunk size, bursts) comes
/// from a hash of the input; the threads' timing varies from run to run,
/// and every timing must hold to the invariants.
@_cdecl("LLVMFuzzerTestOneInput")
public func streamFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let shape = StreamFuzz.Shape(bytes)
  let whole = StreamFuzz.whole(bytes)
  let streamed: Result<ObjectDecoder.Result, InputError>
  do {
    streamed = .success(try StreamFuzz.stream(bytes, shape))
  } catch {
    FuzzCheck.require(!error.diagnostic.message.contains("internal error"), "\(shape): \(error)")
    if let at = error.diagnostic.location { FuzzCheck.location(at, within: bytes, "stream") }
    streamed = .failure(error)
  }
  FuzzCheck.sameReading(streamed, as: whole, "a stream (\(shape))")
  return 0
}

enum StreamFuzz {
  static let name = "<stdin>"
  static let decoder = ObjectDecoder(defaultNamespace: "default")
  static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// How one input is sent and held.
  struct Shape: CustomStringConvertible {
    var memory: MemoryLimits?
    var chunk: Int
    var head: Int
    /// Sizes of the writes into the pipe, used in turn.
    var bursts: [Int]

    init(_ bytes: [UInt8]) {
      // FNV-1a, then SplitMix64 steps: the same input, the same shape.
      var state = bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
      func next(_ range: ClosedRange<Int>) -> Int {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z ^= z >> 31
        return range.lowerBound + Int(z % UInt64(range.count))
      }
      let page = StreamFuzz.page
      memory = next(0...3) == 0 ? nil : MemoryLimits(
        fileFirst: next(0...2) == 0 ? page * next(1...2) : 0, hold: page * next(1...3), spill: page * next(2...6),
        unit: page, ready: page * next(0...2))
      chunk = next(32...768)
      head = next(0...1024)
      bursts = (0..<4).map { _ in next(1...max(1, bytes.count / 3)) }
    }

    var description: String {
      "chunk \(chunk), head \(head), bursts \(bursts), \(memory.map { "memory \($0)" } ?? "file")"
    }
  }

  /// The bytes read as a file is, with the full readers.
  static func whole(_ bytes: [UInt8]) -> Result<ObjectDecoder.Result, InputError> {
    var result = ObjectDecoder.Result()
    do {
      try Pipeline.decode(bytes, file: name, with: decoder, into: &result)
    } catch {
      return .failure(error)
    }
    return .success(result)
  }

  /// The bytes written into a pipe and read as `kubezone generate -`
  /// reads standard input.
  static func stream(_ bytes: [UInt8], _ shape: Shape) throws(InputError) -> ObjectDecoder.Result {
    // A reading that fails early closes the pipe under the writer.
    signal(SIGPIPE, SIG_IGN)
    var ends: [Int32] = [0, 0]
    FuzzCheck.require(pipe(&ends) == 0, "no pipe: errno \(errno)")
    let writer = Writer(fd: ends[1], bytes: bytes, bursts: shape.bursts)
    var thread = pthread_t()
    let box = Unmanaged.passRetained(writer).toOpaque()
    FuzzCheck.require(pthread_create(&thread, nil, { Writer.run($0) }, box) == 0, "no writer thread")
    defer { pthread_join(thread, nil) }
    let source = try InputSpool.start(fd: ends[0], closing: true, name: name, memory: shape.memory)
    guard case .stream(let stream) = source else { FuzzCheck.fail("a pipe is not streamed") }
    stream.discardStep = page
    let early = StreamedInput.begin(
      stream, decoder: decoder, threads: 2, jsonChunkSize: shape.chunk, yamlChunkSize: shape.chunk, head: shape.head)
    var read = try Pipeline.read(stream, decoder: decoder, early: early, progress: nil)
    Tally.shared.add(stream: stream, count: bytes.count, early: early != nil, read: read)
    var result = ObjectDecoder.Result()
    _ = try Pipeline.decode(&read, with: decoder, into: &result)
    return result
  }

  /// Writes the input in bursts, yielding between them, then closes.
  final class Writer {
    let fd: Int32
    let bytes: [UInt8]
    let bursts: [Int]

    init(fd: Int32, bytes: [UInt8], bursts: [Int]) {
      (self.fd, self.bytes, self.bursts) = (fd, bytes, bursts)
    }

    static func run(_ box: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
      guard let box else { return nil }
      let writer = Unmanaged<Writer>.fromOpaque(box).takeRetainedValue()
      writer.bytes.withUnsafeBytes { all in
        guard let base = all.baseAddress else { return }
        var at = 0
        var turn = 0
        while at < all.count {
          let end = min(all.count, at + writer.bursts[turn % writer.bursts.count])
          while at < end {
            let n = write(writer.fd, base + at, end - at)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            at += n
          }
          if at < end { break }
          turn += 1
          sched_yield()
        }
      }
      close(writer.fd)
      return nil
    }
  }
}

/// With `STREAM_FUZZ_TALLY` set, counts what the runs reached and prints
/// it every 10,000 streams that read: how many began early, gave bytes
/// back, held memory, gave memory back, spilled, were taken up or read by
/// the fast readers (Fuzz/README.md records a tally).
final class Tally: @unchecked Sendable {
  static let shared = Tally()
  private let on = getenv("STREAM_FUZZ_TALLY") != nil
  private var counts: [String: Int] = [:]
  private var runs = 0

  func add(stream: SpoolStream, count: Int, early: Bool, read: Pipeline.Read) {
    guard on else { return }
    let (memory, gaveBack) = stream.memory
    let reached: [(String, Bool)] = [
      ("early", early), ("bytes given back", stream.discarded), ("memory", memory != nil),
      ("memory given back", gaveBack), ("spilled", memory.map { $0.upperBound < count } ?? false),
      ("taken up", read.resumed != nil), ("fast", read.fast != nil), ("full", read.bytes != nil),
    ]
    for (name, hit) in reached where hit { counts[name, default: 0] += 1 }
    runs += 1
    if runs % 10_000 == 0 {
      let text = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      fputs("stream tally: \(runs) read: \(text)\n", stderr)
    }
  }
}
