/// libFuzzer harness: the YAML reader.
///
/// Invariants beyond "no crash":
/// - an error names a position inside the input (line and column from 1,
///   offset at most the input's length);
/// - each document rendered as JSON reads back through the JSON reader and
///   renders to the same text (the node model survives a round trip).
@_cdecl("LLVMFuzzerTestOneInput")
public func yamlFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let first: [Node]
  do {
    first = try YAMLReader.documents(bytes, file: "fuzz.yaml", limits: FuzzCheck.limits)
  } catch {
    FuzzCheck.location(error.location, within: bytes, "YAML reader")
    return 0
  }
  for document in first {
    FuzzCheck.jsonRoundTrip(document.jsonText(), "YAML reader")
  }
  return 0
}
