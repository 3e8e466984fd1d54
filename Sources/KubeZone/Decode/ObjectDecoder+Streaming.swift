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
}
