/// libFuzzer harness: the JSON reader.
///
/// Invariants beyond "no crash":
/// - an error names a position inside the input;
/// - a document rendered as JSON reads back to the same rendering;
/// - the manifest reader takes any input starting with `{` or `[` as JSON
///   and agrees with the JSON reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func jsonFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let node: Node
  do {
    node = try JSONReader.document(bytes, file: "fuzz.json", limits: FuzzCheck.limits)
  } catch {
    FuzzCheck.location(error.location, within: bytes, "JSON reader")
    return 0
  }
  let text = node.jsonText()
  FuzzCheck.jsonRoundTrip(text, "JSON reader")
  if JSONSniff.startsWithBracket(bytes) {
    guard let docs = try? ManifestReader.documents(bytes, file: "fuzz.json", limits: FuzzCheck.limits),
      docs.count == 1
    else {
      FuzzCheck.fail("JSON reader: the manifest reader rejects a JSON document the JSON reader read")
    }
    FuzzCheck.require(docs[0].jsonText() == text, "JSON reader: the manifest reader reads it differently")
  }
  return 0
}

