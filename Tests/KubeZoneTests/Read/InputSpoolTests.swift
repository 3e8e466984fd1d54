import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// A stream made into a mapped file: the exact bytes, read by the fast
/// readers like a file, and clear errors when the copy cannot be made.
@Suite struct InputSpoolTests {
  /// A pipe whose read end is handed back while a thread writes `bytes`.
  static func pipe(feeding bytes: [UInt8]) -> Pipe {
    let pipe = ExternalTool.privatePipe()
    defer { withExtendedLifetime(pipe) {} }
    let writer = pipe.fileHandleForWriting
    Thread {
      try? writer.write(contentsOf: Data(bytes))
      try? writer.close()
    }.start()
    return pipe
  }

  @Test(arguments: SnapshotFormat.allCases)
  func aPipeIsSpooledWhole_andTheFastReaderApplies(format: SnapshotFormat) throws {
    // Larger than a pipe's buffer many times over, and several chunks.
    let bytes = SnapshotWriter.bytes(.all, format, spec: SnapshotSpec(pods: 400, services: 26, seed: 5))
    let pipe = Self.pipe(feeding: bytes)
    defer { withExtendedLifetime(pipe) {} }
    let mapped = try InputSpool.map(fd: pipe.fileHandleForReading.fileDescriptor, name: "<stdin>")
    #expect(mapped.name == "<stdin>")
    #expect(mapped.array() == bytes)
    let decoder = ObjectDecoder(defaultNamespace: "default")
    let fast = mapped.withBytes { buf in
      format == .json
        ? FastJSONInput.decode(buf, file: mapped.name, decoder: decoder, threads: 2, minSplit: 0)
        : FastYAMLInput.decode(buf, file: mapped.name, decoder: decoder, threads: 2, chunkSize: 50_000)
    }
    let result = try #require(fast, "the fast reader gave up on the spooled input")
    #expect(result.objects.filter { $0.kind == "Pod" }.count == 400)
    #expect(result.objects.filter { $0.kind == "Service" }.count == 26)
    #expect(result.objects.contains { $0.kind == "EndpointSlice" })
    #expect(result.objects.allSatisfy { $0.meta.location.file == "<stdin>" })
  }

  /// The pipeline's own entry: a stream input is decoded by the fast
  /// readers (no bytes handed to the full ones), named as given.
  @Test func aNamedPipeTakesTheFastPathInThePipeline() throws {
    let folder = TestSupport.temporaryFolder("spool")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = folder + "/snapshot.json"
    #expect(mkfifo(fifo, 0o600) == 0)
    ExternalTool.ignoreSIGPIPE()
    let bytes = SnapshotWriter.bytes(.pods, .json, spec: SnapshotSpec(pods: 300, services: 20, seed: 5))
    Thread {
      if let handle = FileHandle(forWritingAtPath: fifo) {
        try? handle.write(contentsOf: Data(bytes))
        try? handle.close()
      }
    }.start()
    let read = try Pipeline.readInput(.file(fifo), decoder: ObjectDecoder(defaultNamespace: "default"))
    #expect(read.name == fifo)
    #expect(read.bytes == nil)
    let fast = try #require(read.fast)
    #expect(fast.bytes == bytes.count)
    #expect(fast.result.objects.count == 300)
  }

  /// A non-blocking pipe whose writer pauses: waited on, not an error.
  @Test func aNonBlockingPipeIsWaitedOn() throws {
    let pipe = ExternalTool.privatePipe()
    defer { withExtendedLifetime(pipe) {} }
    let reader = pipe.fileHandleForReading.fileDescriptor
    #expect(fcntl(reader, F_SETFL, fcntl(reader, F_GETFL) | O_NONBLOCK) == 0)
    let writer = pipe.fileHandleForWriting
    Thread {
      for part in 0..<3 {
        usleep(20_000)
        try? writer.write(contentsOf: Data(repeating: UInt8(ascii: "a") + UInt8(part), count: 100_000))
      }
      try? writer.close()
    }.start()
    let mapped = try InputSpool.map(fd: reader, name: "<stdin>")
    #expect(mapped.array() == (0..<3).flatMap { Array(repeating: UInt8(ascii: "a") + UInt8($0), count: 100_000) })
  }

  @Test func anEmptyPipeIsAnEmptyInput() throws {
    let pipe = Self.pipe(feeding: [])
    // The pipe closes its ends when released: kept until the copy is made.
    defer { withExtendedLifetime(pipe) {} }
    let mapped = try InputSpool.map(fd: pipe.fileHandleForReading.fileDescriptor, name: "<stdin>")
    #expect(mapped.count == 0)
    #expect(mapped.array() == [])
  }

  /// `< file` is mapped in place, from wherever the file's offset stands
  /// (a shell that read a line first), page-aligned or not.
  @Test(arguments: [0, 1, 4095, 4096, 10_000])
  func aRegularFileIsMappedFromItsOffset(offset: Int) throws {
    let folder = TestSupport.temporaryFolder("spool")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let bytes = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    _ = FileManager.default.createFile(atPath: folder + "/in", contents: Data(bytes))
    let handle = try #require(FileHandle(forReadingAtPath: folder + "/in"))
    defer { try? handle.close() }
    try handle.seek(toOffset: UInt64(offset))
    let mapped = try InputSpool.map(fd: handle.fileDescriptor, name: "<stdin>", folder: "/nonexistent")
    #expect(mapped.array() == Array(bytes[offset...]))
    mapped.release(0..<mapped.count)
    #expect(mapped.array() == Array(bytes[offset...]))
  }

  @Test func aMissingSpoolFolderIsAClearError() {
    let pipe = Self.pipe(feeding: Array("kind: Pod\n".utf8))
    defer { withExtendedLifetime(pipe) {} }
    #expect {
      _ = try InputSpool.map(fd: pipe.fileHandleForReading.fileDescriptor, name: "<stdin>", folder: "/nonexistent/kz")
    } throws: { error in
      "\(error)".contains("<stdin>: cannot create a temporary file in /nonexistent/kz (set TMPDIR to a writable folder)")
    }
  }

  /// The spool has no name: nothing is left in the folder, even while it
  /// is mapped.
  @Test func theSpoolLeavesNothingBehind() throws {
    let folder = TestSupport.temporaryFolder("spool")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let pipe = Self.pipe(feeding: Array(repeating: UInt8(ascii: "a"), count: 3 << 20))
    defer { withExtendedLifetime(pipe) {} }
    let mapped = try InputSpool.map(fd: pipe.fileHandleForReading.fileDescriptor, name: "<stdin>", folder: folder)
    #expect(mapped.count == 3 << 20)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
  }
}
