/// A syntax error or a limit hit while reading YAML or JSON.
///
/// `location` names the first byte that is wrong. `description` renders the
/// diagnostic; `rendered(source:)` adds the source line and a caret.
public struct ReadError: Error, Sendable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(_ message: String, at location: SourceLocation) {
    self.message = message
    self.location = location
  }

  public var description: String { "\(location): error: \(message)" }
}
