/// Text helpers shared by the references made from the command tables
/// (man page, Markdown, completion scripts).
enum ReferenceText {
  /// A discussion's paragraphs: its hard-wrapped lines joined, split at
  /// blank lines.
  static func paragraphs(_ text: String) -> [String] {
    var result: [String] = []
    var current: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty {
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        current = []
      } else {
        current.append(Substring(trimmed))
      }
    }
    if !current.isEmpty { result.append(current.joined(separator: " ")) }
    return result
  }

  /// `text` split after each sentence: a `.`, `?` or `!` followed by a space
  /// and a capital (`e.g. 10.96.0.0/16` and `i.e.` stay), for formats that
  /// want one sentence a line.
  static func sentences(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    let chars = Array(text)
    var i = 0
    while i < chars.count {
      current.append(chars[i])
      if ".?!".contains(chars[i]), i + 1 < chars.count, chars[i + 1] == " ",
        i + 2 < chars.count, chars[i + 2].isUppercase, !current.hasSuffix("e.g."), !current.hasSuffix("i.e.")
      {
        result.append(current)
        current = ""
        i += 2
        continue
      }
      i += 1
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  /// The option's value as usage shows it: `coredns|spec`, `DIR`.
  static func valueText(_ option: OptionSpec) -> String? {
    option.arity == .flag ? nil : option.valueName
  }

  /// `text` in single quotes for sh, bash, zsh and fish alike.
  static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// A shell function-name fragment for a command name.
  static func identifier(_ name: String) -> String {
    String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }

  /// `text` with a backslash before each of `characters`.
  static func backslashed(_ text: String, _ characters: String) -> String {
    var out = ""
    for c in text {
      if characters.contains(c) { out.append("\\") }
      out.append(c)
    }
    return out
  }
}
