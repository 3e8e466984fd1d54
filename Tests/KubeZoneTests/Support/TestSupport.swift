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
