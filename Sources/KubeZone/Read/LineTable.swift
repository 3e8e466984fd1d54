/// Turns byte offsets into `SourceLocation`s (1-based line and column, the
/// column counting Unicode scalars).
///
/// Line starts are found once; columns are counted from the line start,
/// continuing from the previous query when it was on the same line, so the
/// mostly-increasing offsets of a reader cost linear time overall even on
/// one very long line.
struct LineTable: Sendable {
  let file: String
  let source: SourceFile
  private let bytes: [UInt8]
  private var starts: [Int] = [0]
  private var lastLine = 0
  private var lastOffset = 0
  private var lastColumn = 1

  init(_ bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
    source = SourceFile(file)
    starts = bytes.withUnsafeBufferPointer { buf -> [Int] in
      var starts = [0]
      guard let p = buf.baseAddress else { return starts }
      var i = 0
      let n = buf.count
      while i < n {
        let b = p[i]
        if b <= 0x0D {
          if b == 0x0A {
            starts.append(i + 1)
          } else if b == 0x0D {
            if i + 1 < n, p[i + 1] == 0x0A { i += 1 }
            starts.append(i + 1)
          }
        }
        i += 1
      }
      return starts
    }
  }

  /// The location of the byte at `offset` (clamped to the input).
  mutating func location(_ offset: Int) -> SourceLocation {
    let offset = min(max(offset, 0), bytes.count)
    var line: Int
    if lastLine < starts.count, starts[lastLine] <= offset,
       lastLine + 1 >= starts.count || offset < starts[lastLine + 1] {
      line = lastLine
    } else {
      var lo = 0, hi = starts.count - 1
      while lo < hi {
        let mid = (lo + hi + 1) / 2
        if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
      }
      line = lo
    }
    var from = starts[line], column = 1
    if line == lastLine, lastOffset <= offset, lastOffset >= from {
      from = lastOffset
      column = lastColumn
    }
    bytes.withUnsafeBufferPointer { buf in
      guard let p = buf.baseAddress else { return }
      for i in from..<offset where p[i] & 0xC0 != 0x80 { column += 1 }
    }
    lastLine = line
    lastOffset = offset
    lastColumn = column
    return SourceLocation(source: source, line: line + 1, column: column, offset: offset)
  }
}
