import Foundation

/// Reads a whole file as bytes, nil when it does not exist or cannot be read.
enum FileBytes {
  static func read(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
  }
}
