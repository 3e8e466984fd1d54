/// The rest of a streamed JSON List read the full way, after the chunks
/// the fast reader confirmed and the spool gave back (`SpoolStream.discard`):
/// what the full readers give for the whole input, without its whole bytes.
///
/// The full readers get a shorter copy of the input: the List's head up to
/// its first item's line, a line break for each line the confirmed items
/// took, then everything from the first unconfirmed item's line on. Every
/// kept byte sits at its own line and column, so messages and excerpts are
/// the whole input's; offsets are moved back after (`LocationShift`).
///
/// The confirmed items' objects come first when the root is a List, as
/// the full reader gives them: each item is decoded on its own, and the
/// fast reader confirmed them only by the rule the full one follows. A
/// root that is not a List (its `kind` comes after the items in kubectl's
/// order, so this is known only now) is one object whose `items` the full
/// reader ignores: the confirmed objects are dropped.
struct ResumedInput {
  let file: String
  /// The whole input's length.
  let count: Int
  let checkpoint: FastJSONInput.Checkpoint
  let bytes: [UInt8]
  let shift: LocationShift

  init(_ buf: UnsafeBufferPointer<UInt8>, file: String, checkpoint: FastJSONInput.Checkpoint) {
    self.file = file
    count = buf.count
    self.checkpoint = checkpoint
    let head = FastJSONInput.lineStartBefore(buf, checkpoint.first.pos)
    let gap = checkpoint.at.line - checkpoint.first.line
    let rest = checkpoint.at.lineStart
    var bytes = [UInt8]()
    bytes.reserveCapacity(head + gap + buf.count - rest)
    bytes += UnsafeBufferPointer(rebasing: buf[0..<head])
    bytes += repeatElement(0x0A, count: gap)
    bytes += UnsafeBufferPointer(rebasing: buf[rest...])
    self.bytes = bytes
    shift = LocationShift(bytes: rest - (head + gap), from: head + gap)
  }

  /// Appends what the full readers make of the whole input to `decoded`,
  /// or throws their error.
  func decode(with decoder: ObjectDecoder, into decoded: inout ObjectDecoder.Result) throws(InputError) {
    do {
      for document in try Pipeline.readDocuments(bytes, file: file) {
        var part = ObjectDecoder.Result()
        try decoder.decode(document, into: &part, firstItem: checkpoint.items)
        _ = part.shift(shift)
        if decoder.listsItems(document) { decoded.append(checkpoint.result) }
        decoded.append(part)
      }
    } catch {
      var moved = error
      moved.diagnostic.location = error.diagnostic.location?.shifting(shift)
      throw moved
    }
  }
}
