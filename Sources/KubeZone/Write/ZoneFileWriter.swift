import Foundation

/// Writes zone files into the output folder, each by writing a temporary
/// file in the same folder and renaming it over the target, so a reader
/// (or a crash) never sees half a file.
public enum ZoneFileWriter {
  public static func write(_ text: String, to path: String) throws(InputError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let temp = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8)) else {
      throw InputError("\(path): cannot write (\(String(cString: strerror(errno))))", at: nil)
    }
    if rename(temp, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temp)
      throw InputError("\(path): cannot replace (\(reason))", at: nil)
    }
  }

  /// Creates the output folder if needed.
  public static func prepareFolder(_ path: String) throws(InputError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw InputError("\(path): cannot create output folder (\(error.localizedDescription))", at: nil)
    }
  }
}
