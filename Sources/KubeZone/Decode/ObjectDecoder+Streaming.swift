extension ObjectDecoder {
  /// Decodes one List item read on its own, before the List's own `kind`
  /// and `apiVersion` are known.
  ///
  /// Field paths are not built: messages come from redoing a failed decode
  /// the full way. Returns false, decoding nothing, when the item is not a mapping or
  /// lacks `kind` or `apiVersion` (it would inherit them from the List):
  /// the caller then decodes the whole document the ordinary way.
  func decodeStreamedItem(_ item: Node, into result: inout Result) throws(InputError) -> Bool {
    let field = Field(item, path: "", tracksPath: false)
    guard item.mapping != nil, field.child("kind") != nil, field.child("apiVersion") != nil else {
      return false
    }
    try decodeObject(field, inheritedKind: nil, inheritedVersion: nil, into: &result)
    return true
  }

  /// True when a List's own keys (`pairs`, its `items` left out) pass every
  /// check `decode` makes on a List: a `kind` ending in `List`, `kind` and
  /// `apiVersion` strings if present, no merge key. The fast readers stream
  /// the items only then; otherwise the full readers report the problem.
  func acceptsListWrapper(_ pairs: [Node.Pair], at location: SourceLocation) -> Bool {
    let keys = pairs.map { $0.key.scalar?.text }
    guard !keys.contains("items"), !keys.contains("<<") else { return false }
    let empty = Node(.sequence([]), location: location)
    let items = Node.Pair(key: Node(.scalar(Scalar("items", style: .plain)), location: location), value: empty)
    let root = Node(.mapping(pairs + [items]), location: location)
    guard let kind = try? Field(root, path: "").string("kind"), kind.hasSuffix("List") else { return false }
    var probe = Result()
    do { try decode(root, into: &probe) } catch { return false }
    return probe.objects.isEmpty && probe.skipped.isEmpty
  }
}
