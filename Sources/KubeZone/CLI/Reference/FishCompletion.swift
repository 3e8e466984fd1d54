/// The fish completion script, made from the command tables.
enum FishCompletion {
  static func script(commands: [CommandSpec], topLevel: [OptionSpec]) -> String {
    var out = """
      # fish completion for kubezone, made by 'kubezone completions fish' from the
      # same option tables as --help. Install it as kubezone.fish in a completions
      # folder (~/.config/fish/completions), or: kubezone completions fish | source

      complete -c kubezone -f

      """
    for option in topLevel {
      out += "complete -c kubezone -n __fish_use_subcommand" + flags(option) + " -d " + ReferenceText.shellQuoted(option.help) + "\n"
    }
    for command in commands {
      out += "complete -c kubezone -n __fish_use_subcommand -a \(command.name) -d " + ReferenceText.shellQuoted(command.abstract) + "\n"
    }
    for command in commands {
      let condition = " -n " + ReferenceText.shellQuoted("__fish_seen_subcommand_from \(command.name)")
      out += "\n# kubezone \(command.name)\n"
      for option in command.options {
        out += "complete -c kubezone" + condition + flags(option) + values(option.values, commands: commands)
          + " -d " + ReferenceText.shellQuoted(option.help) + "\n"
      }
      switch command.arguments {
      case .none, .text: break
      case .inputs, .file, .directory:
        out += "complete -c kubezone" + condition + " -F\n"
      case .choice, .command:
        out += "complete -c kubezone" + condition + values(command.arguments, commands: commands) + "\n"
      }
    }
    return out
  }

  private static func flags(_ option: OptionSpec) -> String {
    (option.short.map { " -s \($0)" } ?? "") + " -l \(option.name)"
  }

  /// How fish completes the value: `-r -F` files, `-x` no files (with `-a`
  /// for the words to offer).
  private static func values(_ kind: ValueKind, commands: [CommandSpec]) -> String {
    switch kind {
    case .none: return ""
    case .text: return " -x"
    case .file, .inputs: return " -r -F"
    case .directory: return " -x -a " + ReferenceText.shellQuoted("(__fish_complete_directories (commandline -ct))")
    case .choice(let words): return " -x -a " + ReferenceText.shellQuoted(words.joined(separator: " "))
    case .command: return " -x -a " + ReferenceText.shellQuoted(commands.map(\.name).joined(separator: " "))
    }
  }
}
