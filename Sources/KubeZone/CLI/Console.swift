import Foundation

/// Where a command's output goes. The real console writes to stdout and
/// stderr; tests pass closures that capture the text.
public struct Console: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void
  /// True when stderr is a terminal (progress display).
  public var errIsTerminal: Bool

  public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, errIsTerminal: Bool = false) {
    self.out = out
    self.err = err
    self.errIsTerminal = errIsTerminal
  }

  public static let standard = Console(
    out: { FileHandle.standardOutput.write(Data($0.utf8)) },
    err: { FileHandle.standardError.write(Data($0.utf8)) },
    errIsTerminal: isatty(2) == 1)
}

/// kubezone's exit codes, part of its interface (README, Exit codes).
public enum ExitCode: Int32, Sendable {
  /// Done; for `diff` and `--check`: nothing would change.
  case success = 0
  /// `diff` / `--check`: changes are pending.
  case changesPending = 1
  /// Invalid input or usage; nothing was written.
  case invalidInput = 2
  /// Refused by a safety guard (`--force` overrides); nothing was written.
  case refused = 3

  /// `explain`: nothing at that name or address.
  public static let nothingFound = ExitCode.changesPending
}
