/// `docs/cli.md`: the command reference in Markdown, made from the command
/// tables (`kubezone help --markdown`); a test keeps the file equal to it.
enum MarkdownReference {
  static func text(commands: [CommandSpec]) -> String {
    var out = """
      # Command reference

      <!-- Made by `kubezone help --markdown` from the option tables that also make
      --help, the man page and the shell completions; a test keeps this file equal to
      that output, so change the tables, then regenerate it. -->

      ```
      kubezone <command> [OPTIONS] ...
      ```

      | command | what it does |
      |---|---|

      """
    for command in commands {
      out += "| [`\(command.name)`](#kubezone-\(command.name)) | \(prose(command.abstract)) |\n"
    }
    out += "\nOptions of `kubezone` itself:\n\n"
    for option in Commands.topLevelOptions { out += item(option) }
    out += "\nExit codes, for every command:\n\n"
    for (code, meaning) in Commands.exitCodes { out += "- `\(code.rawValue)`: \(prose(meaning))\n" }
    for command in commands {
      out += "\n## kubezone \(command.name)\n\n\(prose(command.abstract))\n\n```\n\(command.usage)\n```\n"
      for paragraph in ReferenceText.paragraphs(command.discussion) { out += "\n" + prose(paragraph) + "\n" }
      out += "\nOptions:\n\n"
      for option in command.options { out += item(option) }
    }
    return out
  }

  private static func item(_ option: OptionSpec) -> String {
    var names = BashCompletion.spellings(option).joined(separator: ", ")
    if let value = ReferenceText.valueText(option) { names += " " + value }
    var line = "- `\(names)`: \(prose(option.help))"
    if let d = option.defaultText { line += " Default: \(prose(d))." }
    return line + "\n"
  }

  /// Plain text with Markdown's active characters escaped: `*.yaml` is no
  /// emphasis, `<domain>` no HTML tag, `a|b` no table cell.
  private static func prose(_ text: String) -> String {
    ReferenceText.backslashed(text, "\\*_<>[]|`")
  }
}
