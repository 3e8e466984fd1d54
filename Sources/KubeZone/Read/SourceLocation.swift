/// A position in an input file: 1-based line and column (columns count
/// Unicode scalars, as editors do), plus the 0-based byte offset.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file, interned (see `SourceFile`).
  var source: SourceFile
  public var line: Int
  public var column: Int
  public var offset: Int

  public init(file: String, line: Int, column: Int, offset: Int) {
    self.init(source: SourceFile(file), line: line, column: column, offset: offset)
  }

  init(source: SourceFile, line: Int, column: Int, offset: Int) {
    self.source = source
    self.line = line
    self.column = column
    self.offset = offset
  }

  /// The file's display name (`-` or `<stdin>` for standard input).
  public var file: String {
    get { source.name }
    set { source = SourceFile(newValue) }
  }

  /// `file:line:col`, the prefix of every diagnostic.
  public var description: String { "\(file):\(line):\(column)" }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    if a.source == b.source { return a.offset < b.offset }
    return a.file < b.file
  }
}
