import Foundation

/// `--on-change CMD`: the hook a cron job uses to reload its DNS server
/// (`rndc reload`, `knotc zone-reload`) only when a run changed something.
///
/// CMD runs with `/bin/sh -c`, after the files are committed, with the
/// changed zones (no final dot, space-separated) in
/// `KUBEZONE_CHANGED_ZONES`. It inherits kubezone's standard output and
/// error, so cron mails what it prints. A failure is reported, but the
/// zones stay written: they are correct, only the reload is missing, and
/// the next run with changes runs CMD again.
public enum OnChangeCommand {
  /// Why the command did not succeed.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var command: String
    public var reason: String
    public var description: String {
      "--on-change command '\(command.escapedForMessage)' \(reason); the zones were written, the reload is missing"
    }
  }

  /// The environment variable that holds the changed zones.
  public static let variable = "KUBEZONE_CHANGED_ZONES"

  /// True when `plan` calls for the hook: a zone file written with new
  /// records or deleted, or a configuration (catalog aside) rewritten.
  public static func isDue(_ plan: LifecyclePlan) -> Bool {
    !plan.changedZones.isEmpty || plan.configurationChanged
  }

  /// Runs `command` for `plan`'s changed zones and waits for it.
  public static func run(_ command: String, zones: [String]) throws(Failure) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    var environment = ProcessInfo.processInfo.environment
    environment[variable] = zones.joined(separator: " ")
    process.environment = environment
    do {
      try process.run()
    } catch {
      throw Failure(command: command, reason: "could not start (\(error.localizedDescription))")
    }
    process.waitUntilExit()
    let status = process.terminationStatus
    switch process.terminationReason {
    case .exit where status == 0: return
    case .exit: throw Failure(command: command, reason: "exited with status \(status)")
    case .uncaughtSignal: throw Failure(command: command, reason: "was killed by signal \(status)")
    @unknown default: throw Failure(command: command, reason: "failed (status \(status))")
    }
  }
}
