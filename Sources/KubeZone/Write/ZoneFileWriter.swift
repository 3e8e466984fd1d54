import Foundation

/// Prepares the output folder; files are written by `AtomicFileSet`.
public enum ZoneFileWriter {
  /// Creates the output folder if needed.
  public static func prepareFolder(_ path: String) throws(InputError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { return }
      throw InputError("\(path): not a folder; --out must name a folder", at: nil)
    }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw InputError("\(path): cannot create output folder (\(error.localizedDescription))", at: nil)
    }
  }
}
