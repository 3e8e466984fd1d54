/// An error found by a scanner or parser, located by byte offset only; the
/// reader turns it into a `ReadError` with line and column.
struct SyntaxError: Error, Sendable {
  var offset: Int
  var message: String

  init(_ message: String, at offset: Int) {
    self.message = message
    self.offset = offset
  }
}
