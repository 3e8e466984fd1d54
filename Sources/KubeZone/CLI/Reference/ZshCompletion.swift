/// The zsh completion script (`_kubezone`), made from the command tables.
/// It works both from a folder on `$fpath` (autoloaded by compinit) and
/// sourced after compinit.
enum ZshCompletion {
  static func script(commands: [CommandSpec], topLevel: [OptionSpec]) -> String {
    var out = """
      #compdef kubezone
      # zsh completion for kubezone, made by 'kubezone completions zsh' from the
      # same option tables as --help. Install it as _kubezone in a folder of
      # $fpath, or load it for this shell with: source <(kubezone completions zsh)

      _kubezone() {
        local curcontext=$curcontext state line ret=1
        _arguments -C \\

      """
    for option in topLevel {
      for spelling in BashCompletion.spellings(option) {
        out += "    " + ReferenceText.shellQuoted("(- *)" + spelling + "[" + escaped(option.help) + "]") + " \\\n"
      }
    }
    out += """
          '1:command:->command' \\
          '*::argument:->argument' && ret=0
        case $state in
          command)
            local -a commands
            commands=(

      """
    for command in commands {
      out += "        " + ReferenceText.shellQuoted(command.name + ":" + command.abstract) + "\n"
    }
    out += """
            )
            _describe -t commands 'kubezone command' commands && ret=0
            ;;
          argument)
            curcontext=${curcontext%:*:*}:kubezone-$words[1]:
            case $words[1] in

      """
    for command in commands {
      out += "        \(command.name)) _kubezone_\(ReferenceText.identifier(command.name)) && ret=0 ;;\n"
    }
    out += "      esac\n      ;;\n  esac\n  return ret\n}\n"
    for command in commands {
      out += "\n" + function(for: command, commands: commands)
    }
    out += """

      if [[ $funcstack[1] == _kubezone ]]; then
        _kubezone "$@"
      else
        compdef _kubezone kubezone
      fi

      """
    return out
  }

  private static func function(for command: CommandSpec, commands: [CommandSpec]) -> String {
    var out = "_kubezone_\(ReferenceText.identifier(command.name))() {\n  _arguments -S \\\n"
    for option in command.options {
      let names = BashCompletion.spellings(option)
      let exclusion = option.name == "help" ? "(- *)" : option.arity == .repeated ? "*" : "(\(names.joined(separator: " ")))"
      for spelling in names {
        var spec = exclusion + spelling
        if option.arity != .flag, spelling.hasPrefix("--") { spec += "=" }
        spec += "[" + escaped(option.help) + "]"
        if option.arity != .flag {
          spec += ":" + escaped(option.valueName) + ":" + action(for: option.values, list: option.arity == .repeated, commands: commands)
        }
        out += "    " + ReferenceText.shellQuoted(spec) + " \\\n"
      }
    }
    switch command.arguments {
    case .none: break
    case .inputs, .file, .directory, .text:
      out += "    " + ReferenceText.shellQuoted("*:INPUT:" + action(for: command.arguments, list: false, commands: commands)) + " \\\n"
    case .choice, .command:
      out += "    " + ReferenceText.shellQuoted("1:ARGUMENT:" + action(for: command.arguments, list: false, commands: commands)) + " \\\n"
    }
    // The last line ends the continued command.
    out += "    && return 0\n  return 1\n}\n"
    return out
  }

  private static func action(for kind: ValueKind, list: Bool, commands: [CommandSpec]) -> String {
    switch kind {
    case .none, .text: return " "
    case .file: return "_files"
    case .directory: return "_files -/"
    case .inputs: return "_files"
    case .choice(let words):
      return list ? "_values -s , value " + words.joined(separator: " ") : "(" + words.joined(separator: " ") + ")"
    case .command: return "(" + commands.map(\.name).joined(separator: " ") + ")"
    }
  }

  /// Text inside `[...]` or after `:` in an `_arguments` spec.
  private static func escaped(_ text: String) -> String {
    ReferenceText.backslashed(text, "\\[]:")
  }
}
