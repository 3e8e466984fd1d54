import Foundation

extension CommandLine {
  /// Runs kubezone with `arguments` (without the program name), writing to
  /// the process's stdout and stderr, and returns the exit code.
  public static func run(_ arguments: [String]) -> Int32 {
    0
  }
}
