import Foundation

/// The kubezone(1) man page in man(7) roff, made from the command tables.
/// Written to pass `mandoc -Tlint` without a message: one sentence a
/// line, hyphens in options as `\-`, no line starting with a control
/// character.
enum ManPage {
  static func text(commands: [CommandSpec]) -> String {
    var out = """
      .\\" kubezone(1), made by 'kubezone help --man' from the same option tables
      .\\" as --help; edit those, not this page.
      .TH KUBEZONE 1 \(CommandLine.kubezoneVersionDate) "kubezone \(CommandLine.kubezoneVersion)" "User Commands"
      .nh
      .ad l
      .SH NAME
      kubezone \\- write DNS zone files for Kubernetes objects
      .SH SYNOPSIS
      .B kubezone
      .I command
      .RI [ options ]
      .RI [ input ...]
      .SH DESCRIPTION

      """
    out += prose(Description.text)
    out += ".SH COMMANDS\n"
    for command in commands {
      out += ".SS " + escape("kubezone " + command.name) + "\n"
      out += ".nf\n" + command.usage.split(separator: "\n").map { escape(String($0).trimmingCharacters(in: .whitespaces)) + "\n" }.joined() + ".fi\n"
      out += ".PP\n" + prose(command.abstract)
      for paragraph in ReferenceText.paragraphs(command.discussion) {
        out += ".PP\n" + prose(paragraph)
      }
      for option in command.options {
        out += ".TP\n" + synopsis(option) + "\n" + prose(help(option))
      }
    }
    out += ".SH OPTIONS\n"
    for option in Commands.topLevelOptions {
      out += ".TP\n" + synopsis(option) + "\n" + prose(option.help)
    }
    out += ".SH EXIT STATUS\n"
    for (code, meaning) in Commands.exitCodes {
      out += ".TP\n.B \(code.rawValue)\n" + prose(meaning)
    }
    out += """
      .SH ENVIRONMENT
      .TP
      .B SOURCE_DATE_EPOCH
      Seconds since 1970 to use as the current time for new serials,
      for reproducible runs.
      .SH FILES
      .TP
      .I out/<zone>.zone
      The zone files generate writes, one per zone, in the folder given by
      .BR \\-\\-out .
      .TP
      .I out/.kubezone.lock
      The lock that keeps two runs from writing the same folder at once.
      .SH EXAMPLES
      Write the zones for a snapshot of the cluster:
      .PP
      .RS
      .nf
      kubectl get services,endpointslices,pods \\-A \\-o yaml > snapshot.yaml
      kubezone generate \\-\\-out /var/lib/kubezone snapshot.yaml
      .fi
      .RE
      .PP
      Show what the next run would change, record by record:
      .PP
      .RS
      .nf
      kubezone diff \\-\\-out /var/lib/kubezone snapshot.yaml
      .fi
      .RE
      .SH SEE ALSO
      .BR named (8),
      .BR named\\-checkzone (1),
      .BR nsd (8),
      .BR kubectl (1)

      """
    return out
  }

  private static func help(_ option: OptionSpec) -> String {
    option.defaultText.map { option.help + " Default: " + $0 + "." } ?? option.help
  }

  /// `\fB\-o\fR, \fB\-\-out\fR \fIDIR\fR`
  private static func synopsis(_ option: OptionSpec) -> String {
    var names = BashCompletion.spellings(option).map { "\\fB" + escape($0) + "\\fR" }.joined(separator: ", ")
    if let value = ReferenceText.valueText(option) { names += " \\fI" + escape(value) + "\\fR" }
    return names
  }

  /// Running text: each sentence on a new line, escaped, wrapped at 80 bytes.
  private static func prose(_ text: String) -> String {
    var out = ""
    for sentence in ReferenceText.sentences(text) {
      var line = ""
      for word in escape(sentence).split(separator: " ") {
        if !line.isEmpty && line.utf8.count + 1 + word.utf8.count > 80 {
          out += guarded(line) + "\n"
          line = ""
        }
        line += (line.isEmpty ? "" : " ") + word
      }
      if !line.isEmpty { out += guarded(line) + "\n" }
    }
    return out
  }

  /// A text line that starts with `.` or `'` would be read as a request.
  private static func guarded(_ line: String) -> String {
    line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : line
  }

  /// Escapes roff's backslash, keeps a leading `.` or `'` from being read
  /// as a request, and marks hyphens in options as minus signs.
  static func escape(_ text: String) -> String {
    var out = ""
    var inOption = false
    var previous: Character = " "
    for c in text {
      // Every hyphen of an option (`--serial-scheme`) is a minus sign, so
      // the formatter neither breaks nor hyphenates the line there.
      if c == "-" && (previous == " " || previous == "(" || previous == "'" || previous == ",") { inOption = true }
      if c == " " { inOption = false }
      switch c {
      case "\\": out += "\\e"
      case "-" where inOption: out += "\\-"
      default: out.append(c)
      }
      previous = c
    }
    return guarded(out)
  }

  /// What the DESCRIPTION section says.
  enum Description {
    static let text = """
      kubezone reads Kubernetes objects (manifests and kubectl get -o yaml or -o json snapshots: single objects, Lists and multi-document YAML, from files, folders or standard input) and writes the DNS records cluster DNS would serve for them as RFC 1035 zone files, forward and reverse, for DNS servers outside the cluster such as BIND, CoreDNS, Knot, NSD and PowerDNS. The records follow CoreDNS's kubernetes plugin (or, with --profile spec, the Kubernetes DNS specification). Zone files are byte-stable for review diffs, written atomically under a lock, and guarded against a sudden shrink, so a cron job can run kubezone every minute.
      """
  }
}
