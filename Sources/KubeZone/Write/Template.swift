/// kubezone's template language: small, so a template can be read at a glance.
///
///     {{name}}              the value of `name`
///     {{#list}} ... {{/list}}  the body once per item of `list`, with the
///                           item's values in scope (outer values stay visible)
///     {{! comment }}        nothing
///
/// A line that holds only a section tag or a comment leaves no blank line
/// behind. An unknown placeholder or an unclosed section is an error naming
/// the template file and line, raised when the template is rendered with a
/// context that lacks the name.
public struct Template: Sendable {
  /// A value a placeholder can name.
  public enum Value: Sendable {
    case text(String)
    case list([[String: Value]])
  }

  indirect enum Part: Sendable {
    case literal(String)
    case variable(String, line: Int)
    case section(String, [Part], line: Int)
  }

  public let file: String
  let parts: [Part]

  /// Parses `source`; `file` names the template in errors.
  public init(_ source: String, file: String) throws(TemplateError) {
    self.file = file
    var parser = TemplateParser(source: source, file: file)
    self.parts = try parser.parse()
  }

  /// Renders the template; every name it uses must be in `context`.
  public func render(_ context: [String: Value]) throws(TemplateError) -> String {
    var out = ""
    try Self.render(parts, scopes: [context], file: file, into: &out)
    return out
  }

  private static func render(
    _ parts: [Part], scopes: [[String: Value]], file: String, into out: inout String
  ) throws(TemplateError) {
    func lookup(_ name: String) -> Value? {
      for scope in scopes.reversed() { if let v = scope[name] { return v } }
      return nil
    }
    for part in parts {
      switch part {
      case .literal(let s):
        out += s
      case .variable(let name, let line):
        switch lookup(name) {
        case .text(let s): out += s
        case .list: throw TemplateError(file: file, line: line, message: "'\(name)' is a list: use {{#\(name)}} ... {{/\(name)}}")
        case nil: throw TemplateError(file: file, line: line, message: "unknown placeholder '\(name)'")
        }
      case .section(let name, let body, let line):
        guard case .list(let items)? = lookup(name) else {
          throw TemplateError(file: file, line: line, message: "unknown list '\(name)'")
        }
        for item in items {
          try render(body, scopes: scopes + [item], file: file, into: &out)
        }
      }
    }
  }
}

/// A template that cannot be parsed or rendered, with its file and line.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var message: String

  public var description: String { "\(file):\(line): error: \(message)" }

  /// The same error as the pipeline's `InputError`, at the template line.
  var inputError: InputError { InputError(message, at: SourceLocation(file: file, line: line, column: 1, offset: 0)) }
}
