/// An error found by a scanner or parser, located by byte offset only; the
/// reader turns it into a `ReadError` with line and column.
struct SyntaxError: Error, Sendable {
  var offset: Int
  var kind: ReadError.Kind

  init(_ kind: ReadError.Kind, at offset: Int) {
    self.kind = kind
    self.offset = offset
  }

  init(_ message: String, at offset: Int) {
    self.init(.syntax(message), at: offset)
  }
}
