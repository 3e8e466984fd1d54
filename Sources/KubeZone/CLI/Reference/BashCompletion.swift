/// The bash completion script, made from the command tables.
///
/// bash splits `--profile=co` at `=` (COMP_WORDBREAKS), so the script looks
/// past a lone `=` for the option whose value is being typed.
enum BashCompletion {
  static func script(commands: [CommandSpec], topLevel: [OptionSpec]) -> String {
    var out = """
      # bash completion for kubezone, made by 'kubezone completions bash' from the
      # same option tables as --help. Load it with: source <(kubezone completions bash)

      _kubezone_words() { mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur"); }
      _kubezone_list() {
        local prefix=
        [[ $cur == *,* ]] && prefix=${cur%,*},
        mapfile -t COMPREPLY < <(compgen -P "$prefix" -W "$1" -- "${cur##*,}")
      }
      _kubezone_files() { compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur"); }
      _kubezone_dirs() { compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur"); }
      _kubezone_inputs() {
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        [[ -z $cur ]] && COMPREPLY+=(-)
      }

      _kubezone() {
        local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= i
        (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
        if [[ $cur == = ]]; then
          cur=
        elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
          prev=${COMP_WORDS[COMP_CWORD-2]}
        fi
        for ((i = 1; i < COMP_CWORD; i++)); do
          case ${COMP_WORDS[i]} in
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
          esac
        done
        case $cmd in
          '') _kubezone_words \(ReferenceText.shellQuoted((commands.map(\.name) + topLevel.flatMap(spellings)).joined(separator: " "))) ;;

      """
    for command in commands {
      out += "    \(command.name)) _kubezone_\(ReferenceText.identifier(command.name)) ;;\n"
    }
    out += "  esac\n}\n"
    for command in commands {
      out += "\n" + function(for: command, commands: commands)
    }
    out += "\ncomplete -F _kubezone kubezone\n"
    return out
  }

  private static func function(for command: CommandSpec, commands: [CommandSpec]) -> String {
    var out = "_kubezone_\(ReferenceText.identifier(command.name))() {\n  case $prev in\n"
    var byAction: [(pattern: String, action: String)] = []
    for option in command.options where option.arity != .flag {
      let pattern = spellings(option).joined(separator: "|")
      byAction.append((pattern, action(for: option.values, list: option.arity == .repeated, commands: commands) ?? ":"))
    }
    for (pattern, action) in byAction {
      out += "    \(pattern)) \(action); return ;;\n"
    }
    out += "  esac\n"
    let words = command.options.flatMap(spellings).joined(separator: " ")
    out += "  if [[ $cur == -* ]]; then _kubezone_words \(ReferenceText.shellQuoted(words)); return; fi\n"
    if let positional = action(for: command.arguments, list: false, commands: commands) {
      out += "  \(positional)\n"
    }
    out += "}\n"
    return out
  }

  /// The completion call for a value of `kind`; nil when nothing is offered.
  private static func action(for kind: ValueKind, list: Bool, commands: [CommandSpec]) -> String? {
    switch kind {
    case .none, .text: return nil
    case .file: return "_kubezone_files"
    case .directory: return "_kubezone_dirs"
    case .inputs: return "_kubezone_inputs"
    case .choice(let words): return (list ? "_kubezone_list " : "_kubezone_words ") + ReferenceText.shellQuoted(words.joined(separator: " "))
    case .command: return "_kubezone_words " + ReferenceText.shellQuoted(commands.map(\.name).joined(separator: " "))
    }
  }

  static func spellings(_ option: OptionSpec) -> [String] {
    (option.short.map { ["-\($0)"] } ?? []) + ["--" + option.name]
  }
}
