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
  /// Control characters in the message are escaped, so a hostile name
  /// quoted in it can neither forge another diagnostic line nor drive the
  /// terminal.
  public var description: String {
    // The file name is escaped too: a folder may hold a file named
    // "a.yaml\nkubezone: ..." as easily as a manifest may hold such a name.
    let prefix = location.map { "\(Self.printable($0.description)): " } ?? "kubezone: "
    return "\(prefix)\(severity.rawValue): \(Self.printable(message))"
  }

  /// `text` with line breaks, C0/C1 controls, DEL and the Unicode line,
  /// paragraph and bidirectional controls escaped (`\n`, `\u{202E}`).
  static func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) { out += scalar.escaped(asASCII: true) } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }

  private static func isControl(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
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
