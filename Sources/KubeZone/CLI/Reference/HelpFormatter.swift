/// Writes `--help` text from a command's option table.
enum HelpFormatter {
  static func help(for spec: CommandSpec) -> String {
    var out = "OVERVIEW: \(spec.abstract)\n\nUSAGE: \(spec.usage)\n"
    if !spec.discussion.isEmpty { out += "\n" + spec.discussion + "\n" }
    out += "\nOPTIONS:\n"
    let width = min(34, (spec.options.map { $0.synopsis.count }.max() ?? 0) + 2)
    for option in spec.options {
      let left = "  " + option.synopsis
      var help = option.help
      if let d = option.defaultText { help += " (default: \(d))" }
      let lines = wrap(help, width: 78 - width - 2)
      if left.count >= width + 2 {
        out += left + "\n"
        for line in lines { out += String(repeating: " ", count: width + 2) + line + "\n" }
      } else {
        for (i, line) in lines.enumerated() {
          let lead = i == 0 ? left + String(repeating: " ", count: width + 2 - left.count) : String(repeating: " ", count: width + 2)
          out += lead + line + "\n"
        }
      }
    }
    return out
  }

  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
