import Foundation

extension CommandLine {
  /// kubezone's version, printed by `--version`.
  public static let kubezoneVersion = "0.1.0"
  /// The date of that version, as the man page shows it (never today's date,
  /// so the generated page is the same bytes on every machine).
  public static let kubezoneVersionDate = "2026-12-01"

  /// Runs kubezone with `arguments` (without the program name), writing to
  /// the process's stdout and stderr, and returns the exit code. The
  /// process's allocator is set up first (`AllocatorTuning`).
  public static func run(_ arguments: [String]) -> Int32 {
    AllocatorTuning.apply()
    return run(arguments, console: .standard).rawValue
  }

  /// Runs kubezone against `console`; the entry point tests call.
  public static func run(_ arguments: [String], console: Console) -> ExitCode {
    guard let first = arguments.first else {
      console.err(TopLevelHelp.text)
      return .invalidInput
    }
    switch first {
    case "-h", "--help":
      console.out(TopLevelHelp.text)
      return .success
    case "--version":
      console.out("kubezone \(kubezoneVersion)\n")
      return .success
    default:
      break
    }
    guard let command = Commands.all.first(where: { $0.spec.name == first }) else {
      let names = Commands.all.map(\.spec.name)
      let close = names.min { ArgumentParser.editDistance($0, first) < ArgumentParser.editDistance($1, first) }
      var message = "kubezone: error: unknown command '\(first.escapedForMessage)'"
      if let close, ArgumentParser.editDistance(close, first) <= 2 { message += "; did you mean '\(close)'?" }
      console.err(message + "\nRun 'kubezone --help' for the commands.\n")
      return .invalidInput
    }
    do throws(KubeZoneFailure) {
      let args: ParsedArguments
      do {
        args = try ArgumentParser.parse(Array(arguments.dropFirst()), for: command.spec)
      } catch {
        throw .usage(error)
      }
      if args.flag("help") {
        console.out(HelpFormatter.help(for: command.spec))
        return .success
      }
      return try command.run(args, console)
    } catch {
      switch error {
      case .usage(let u):
        console.err(u.description + "\nRun 'kubezone \(u.command ?? first) --help' for usage.\n")
      case .input(let e):
        console.err(e.rendered + "\n")
      case .refused(let message):
        console.err("kubezone: refused: \(message)\n")
      }
      return error.exitCode
    }
  }
}

/// The subcommands, in help order.
enum Commands {
  struct Entry: Sendable {
    var spec: CommandSpec
    var run: @Sendable (ParsedArguments, Console) throws(KubeZoneFailure) -> ExitCode
  }

  static let all: [Entry] = [
    Entry(spec: GenerateCommand.spec, run: { a, c throws(KubeZoneFailure) in try GenerateCommand.run(a, console: c) }),
    Entry(spec: DiffCommand.spec, run: { a, c throws(KubeZoneFailure) in try DiffCommand.run(a, console: c) }),
    Entry(spec: ExplainCommand.spec, run: { a, c throws(KubeZoneFailure) in try ExplainCommand.run(a, console: c) }),
    Entry(spec: InspectCommand.spec, run: { a, c throws(KubeZoneFailure) in try InspectCommand.run(a, console: c) }),
    Entry(spec: CompletionsCommand.spec, run: { a, c throws(KubeZoneFailure) in try CompletionsCommand.run(a, console: c) }),
    Entry(spec: HelpCommand.spec, run: { a, c throws(KubeZoneFailure) in try HelpCommand.run(a, console: c) }),
  ]

  static var specs: [CommandSpec] { all.map(\.spec) }

  /// The options `kubezone` itself takes before any command.
  static let topLevelOptions: [OptionSpec] = [
    OptionSpec("help", short: "h", .flag, help: "Show this help, or a command's with 'kubezone <command> --help'."),
    OptionSpec("version", .flag, help: "Show the version."),
  ]

  /// The exit codes, as every reference lists them.
  static let exitCodes: [(code: ExitCode, meaning: String)] = [
    (.success, "Done; for diff and --check: nothing would change; for explain: found."),
    (.changesPending, "diff and --check: changes are pending; explain: nothing at that name."),
    (.invalidInput, "Invalid input or usage, a lock timeout, or a write that failed; nothing was changed."),
    (.refused, "Refused by a safety guard (--force overrides); nothing was written."),
  ]
}

enum TopLevelHelp {
  static var text: String {
    var out = """
      OVERVIEW: kubezone turns Kubernetes objects into the DNS zone files cluster DNS would serve.

      USAGE: kubezone <command> [OPTIONS] ...

      COMMANDS:

      """
    let width = (Commands.specs.map(\.name.count).max() ?? 0) + 2
    for c in Commands.all {
      out += "  " + c.spec.name.padding(toLength: width, withPad: " ", startingAt: 0) + c.spec.abstract + "\n"
    }
    out += "\nOPTIONS:\n"
    for option in Commands.topLevelOptions {
      out += "  " + option.synopsis.padding(toLength: 16, withPad: " ", startingAt: 0) + option.help + "\n"
    }
    out += "\nEXIT CODES:\n"
    for (code, meaning) in Commands.exitCodes {
      out += "  \(code.rawValue)  \(meaning)\n"
    }
    return out
  }
}
