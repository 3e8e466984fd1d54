/// What a decoder that goes straight from bytes to values
/// (`DirectPodDecoder`) needs from a reader: walk mappings and sequences
/// and read scalars where the reader stands, without building `Node`s for
/// what it walks through.
///
/// Every call consumes exactly one value. Anything unexpected (another
/// type, a layout the reader does not handle, a syntax error) throws
/// `PruningAbort`; the caller then goes back to the item's start and reads
/// it the ordinary way, which decides.
protocol DirectReader {
  func abort(_ why: String) -> PruningAbort
  /// Where the item about to be read starts, as its node's location.
  mutating func itemLocation() -> SourceLocation
  /// A mapping: `body` gets each key's bytes (no escapes) and must
  /// consume its value.
  mutating func members(_ body: (inout Self, UnsafeBufferPointer<UInt8>) throws(PruningAbort) -> Void) throws(PruningAbort)
  /// Like `members`, or false for null.
  mutating func optionalMembers(_ body: (inout Self, UnsafeBufferPointer<UInt8>) throws(PruningAbort) -> Void) throws(PruningAbort) -> Bool
  /// A sequence: `body` must consume each item; false for null.
  mutating func optionalElements(_ body: (inout Self) throws(PruningAbort) -> Void) throws(PruningAbort) -> Bool
  /// A scalar's text (as `Field.stringValue` reads it), nil for null.
  mutating func optionalText() throws(PruningAbort) -> String?
  /// Reads a scalar as `optionalText` does, without making its text:
  /// the position in `names` of the text, `names.count` for any other
  /// text, nil for null.
  mutating func optionalTextIndex(in names: [StaticString]) throws(PruningAbort) -> Int?
  /// Reads a scalar as `optionalText` does, without making its text; true
  /// unless it is null.
  mutating func skipText() throws(PruningAbort) -> Bool
  /// A scalar's text and whether it is plain (a JSON number or literal,
  /// an unquoted YAML scalar), as the node it would be read into holds
  /// them (`Scalar.text`, `style == .plain`); nil for null.
  mutating func optionalScalar() throws(PruningAbort) -> (text: String, plain: Bool)?
  /// An integer, as `Field.intValue` reads it.
  mutating func integer() throws(PruningAbort) -> Int
  /// Skips a value, checking its syntax.
  mutating func skipValue() throws(PruningAbort)
  /// Skips a value; true when it was null.
  mutating func skipIsNull() throws(PruningAbort) -> Bool
}

extension DirectReader {
  /// A boolean, as `Field.boolValue` reads it; nil for null.
  mutating func optionalBool() throws(PruningAbort) -> Bool? {
    guard let (text, plain) = try optionalScalar() else { return nil }
    guard let value = Field.bool(text, plain: plain) else { throw abort("direct: not a boolean") }
    return value
  }

  /// An integer, as `Field.intValue` reads it; nil for null.
  mutating func optionalInteger() throws(PruningAbort) -> Int? {
    guard let (text, plain) = try optionalScalar() else { return nil }
    guard let value = Field.int(text, plain: plain) else { throw abort("direct: not an integer") }
    return value
  }

  /// The bytes of `text` equal those of `s`.
  @inline(__always) static func same(_ text: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
    guard text.count == s.utf8CodeUnitCount else { return false }
    let p = s.utf8Start
    for i in 0..<text.count where text[i] != p[i] { return false }
    return true
  }

  /// The position in `names` of `text`, `names.count` when it is none.
  /// Byte equality is `String` equality (which `Field` uses) for ASCII
  /// names without `K`, `;` or a backquote: only those ASCII characters
  /// are what another character (the Kelvin sign, the Greek question mark
  /// and varia) is canonically equivalent to. `DirectYAMLScalarTests`
  /// holds the decoder's names to that.
  @inline(__always) static func index(of text: UnsafeBufferPointer<UInt8>, in names: [StaticString]) -> Int {
    names.firstIndex { same(text, $0) } ?? names.count
  }

  /// `index(of:in:)` for text that is not its bytes (unescaped, or read
  /// through a node), compared as `Field` compares it.
  static func index(of text: String, in names: [StaticString]) -> Int {
    names.firstIndex { $0.description == text } ?? names.count
  }
}
