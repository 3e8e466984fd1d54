/// Turns byte offsets into `SourceLocation`s walking forward only, with no
/// table of line starts, so a streaming reader's memory does not grow with
/// the input. Counts `\n`, `\r\n` and `\r` as line breaks and columns in
/// Unicode scalars, exactly as `LineTable` does.
///
/// Queries are expected in increasing order; an earlier offset restarts
/// the walk from the beginning (correct, only slower).
struct LineCounter {
  let file: String
  let source: SourceFile
  /// Added to every line and offset: where this buffer sits in the file.
  let baseLine: Int
  let baseOffset: Int
  private var pos = 0
  private var line = 0
  private var lineStart = 0
  /// Scalars from `lineStart` to `pos`.
  private var column = 0

  init(file: String, baseLine: Int = 1, baseOffset: Int = 0) {
    self.file = file
    source = SourceFile(file)
    self.baseLine = baseLine
    self.baseOffset = baseOffset
  }

  /// The location of `offset` (relative to `bytes`).
  mutating func location(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
    let offset = min(max(offset, 0), bytes.count)
    if offset < pos { self = LineCounter(file: file, baseLine: baseLine, baseOffset: baseOffset) }
    advance(to: offset, in: bytes)
    return SourceLocation(source: source, line: baseLine + line, column: column + 1, offset: baseOffset + offset)
  }

  /// Line breaks in `bytes` before `offset`.
  mutating func lines(upTo offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if offset < pos { self = LineCounter(file: file, baseLine: baseLine, baseOffset: baseOffset) }
    advance(to: offset, in: bytes)
    return line
  }

  private mutating func advance(to offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
    var i = pos
    while i < offset {
      let b = bytes[i]
      if b == 0x0A {
        line += 1
        lineStart = i + 1
        column = 0
      } else if b == 0x0D {
        if i + 1 < bytes.count, bytes[i + 1] == 0x0A {
          // "\r\n" is one break, counted at its "\n".
          i += 1
          if i >= offset { column += 1; break }
          line += 1
          lineStart = i + 1
          column = 0
        } else {
          line += 1
          lineStart = i + 1
          column = 0
        }
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    pos = max(i, offset)
  }
}
