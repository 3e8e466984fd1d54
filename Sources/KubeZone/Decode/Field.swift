/// A node inside a Kubernetes object, with its path for messages
/// (`spec.ports[0].port`). Accessors are typed: a field of the wrong type is
/// an `InputError` at the value's position, never a silent default.
struct Field {
  let node: Node
  let path: String
  /// False when the caller never shows messages from this decode (the
  /// fast readers redo a failed decode the full way): paths are then not
  /// built, which was a large share of decoding time.
  let tracksPath: Bool

  init(_ node: Node, path: String, tracksPath: Bool = true) {
    self.node = node
    self.path = path
    self.tracksPath = tracksPath
  }

  var location: SourceLocation { node.location }

  /// The child under `key`, or nil when absent or null (as the API server
  /// treats an explicit null).
  func child(_ key: String) -> Field? {
    guard let n = node[key], !n.isNull else { return nil }
    guard tracksPath else { return Field(n, path: "", tracksPath: false) }
    return Field(n, path: path.isEmpty ? key : path + "." + key)
  }

  func fail(_ expected: String) -> InputError {
    InputError("\(path): expected \(expected), found \(node.kindDescription)", at: location)
  }

  /// A string field keeps the scalar's text whatever it looks like
  /// (`yes`, `1.10`, a timestamp), as the Kubernetes API types it.
  func stringValue() throws(InputError) -> String {
    guard let s = node.scalar else { throw fail("a string") }
    return s.text
  }

  func intValue() throws(InputError) -> Int {
    guard let s = node.scalar, let v = Self.int(s.text, plain: s.style == .plain) else {
      throw fail("an integer")
    }
    return v
  }

  /// An integer scalar's value: plain text `Int` reads; nil for any other
  /// text, or a quoted one.
  static func int(_ text: String, plain: Bool) -> Int? {
    plain ? Int(text) : nil
  }

  func boolValue() throws(InputError) -> Bool {
    guard let s = node.scalar, let value = Self.bool(s.text, plain: s.style == .plain) else { throw fail("true or false") }
    return value
  }

  /// A boolean scalar's value: plain `true`, `True` or `TRUE`, or the
  /// three falses; nil for any other text, or a quoted one.
  static func bool(_ text: String, plain: Bool) -> Bool? {
    guard plain else { return nil }
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }

  /// The items, numbered in their paths from `first` (a List taken up
  /// after its first items, `ResumedInput`).
  func items(from first: Int = 0) throws(InputError) -> [Field] {
    guard let seq = node.sequence else { throw fail("a list") }
    guard tracksPath else { return seq.map { Field($0, path: "", tracksPath: false) } }
    return seq.enumerated().map { Field($1, path: "\(path)[\(first + $0)]") }
  }

  func requireMapping() throws(InputError) {
    guard node.mapping != nil else { throw fail("a mapping") }
  }

  /// A `map[string]string` such as labels or a selector.
  func stringMap() throws(InputError) -> [String: String] {
    guard let entries = node.mapping else { throw fail("a mapping of strings") }
    var out = [String: String](minimumCapacity: entries.count)
    for entry in entries {
      guard let key = entry.key.scalar?.text else {
        throw Field(entry.key, path: path).fail("a string key")
      }
      let value = Field(entry.value, path: tracksPath ? path + "." + key : "", tracksPath: tracksPath)
      out[key] = entry.value.isNull ? "" : try value.stringValue()
    }
    return out
  }

  // Optional conveniences: absent or null gives nil.
  func string(_ key: String) throws(InputError) -> String? { try child(key)?.stringValue() }
  func int(_ key: String) throws(InputError) -> Int? { try child(key)?.intValue() }
  func bool(_ key: String) throws(InputError) -> Bool? { try child(key)?.boolValue() }
  func list(_ key: String) throws(InputError) -> [Field] { try child(key)?.items() ?? [] }
  func strings(_ key: String) throws(InputError) -> [String] {
    try list(key).map { f throws(InputError) in try f.stringValue() }
  }
}

extension Node {
  /// How a node is described in "expected X, found Y" messages.
  var kindDescription: String {
    switch value {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let s):
      if isNull { return "null" }
      let text = String(s.text.prefix(40)).escapedForMessage
      return s.style == .plain ? "'\(text)'" : "the string \"\(text)\""
    }
  }
}
