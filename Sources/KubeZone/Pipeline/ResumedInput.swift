/// The rest of a streamed List read the full way, after the chunks
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
  var checkpoint: ListCheckpoint
  let bytes: [UInt8]
  let shift: LocationShift

  init(_ buf: UnsafeBufferPointer<UInt8>, file: String, checkpoint: ListCheckpoint) {
    self.file = file
    count = buf.count
    self.checkpoint = checkpoint
    let (head, rest) = (checkpoint.head, checkpoint.rest)
    let gap = checkpoint.restLine - checkpoint.headLine
    var bytes = [UInt8]()
    bytes.reserveCapacity(head + gap + buf.count - rest)
    bytes += UnsafeBufferPointer(rebasing: buf[0..<head])
    bytes += repeatElement(0x0A, count: gap)
    bytes += UnsafeBufferPointer(rebasing: buf[rest...])
    self.bytes = bytes
    shift = LocationShift(bytes: rest - (head + gap), from: head + gap)
  }

  /// Appends what the full readers make of the whole input to `decoded`,
  /// or throws their error. Consuming, so the confirmed objects are moved
  /// into `decoded`, not copied.
  consuming func decode(with decoder: ObjectDecoder, into decoded: inout ObjectDecoder.Result) throws(InputError) {
    do {
      // The List is the first document (a YAML stream's header is one).
      for (i, document) in try Pipeline.readDocuments(bytes, file: file).enumerated() {
        guard let root = ObjectDecoder.root(of: document) else { continue }
        let list = i == 0 && decoder.listsItems(root)
        var part = ObjectDecoder.Result()
        try decoder.decode(root: root, into: &part, firstItem: list ? checkpoint.items : 0)
        _ = part.shift(shift)
        if list {
          var confirmed = ObjectDecoder.Result()
          swap(&confirmed, &checkpoint.result)
          decoded.append(consume confirmed)
        }
        decoded.append(consume part)
      }
    } catch {
      var moved = error
      moved.diagnostic.location = error.diagnostic.location?.shifting(shift)
      throw moved
    }
  }
}

/// Where a stream's List can be taken up, and the objects of the items
/// confirmed before it (`FastJSONInput`, `FastYAMLInput`).
struct ListCheckpoint {
  var result: ObjectDecoder.Result
  /// Where the first item's line starts, and its number.
  var head: Int
  var headLine: Int
  /// Where the line of the first item not confirmed starts (the kept
  /// bytes), and its number.
  var rest: Int
  var restLine: Int
  /// Items before it.
  var items: Int
}

extension ListCheckpoint {
  /// The confirmed objects of `checkpoint`, if any, then `rest`'s. The
  /// checkpoint is taken, so its objects are moved: appending to a copy
  /// retained every object of the stream on one core (70 ms at 150k).
  static func joining(_ checkpoint: inout ListCheckpoint?, _ rest: consuming ObjectDecoder.Result) -> ObjectDecoder.Result {
    guard var prefix = checkpoint.take()?.result else { return rest }
    prefix.append(rest)
    return prefix
  }
}

/// What a fast reader made of an input.
enum FastOutcome {
  case decoded(ObjectDecoder.Result)
  /// Read the whole input the full way.
  case full
  /// A stream whose confirmed chunks were given back: the full readers
  /// take up the List where they end (`ResumedInput`).
  case resume(ListCheckpoint)

  /// The objects when the fast reader read them all.
  var decoded: ObjectDecoder.Result? {
    if case .decoded(let result) = self { result } else { nil }
  }
}
