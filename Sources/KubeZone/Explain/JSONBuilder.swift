/// Builds `Node` trees for kubezone's own JSON output, written by the
/// same writer as `inspect` (`Node.jsonText`), so escaping lives in one place.
enum JSONBuilder {
  private static let nowhere = SourceLocation(file: "<output>", line: 0, column: 0, offset: 0)

  static func string(_ s: String) -> Node { Node(.scalar(Scalar(s, style: .doubleQuoted)), location: nowhere) }
  static func number(_ n: some BinaryInteger) -> Node { Node(.scalar(Scalar("\(n)", style: .plain)), location: nowhere) }
  static func bool(_ b: Bool) -> Node { Node(.scalar(Scalar(b ? "true" : "false", style: .plain)), location: nowhere) }
  static func array(_ items: [Node]) -> Node { Node(.sequence(items), location: nowhere) }

  static func object(_ pairs: KeyValuePairs<String, Node>) -> Node {
    Node(.mapping(pairs.map { Node.Pair(key: string($0.key), value: $0.value) }), location: nowhere)
  }
}
