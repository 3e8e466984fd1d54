import Foundation
import Testing
@testable import KubeZone

/// Paths and helpers shared by the tests.
enum TestSupport {
  /// The package root, found from this file's path.
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  static func path(_ relative: String) -> String { packageRoot + "/" + relative }

  /// A new empty folder under the system's temporary folder.
  static func temporaryFolder(_ name: String = "kz") -> String {
    let path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func write(_ text: String, to path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
  }

  /// Writes `text` as `name` in a new temporary folder, runs `kubezone
  /// generate --out <folder>/out` with `arguments` and then that file,
  /// hands the folder and the result to `check`, and removes the folder.
  static func generate(
    _ text: String, as name: String, _ arguments: [String] = [], check: (_ folder: String, _ result: CLIResult) throws -> Void
  ) rethrows {
    let folder = temporaryFolder("generate")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    write(text, to: folder + "/" + name)
    try check(folder, cli(["generate", "--out", folder + "/out"] + arguments + [folder + "/" + name]))
  }

  static func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// What running kubezone in-process printed, and its exit code.
  struct CLIResult {
    var code: ExitCode
    var out: String
    var err: String
  }

  /// Runs kubezone's CLI in-process with captured output.
  static func cli(_ arguments: [String]) -> CLIResult {
    let out = Captured()
    let err = Captured()
    let console = Console(out: { out.append($0) }, err: { err.append($0) })
    let code = CommandLine.run(arguments, console: console)
    return CLIResult(code: code, out: out.text, err: err.text)
  }

  final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    func append(_ s: String) { lock.lock(); buffer += s; lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return buffer }
  }
}

extension TestSupport {
  /// The built `kubezone` executable, beside the test bundle.
  static var kubezoneBinary: String? {
    let candidates = [
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("kubezone").path,
      Bundle.main.bundleURL.appendingPathComponent("kubezone").path,
      packageRoot + "/.build/debug/kubezone",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs the built binary with `input` on its standard input.
  static func runBinary(_ arguments: [String], stdin input: String = "") throws -> ExternalTool.Output {
    try runBinary(arguments, stdin: .bytes(Data(input.utf8)))
  }

  /// What the binary's standard input is: bytes written into a pipe, or a
  /// file handed over as it is (`< file`).
  enum StandardInput {
    case bytes(Data)
    case file(String)
  }

  /// Runs the built binary with `environment` added to this process's;
  /// with a `wrapper` (`["/bin/sh", "-c", "...; exec \"$@\"", "sh"]`), runs
  /// that with the binary and `arguments` after it.
  static func runBinary(
    _ arguments: [String], stdin input: StandardInput, environment: [String: String] = [:], wrapper: [String] = []
  ) throws -> ExternalTool.Output {
    guard let binary = kubezoneBinary else {
      Issue.record("the kubezone executable was not built")
      return ExternalTool.Output(status: -1, stdout: "", stderr: "")
    }
    let process = Process()
    let command = wrapper + [binary] + arguments
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let inPipe = ExternalTool.privatePipe()
    let outPipe = ExternalTool.privatePipe()
    let errPipe = ExternalTool.privatePipe()
    switch input {
    case .bytes: process.standardInput = inPipe
    case .file(let path): process.standardInput = FileHandle(forReadingAtPath: path)
    }
    process.standardOutput = outPipe
    process.standardError = errPipe
    // A binary that stops reading early must not kill the test runner.
    ExternalTool.ignoreSIGPIPE()
    try process.run()
    let group = DispatchGroup()
    if case .bytes(let data) = input {
      // From another thread: a large input fills the pipe before the
      // binary has read it, while its output must be drained here.
      let writer = inPipe.fileHandleForWriting
      group.enter()
      Thread {
        try? writer.write(contentsOf: data)
        try? writer.close()
        group.leave()
      }.start()
    }
    let err = Captured()
    let errReader = errPipe.fileHandleForReading
    group.enter()
    Thread {
      err.append(String(decoding: errReader.readDataToEndOfFile(), as: UTF8.self))
      group.leave()
    }.start()
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    group.wait()
    return ExternalTool.Output(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: err.text)
  }
}
