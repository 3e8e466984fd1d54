/// `kubezone completions bash|zsh|fish`: prints a completion script made
/// from the same command and option tables as `--help`.
enum CompletionsCommand {
  static let shells = ["bash", "zsh", "fish"]

  static let spec = CommandSpec(
    name: "completions",
    abstract: "Print a shell completion script for bash, zsh or fish.",
    usage: "kubezone completions bash|zsh|fish",
    options: [],
    discussion: """
      The script completes commands, options, their fixed values (such as
      --profile coredns|spec) and files and folders for inputs. Load it for
      this shell with 'source <(kubezone completions bash)' (zsh: the same
      with zsh), or install it where the shell looks: 'make install' does,
      or 'kubezone completions fish > ~/.config/fish/completions/kubezone.fish'.
      Exit codes: 0 printed, 2 usage.
      """,
    arguments: .choice(shells))

  static func run(_ args: ParsedArguments, console: Console) throws(KubeZoneFailure) -> ExitCode {
    guard args.positionals.count == 1, let shell = args.positionals.first else {
      throw .usage(UsageError("completions needs one shell: bash, zsh or fish", command: "completions"))
    }
    let commands = Commands.specs
    let top = Commands.topLevelOptions
    switch shell {
    case "bash": console.out(BashCompletion.script(commands: commands, topLevel: top))
    case "zsh": console.out(ZshCompletion.script(commands: commands, topLevel: top))
    case "fish": console.out(FishCompletion.script(commands: commands, topLevel: top))
    default:
      throw .usage(UsageError("completions: unknown shell '\(shell.escapedForMessage)'; choose bash, zsh or fish", command: "completions"))
    }
    return .success
  }
}
