/// Why a zone file could not be read, with the position of the offending
/// token: `file:line:col: error: message`.
public struct ZoneFileError: Error, Sendable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(_ message: String, at location: SourceLocation) {
    self.message = message
    self.location = location
  }

  public var description: String { "\(location): error: \(message)" }

  /// The same error as the pipeline's `InputError`, for the CLI.
  var inputError: InputError { InputError(message, at: location) }
}
