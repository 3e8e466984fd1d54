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
    guard let binary = kubezoneBinary else {
      Issue.record("the kubezone executable was not built")
      return ExternalTool.Output(status: -1, stdout: "", stderr: "")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    let inPipe = Pipe()
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardInput = inPipe
    process.standardOutput = outPipe
    process.standardError = errPipe
    try process.run()
    inPipe.fileHandleForWriting.write(Data(input.utf8))
    try inPipe.fileHandleForWriting.close()
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ExternalTool.Output(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }
}
