/// `kubezone help [COMMAND]`, and the references made from the command
/// tables: the man page and `docs/cli.md`.
enum HelpCommand {
  static let spec = CommandSpec(
    name: "help",
    abstract: "Show help for kubezone or a command, or print the man page.",
    usage: "kubezone help [COMMAND]\n       kubezone help --man | --markdown",
    options: [
      OptionSpec("man", .flag, help: "Print the kubezone(1) man page (roff); read it with 'kubezone help --man | man -l -'."),
      OptionSpec("markdown", .flag, help: "Print the command reference as Markdown, as docs/cli.md holds it."),
    ],
    discussion: """
      The man page, the Markdown reference, --help and the shell completions
      are all made from the same command and option tables.
      Exit codes: 0 printed, 2 usage.
      """,
    arguments: .command)

  static func run(_ args: ParsedArguments, console: Console) throws(KubeZoneFailure) -> ExitCode {
    func usage(_ message: String) -> KubeZoneFailure { .usage(UsageError(message, command: "help")) }
    let man = args.flag("man"), markdown = args.flag("markdown")
    if man || markdown {
      guard !(man && markdown), args.positionals.isEmpty else {
        throw usage("--man and --markdown print the whole reference; give one of them and no command")
      }
      console.out(man ? ManPage.text(commands: Commands.specs) : MarkdownReference.text(commands: Commands.specs))
      return .success
    }
    guard let name = args.positionals.first else {
      console.out(TopLevelHelp.text)
      return .success
    }
    guard args.positionals.count == 1, let command = Commands.specs.first(where: { $0.name == name }) else {
      throw usage("help takes one command name (\(Commands.specs.map(\.name).joined(separator: ", "))), not '\(args.positionals.joined(separator: " ").escapedForMessage)'")
    }
    console.out(HelpFormatter.help(for: command))
    return .success
  }
}
