import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// Reading a stream while it is still being copied (`StreamedInput`)
/// gives exactly what reading the same bytes from a file gives: the same
/// objects at the same positions, the same error for a cut stream, and the
/// same results when the layout's guess of a chunk start is wrong.
@Suite struct StreamedInputTests {
  /// What reading an input ends in: its objects, or the full readers' error.
  enum Outcome: Equatable {
    case objects([KubernetesObject], skipped: [String: Int])
    case error(String)
  }

  static let decoder = ObjectDecoder(defaultNamespace: "test")

  /// The outcome of `fast` (nil: the full readers read `bytes`).
  static func outcome(_ fast: ObjectDecoder.Result?, _ bytes: [UInt8]) -> Outcome {
    if let fast { return .objects(fast.objects, skipped: fast.skipped) }
    var result = ObjectDecoder.Result()
    do {
      try Pipeline.decode(bytes, file: "<stdin>", with: decoder, into: &result)
    } catch {
      return .error("\(error)")
    }
    return .objects(result.objects, skipped: result.skipped)
  }

  /// The same bytes from a file: the fast readers with one chunk, then
  /// with chunks of `chunk` bytes on two threads; both must agree.
  static func fromFile(_ bytes: [UInt8], chunk: Int) -> Outcome {
    let outcomes = [(1, 1 << 30), (2, chunk)].map { threads, size in
      outcome(bytes.withUnsafeBufferPointer { buf in
        ManifestReader.looksLikeJSON(buf)
          ? FastJSONInput.decode(buf, file: "<stdin>", decoder: decoder, threads: threads, minSplit: 0, chunkSize: size)
          : FastYAMLInput.decode(buf, file: "<stdin>", decoder: decoder, threads: threads, chunkSize: size)
      }, bytes)
    }
    #expect(outcomes[0] == outcomes[1], "one chunk and several chunks differ")
    return outcomes[1]
  }

  /// `bytes` written into a pipe in bursts ending at `cuts`, 20 ms apart,
  /// read as standard input is, with chunks of `chunk` bytes. Before the
  /// last burst the writer waits (10 s at most) for a chunk to be read:
  /// `readEarly` says whether one was read before the copy ended.
  /// With `memory`, the copy moves from the spool file into memory after
  /// its first bytes; `inMemory` says which part went there, and whether
  /// some was given back.
  static func fromStream(
    _ bytes: [UInt8], cuts: [Double], chunk: Int, memory: MemoryLimits? = nil
  ) throws -> (outcome: Outcome, fast: Bool, readEarly: Bool, discarded: Bool, inMemory: (range: Range<Int>?, gaveBack: Bool)) {
    let pipe = ExternalTool.privatePipe()
    // The pipe closes its ends when released: kept until the copy ends.
    defer { withExtendedLifetime(pipe) {} }
    let writer = pipe.fileHandleForWriting
    let chunkRead = DispatchSemaphore(value: 0)
    let written = DispatchSemaphore(value: 0)
    let early = Box()
    let ends = cuts.map { Int(Double(bytes.count) * $0) } + [bytes.count]
    Thread {
      var from = 0
      for (i, end) in ends.enumerated() {
        if i == ends.count - 1 { early.value = chunkRead.wait(timeout: .now() + 10) == .success }
        try? writer.write(contentsOf: Data(bytes[from..<end]))
        from = end
        usleep(20_000)
      }
      try? writer.close()
      written.signal()
    }.start()
    let source = try InputSpool.start(fd: pipe.fileHandleForReading.fileDescriptor, closing: false, name: "<stdin>", memory: memory)
    guard case .stream(let stream) = source else {
      Issue.record("a pipe is not streamed")
      return (.error("not streamed"), false, false, false, (nil, false))
    }
    // Given back in steps of a few chunks, as 64 MB are of 8 MB chunks.
    stream.discardStep = 4 * chunk
    let plan = StreamedInput.begin(
      stream, decoder: decoder, threads: 2, jsonChunkSize: chunk, yamlChunkSize: chunk, progress: { _, _ in chunkRead.signal() })
    // Read as `kubezone generate -` reads it: the bytes of confirmed
    // chunks are gone from the spool by now (`SpoolStream.discard`).
    var read = try Pipeline.read(stream, decoder: decoder, early: plan, progress: nil)
    written.wait()
    #expect((read.fast?.bytes ?? read.resumed?.count ?? read.bytes?.count) == bytes.count)
    #expect(!stream.discarded || read.bytes == nil, "the whole input was read after parts were given back")
    let fast = read.fast != nil
    var result = ObjectDecoder.Result()
    let outcome: Outcome
    do {
      _ = try Pipeline.decode(&read, with: decoder, into: &result)
      outcome = .objects(result.objects, skipped: result.skipped)
    } catch {
      outcome = .error("\(error)")
    }
    return (outcome, fast, early.value, stream.discarded, stream.memory)
  }

  /// Were a stream ever needed whole after bytes were given back, its
  /// reading would see zeros there: it is an internal error instead, and
  /// the same stream with nothing given back reads whole.
  ///
  /// In memory, held past `spill` with nothing given back (no List), the
  /// copy goes back into the file: the input reads whole across the three.
  @Test(arguments: [false, true], [false, true])
  func aStreamNeededWholeAfterBytesWereGivenBackFails(givesBack: Bool, inMemory: Bool) throws {
    // No `items:`, so the full readers read it.
    let text = String(repeating: "# a comment line that pads the input\n", count: 2_000)
      + "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: n\nspec:\n  clusterIP: 10.0.0.1\n"
    let bytes = Array(text.utf8)
    let pipe = InputSpoolTests.pipe(feeding: bytes)
    defer { withExtendedLifetime(pipe) {} }
    let memory = inMemory ? MemoryLimits(fileFirst: 8192, hold: 8192, spill: 16384, unit: 4096, ready: 8192) : nil
    let source = try InputSpool.start(fd: pipe.fileHandleForReading.fileDescriptor, closing: false, name: "<stdin>", memory: memory)
    guard case .stream(let stream) = source else {
      Issue.record("a pipe is not streamed")
      return
    }
    stream.discardStep = 4096
    var (copied, ended) = stream.wait(beyond: 0)
    while !ended { (copied, ended) = stream.wait(beyond: copied.count) }
    let held = stream.memory.range
    #expect(held == (inMemory ? 8192..<24576 : nil), "memory from the file's first 8 KB to the spill")
    if givesBack { stream.discard(8192..<40960) }
    #expect(stream.discarded == givesBack)
    do {
      let read = try Pipeline.read(stream, decoder: Self.decoder, early: nil, progress: nil)
      #expect(!givesBack, "read whole after bytes were given back")
      #expect(read.bytes == bytes)
    } catch {
      #expect(givesBack)
      #expect(error.description == "kubezone: error: <stdin>: internal error: the input is needed whole after part of it was given back; please report this")
    }
  }

  final class Box: @unchecked Sendable {
    var value = false
  }

  /// A snapshot of several hundred KB whose last line has no line break.
  static func snapshot(_ format: SnapshotFormat) -> [UInt8] {
    var bytes = SnapshotWriter.bytes(.all, format, spec: SnapshotSpec(pods: 500, services: 30, seed: 13, dualStack: true))
    while bytes.last == 0x0A { bytes.removeLast() }
    return bytes
  }

  /// Memory after the file's first `fileFirst` bytes, held near a few
  /// chunks, in whole pages: the readers cross from the file into memory,
  /// and the memory of confirmed chunks is given back and filled again.
  static func memory(fileFirst: Int = 64 << 10) -> MemoryLimits {
    MemoryLimits(fileFirst: fileFirst, hold: 160 << 10, spill: 4 << 20, unit: 4096, ready: 32 << 10)
  }

  /// In the file, in memory after the file's first 64 KB, all in memory.
  @Test(arguments: SnapshotFormat.allCases, [nil, 64 << 10, 0] as [Int?])
  func aStreamInBurstsReadsAsTheFileDoes(format: SnapshotFormat, fileFirst: Int?) throws {
    let bytes = Self.snapshot(format)
    // Bursts ending mid-item, and chunks far smaller than the bursts.
    let memory = fileFirst.map { Self.memory(fileFirst: $0) }
    let streamed = try Self.fromStream(bytes, cuts: [0.13, 0.37, 0.61, 0.85], chunk: 40_000, memory: memory)
    let held = streamed.inMemory
    #expect(held.range == fileFirst.map { $0..<bytes.count }, "memory from the file's first bytes to the end")
    #expect(held.gaveBack == (fileFirst != nil), "no memory was given back")
    let readEarly = streamed.readEarly, fast = streamed.fast, discarded = streamed.discarded
    #expect(readEarly, "no chunk was read before the copy ended")
    #expect(discarded, "no confirmed chunk was given back")
    #expect(fast, "the fast readers gave up")
    #expect(streamed.outcome == Self.fromFile(bytes, chunk: 40_000))
    #expect(streamed.outcome == Self.outcome(nil, bytes), "the full readers differ")
    guard case .objects(let objects, _) = streamed.outcome else { return }
    #expect(objects.count > 500)
    #expect(objects.allSatisfy { $0.meta.location.file == "<stdin>" })
  }

  /// kubectl killed mid-List: the full readers' positioned error, as for
  /// the same bytes in a file.
  @Test(arguments: SnapshotFormat.allCases, [(0.55, false), (0.9, false), (0.9, true)])
  func aStreamCutMidItemIsTheFilesError(format: SnapshotFormat, cut: (Double, inMemory: Bool)) throws {
    let whole = Self.snapshot(format)
    var bytes = Array(whole.prefix(Int(Double(whole.count) * cut.0)))
    // Not at a line break, so YAML is cut inside a line too.
    while bytes.last == 0x0A { bytes.removeLast() }
    let streamed = try Self.fromStream(bytes, cuts: [0.2, 0.5], chunk: 40_000, memory: cut.inMemory ? Self.memory() : nil)
    #expect((streamed.inMemory.range != nil) == cut.inMemory)
    let readEarly = streamed.readEarly, fast = streamed.fast, discarded = streamed.discarded
    #expect(readEarly, "no chunk was read before the copy ended")
    #expect(!fast)
    // Taken up where the kept bytes begin (`ResumedInput`).
    #expect(discarded)
    guard case .error(let message) = streamed.outcome else {
      Issue.record("a cut stream was read: \(streamed.outcome)")
      return
    }
    #expect(message.range(of: #"^<stdin>:[0-9]+:[0-9]+: error: "#, options: .regularExpression) != nil, "\(message)")
    #expect(streamed.outcome == Self.fromFile(bytes, chunk: 40_000))
  }

  /// A nested List laid out like the items: the guessed chunk starts land
  /// inside items, and the result is still the file's.
  @Test func aWrongJSONGuessReadsAsTheFileDoes() throws {
    let container = "    {\n        \"name\": \"c\"\n    }"
    let item = { (i: Int) in
      "    {\n        \"apiVersion\": \"v1\",\n        \"kind\": \"Pod\",\n        \"metadata\": {\"name\": \"p\(i)\", \"namespace\": \"n\"},\n"
        + "        \"spec\": {\"containers\": [\n" + Array(repeating: container, count: 40).joined(separator: ",\n")
        + "\n]},\n        \"status\": {\"podIP\": \"10.0.\(i / 250).\(i % 250 + 1)\"}\n    }"
    }
    let text = "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n" + (0..<300).map(item).joined(separator: ",\n")
      + "\n    ],\n    \"kind\": \"List\"\n}\n"
    let bytes = Array(text.utf8)
    let streamed = try Self.fromStream(bytes, cuts: [0.25, 0.5, 0.75], chunk: 3_000)
    let readEarly = streamed.readEarly
    #expect(readEarly, "no chunk was read before the copy ended")
    guard case .objects(let objects, _) = streamed.outcome else {
      Issue.record("\(streamed.outcome)")
      return
    }
    #expect(objects.count == 300)
    #expect(streamed.outcome == Self.fromFile(bytes, chunk: 3_000))
    #expect(streamed.outcome == Self.outcome(nil, bytes))
  }

  /// An entry-like `- ` line inside a quoted scalar: whatever the readers
  /// make of it, the stream's outcome is the file's.
  @Test func aWrongYAMLGuessReadsAsTheFileDoes() throws {
    let item = { (i: Int) in
      "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\(i)\n    namespace: n\n    annotations:\n"
        + "      note: \"first line\n- second line\"\n  status:\n    podIP: 10.0.\(i / 250).\(i % 250 + 1)\n"
    }
    let text = "apiVersion: v1\nitems:\n" + (0..<400).map(item).joined() + "kind: List\nmetadata:\n  resourceVersion: \"\"\n"
    let bytes = Array(text.utf8)
    let streamed = try Self.fromStream(bytes, cuts: [0.3, 0.6], chunk: 2_000)
    #expect(streamed.outcome == Self.fromFile(bytes, chunk: 2_000))
    #expect(streamed.outcome == Self.outcome(nil, bytes))
  }
}
