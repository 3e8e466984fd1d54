import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// `kubectl get ... | kubezone generate -`, through the real binary: a
/// pipe gives the zones the file gives, a cut pipe is a positioned error
/// that writes nothing, and a spool that cannot be written is exit 2.
@Suite struct StandardInputTests {
  /// A snapshot of `kind` in a new folder, with its services beside it.
  /// 600 pods: several MB of JSON, more than one chunk for the readers.
  static func snapshot(_ kind: SnapshotKind, _ format: SnapshotFormat) throws -> (folder: String, file: String, services: String) {
    let folder = TestSupport.temporaryFolder("stdin")
    let spec = SnapshotSpec(pods: 600, services: 40, seed: 11, dualStack: true)
    let file = "\(folder)/\(kind.rawValue).\(format.rawValue)"
    let services = "\(folder)/services.\(format.rawValue)"
    try SnapshotWriter.write(kind, format, spec: spec, to: file)
    try SnapshotWriter.write(.services, format, spec: spec, to: services)
    return (folder, file, services)
  }

  /// Every zone file in `folder`, by name.
  static func zones(_ folder: String) -> [String: String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return Dictionary(uniqueKeysWithValues: names.map { ($0, TestSupport.read(folder + "/" + $0) ?? "") })
  }

  static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  @Test(arguments: SnapshotFormat.allCases)
  func aPipeGivesTheZonesTheFileGives(format: SnapshotFormat) throws {
    let s = try Self.snapshot(.pods, format)
    defer { try? FileManager.default.removeItem(atPath: s.folder) }
    let fromFile = try TestSupport.runBinary(["generate", "-q", "--serial", "7", "--out", s.folder + "/a", s.file, s.services], stdin: .bytes(Data()))
    let fromPipe = try TestSupport.runBinary(["generate", "-q", "--serial", "7", "--out", s.folder + "/b", "-", s.services], stdin: .bytes(try Self.bytes(s.file)))
    #expect(fromFile.status == 0, "\(fromFile.text)")
    #expect(fromPipe.status == 0, "\(fromPipe.text)")
    let zones = Self.zones(s.folder + "/a")
    #expect(zones.count >= 2)
    #expect(zones == Self.zones(s.folder + "/b"))
  }

  /// The README's recipe: one List of services, EndpointSlices and pods.
  @Test(arguments: SnapshotFormat.allCases)
  func oneListOfAllKindsThroughAPipeGivesTheZonesOfSeparateFiles(format: SnapshotFormat) throws {
    let s = try Self.snapshot(.all, format)
    defer { try? FileManager.default.removeItem(atPath: s.folder) }
    let spec = SnapshotSpec(pods: 600, services: 40, seed: 11, dualStack: true)
    var files: [String] = []
    for kind in [SnapshotKind.services, .endpointslices, .pods] {
      files.append("\(s.folder)/\(kind.rawValue).\(format.rawValue)")
      try SnapshotWriter.write(kind, format, spec: spec, to: files[files.count - 1])
    }
    let separate = try TestSupport.runBinary(["generate", "-q", "--serial", "7", "--out", s.folder + "/a"] + files, stdin: .bytes(Data()))
    let piped = try TestSupport.runBinary(["generate", "-q", "--serial", "7", "--out", s.folder + "/b", "-"], stdin: .bytes(try Self.bytes(s.file)))
    #expect(separate.status == 0, "\(separate.text)")
    #expect(piped.status == 0, "\(piped.text)")
    #expect(!Self.zones(s.folder + "/a").isEmpty)
    #expect(Self.zones(s.folder + "/a") == Self.zones(s.folder + "/b"))
  }

  /// `< file`: standard input that is a regular file is mapped in place.
  @Test(arguments: SnapshotFormat.allCases)
  func aRedirectedFileGivesTheZonesTheFileGives(format: SnapshotFormat) throws {
    let s = try Self.snapshot(.pods, format)
    defer { try? FileManager.default.removeItem(atPath: s.folder) }
    let fromFile = try TestSupport.runBinary(["generate", "-q", "--serial", "7", "--out", s.folder + "/a", s.file, s.services], stdin: .bytes(Data()))
    let redirected = try TestSupport.runBinary(["generate", "-q", "--serial", "7", "--out", s.folder + "/b", "-", s.services], stdin: .file(s.file))
    #expect(fromFile.status == 0 && redirected.status == 0, "\(fromFile.text) \(redirected.text)")
    #expect(Self.zones(s.folder + "/a") == Self.zones(s.folder + "/b"))
  }

  /// kubectl killed mid-List: the cut input is an error at a `<stdin>`
  /// position, and the zones already in --out stay byte for byte.
  @Test(arguments: SnapshotFormat.allCases, [0.3, 0.77])
  func aPipeCutMidListIsAPositionedErrorAndWritesNothing(format: SnapshotFormat, cut: Double) throws {
    let s = try Self.snapshot(.pods, format)
    defer { try? FileManager.default.removeItem(atPath: s.folder) }
    let out = s.folder + "/out"
    let first = try TestSupport.runBinary(["generate", "-q", "--out", out, s.file, s.services], stdin: .bytes(Data()))
    #expect(first.status == 0, "\(first.text)")
    let before = Self.zones(out)
    #expect(!before.isEmpty)
    let whole = try Self.bytes(s.file)
    let cut = whole.prefix(Int(Double(whole.count) * cut))
    let run = try TestSupport.runBinary(["generate", "--out", out, "-", s.services], stdin: .bytes(Data(cut)))
    #expect(run.status == 2, "\(run.text)")
    #expect(run.stderr.range(of: #"^<stdin>:[0-9]+:[0-9]+: error: "#, options: .regularExpression) != nil, "\(run.stderr)")
    #expect(Self.zones(out) == before)
    // And nothing at all in a new folder.
    let fresh = try TestSupport.runBinary(["generate", "--out", s.folder + "/fresh", "-"], stdin: .bytes(Data(cut)))
    #expect(fresh.status == 2)
    #expect(!FileManager.default.fileExists(atPath: s.folder + "/fresh"))
  }

  /// YAML cut at a line break can still parse: the List then lacks its
  /// `kind`, which kubectl prints after the items.
  @Test func aYAMLListCutAtALineBreakSaysItWasCutShort() throws {
    let s = try Self.snapshot(.pods, .yaml)
    defer { try? FileManager.default.removeItem(atPath: s.folder) }
    let whole = try Self.bytes(s.file)
    let half = whole.prefix(whole.count / 2)
    let cut = half.prefix(through: try #require(half.lastIndex(of: 0x0A)))
    let run = try TestSupport.runBinary(["generate", "--out", s.folder + "/out", "-"], stdin: .bytes(Data(cut)))
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("<stdin>:1:1: error: kind: required field is missing (a List without its kind usually means the input was cut short)"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: s.folder + "/out"))
  }

  @Test func anEmptyPipeHoldsNoObjects() throws {
    let folder = TestSupport.temporaryFolder("stdin")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try TestSupport.runBinary(["generate", "--out", folder + "/out", "-"], stdin: .bytes(Data()))
    #expect(run.status == 2)
    #expect(run.stderr.contains("kubezone: error: the input holds no Kubernetes objects (empty, or only comments); nothing written"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
  }

  @Test func aMissingSpoolFolderIsExit2() throws {
    let s = try Self.snapshot(.pods, .json)
    defer { try? FileManager.default.removeItem(atPath: s.folder) }
    let run = try TestSupport.runBinary(
      ["generate", "--out", s.folder + "/out", "-"], stdin: .bytes(try Self.bytes(s.file)), environment: ["TMPDIR": s.folder + "/missing"])
    #expect(run.status == 2, "\(run.text)")
    #expect(run.stderr.contains("<stdin>: cannot create a temporary file in \(s.folder)/missing (set TMPDIR to a writable folder)"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: s.folder + "/out"))
  }

  /// A full disk, as the file size limit makes it (`write` fails with
  /// EFBIG once the signal is ignored, as ENOSPC would fail it), for a
  /// stream copied into the spool file (`KUBEZONE_SPOOL=file`); a List
  /// copied into memory on huge pages needs no disk.
  @Test(arguments: [true, false])
  func aSpoolThatCannotBeWrittenIsExit2(inFile: Bool) throws {
    let s = try Self.snapshot(.pods, .json)
    defer { try? FileManager.default.removeItem(atPath: s.folder) }
    let run = try TestSupport.runBinary(
      ["generate", "--out", s.folder + "/out", "-"], stdin: .bytes(try Self.bytes(s.file)),
      environment: inFile ? ["KUBEZONE_SPOOL": "file"] : [:],
      wrapper: ["/bin/sh", "-c", "trap '' XFSZ; ulimit -f 1024; exec \"$@\"", "sh"])
    guard inFile || MemoryLimits.system == nil else {
      #expect(run.status == 0, "\(run.text)")
      #expect(FileManager.default.fileExists(atPath: s.folder + "/out/cluster.local.zone"))
      return
    }
    #expect(run.status == 2, "\(run.text)")
    #expect(run.stderr.contains("kubezone: error: <stdin>: cannot copy the input to a temporary file in "), "\(run.stderr)")
    #expect(run.stderr.contains("File too large"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: s.folder + "/out"))
  }

  /// `kubezone generate <(kubectl get ...)` names a pipe, not a file.
  @Test func aNamedPipeIsReadLikeAFile() throws {
    let s = try Self.snapshot(.pods, .yaml)
    defer { try? FileManager.default.removeItem(atPath: s.folder) }
    let fifo = s.folder + "/fifo.yaml"
    #expect(mkfifo(fifo, 0o600) == 0)
    ExternalTool.ignoreSIGPIPE()
    let data = try Self.bytes(s.file)
    Thread {
      // Opening blocks until kubezone opens the other end.
      if let handle = FileHandle(forWritingAtPath: fifo) {
        try? handle.write(contentsOf: data)
        try? handle.close()
      }
    }.start()
    let piped = try TestSupport.runBinary(["generate", "-q", "--serial", "7", "--out", s.folder + "/b", fifo, s.services], stdin: .bytes(Data()))
    let fromFile = try TestSupport.runBinary(["generate", "-q", "--serial", "7", "--out", s.folder + "/a", s.file, s.services], stdin: .bytes(Data()))
    #expect(piped.status == 0 && fromFile.status == 0, "\(piped.text) \(fromFile.text)")
    #expect(Self.zones(s.folder + "/a") == Self.zones(s.folder + "/b"))
  }
}
