/// Why a command failed, mapped to an exit code in one place.
public enum KubeZoneFailure: Error, Sendable {
  /// Wrong options or arguments: exit 2, with a hint to `--help`.
  case usage(UsageError)
  /// Unusable input: exit 2, `file:line:col: error: ...`.
  case input(InputError)
  /// A safety guard refused the run: exit 3.
  case refused(String)

  var exitCode: ExitCode {
    switch self {
    case .usage, .input: .invalidInput
    case .refused: .refused
    }
  }

  static func wrap<T>(_ body: () throws(InputError) -> T) throws(KubeZoneFailure) -> T {
    do {
      return try body()
    } catch {
      throw .input(error)
    }
  }

  /// Runs `body`, pointing a usage error's `--help` hint at `command`:
  /// options shared with generate are checked by generate's code.
  static func renamingCommand<T>(_ command: String, _ body: () throws(KubeZoneFailure) -> T) throws(KubeZoneFailure) -> T {
    do {
      return try body()
    } catch {
      guard case .usage(var u) = error else { throw error }
      u.command = command
      throw .usage(u)
    }
  }
}
