/// A warning or error about the input, tied to where it was found.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable {
    case note, warning, error
  }

  public var severity: Severity
  public var location: SourceLocation?
  public var message: String

  public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  /// `file:line:col: warning: message`, or `kubezone: ...` without a place.
  public var description: String {
    let prefix = location.map { "\($0): " } ?? "kubezone: "
    return "\(prefix)\(severity.rawValue): \(message)"
  }
}

/// Failure of a stage: the first fatal diagnostic (and those before it).
public struct InputError: Error, Sendable, CustomStringConvertible {
  public var diagnostic: Diagnostic
  /// The offending source line with a caret under the column, when known.
  public var excerpt: String?

  public init(_ message: String, at location: SourceLocation?, excerpt: String? = nil) {
    diagnostic = Diagnostic(.error, message, at: location)
    self.excerpt = excerpt
  }

  public var description: String { diagnostic.description }

  /// The description, then the excerpt when there is one.
  public var rendered: String {
    excerpt.map { description + "\n" + $0 } ?? description
  }
}
