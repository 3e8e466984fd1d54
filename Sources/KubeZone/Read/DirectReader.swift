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
  /// An integer, as `Field.intValue` reads it.
  mutating func integer() throws(PruningAbort) -> Int
  /// Skips a value, checking its syntax.
  mutating func skipValue() throws(PruningAbort)
  /// Skips a value; true when it was null.
  mutating func skipIsNull() throws(PruningAbort) -> Bool
}
