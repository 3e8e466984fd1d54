import Foundation

/// Expands command-line inputs into the files to read, in a fixed order.
///
/// A folder is read recursively for `*.yaml`, `*.yml` and `*.json`, sorted
/// by path (byte order), so the same tree always yields the same sequence;
/// hidden files and folders are skipped. `-` is standard input. Files named
/// explicitly are read whatever their extension.
public enum InputFiles {
  public enum Input: Sendable, Hashable {
    case file(String)
    case standardInput
  }

  public static let extensions: Set<String> = ["yaml", "yml", "json"]

  public static func expand(_ arguments: [String]) throws(InputError) -> [Input] {
    var out: [Input] = []
    let fm = FileManager.default
    for argument in arguments {
      if argument == "-" {
        out.append(.standardInput)
        continue
      }
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        throw InputError("\(argument): no such file or folder", at: nil)
      }
      if !isDirectory.boolValue {
        out.append(.file(argument))
        continue
      }
      guard let walker = fm.enumerator(atPath: argument) else {
        throw InputError("\(argument): cannot read folder", at: nil)
      }
      var found: [String] = []
      while let relative = walker.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        if name.hasPrefix(".") {
          walker.skipDescendants()
          continue
        }
        let ext = (name as NSString).pathExtension.lowercased()
        if extensions.contains(ext) {
          let path = argument.hasSuffix("/") ? argument + relative : argument + "/" + relative
          var dir: ObjCBool = false
          if fm.fileExists(atPath: path, isDirectory: &dir), !dir.boolValue { found.append(path) }
        }
      }
      out += found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map(Input.file)
    }
    return out
  }

  /// The bytes of one input.
  public static func read(_ input: Input) throws(InputError) -> (name: String, bytes: [UInt8]) {
    switch input {
    case .standardInput:
      let data = FileHandle.standardInput.readDataToEndOfFile()
      return ("<stdin>", [UInt8](data))
    case .file(let path):
      guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError("\(path): cannot read file", at: nil)
      }
      return (path, [UInt8](data))
    }
  }

  /// One input as a mapped file, or a stream being copied to one
  /// (`InputSpool.start`): a regular file in place; standard input, a FIFO
  /// or `<(kubectl ...)` copied. Nil when a named file cannot be opened or
  /// mapped (`read` then reports it).
  static func source(_ input: Input) throws(InputError) -> InputSpool.Source? {
    switch input {
    case .standardInput:
      return try InputSpool.start(fd: STDIN_FILENO, closing: false, name: "<stdin>")
    case .file(let path):
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { return nil }
      var info = stat()
      guard fstat(fd, &info) == 0 else {
        close(fd)
        return nil
      }
      if (info.st_mode & S_IFMT) == S_IFREG {
        defer { close(fd) }
        return MappedFile(fd: fd, name: path, from: 0).map(InputSpool.Source.mapped)
      }
      return try InputSpool.start(fd: fd, closing: true, name: path)
    }
  }

  /// The summed size of the input files; 0 (unknown) when one is
  /// standard input or a pipe, whose size is known only once read.
  public static func totalSize(_ inputs: [Input]) -> Int {
    var total = 0
    for input in inputs {
      guard case .file(let path) = input else { return 0 }
      var info = stat()
      guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return 0 }
      total += Int(info.st_size)
    }
    return total
  }
}
