/// One command-line option: its spelling, whether it takes a value, and
/// its help text. A command's options are a table of these, so parsing,
/// `--help`, docs/cli.md, the man page and the shell completions stay in
/// step.
public struct OptionSpec: Sendable {
  public enum Arity: Sendable {
    /// `--quiet`
    case flag
    /// `--ttl 30` or `--ttl=30`; a later one replaces an earlier one.
    case single
    /// `--reverse-zone A --reverse-zone B`, or comma-separated.
    case repeated
  }

  public var name: String
  public var short: Character?
  public var arity: Arity
  public var valueName: String
  public var help: String
  public var defaultText: String?
  /// Whether a repeatable option's value is a comma-separated list; false
  /// for values that may hold commas (templates, paths): one per flag.
  public var splitsCommas = true
  /// The option's key in a `--config` file: its long name, unless set
  /// (`--zone` is `zones:`); nil when a config file cannot set it.
  public var configKey: String?

  public init(
    _ name: String, short: Character? = nil, _ arity: Arity, value: String = "",
    help: String, default defaultText: String? = nil
  ) {
    self.name = name
    self.short = short
    self.arity = arity
    self.valueName = value
    self.help = help
    self.defaultText = defaultText
    self.configKey = name
  }

  /// The same option, one value per flag (commas kept).
  func oneValuePerFlag() -> OptionSpec {
    var o = self
    o.splitsCommas = false
    return o
  }

  /// The same option under another config-file key (nil: none).
  func configKey(_ key: String?) -> OptionSpec {
    var o = self
    o.configKey = key
    return o
  }

  /// What the option's value is, for shell completion and the man page:
  /// derived from the value name, so the table stays one line an option.
  /// `A|B` and `a,b` list the choices, `DIR` a folder, `FILE` a file.
  public var values: ValueKind {
    if arity == .flag { return .none }
    if valueName == "DIR" { return .directory }
    if valueName == "FILE" { return .file }
    for separator: Character in ["|", ","] where valueName.contains(separator) {
      let choices = valueName.split(separator: separator).map(String.init)
      if choices.allSatisfy({ $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } }) {
        return .choice(choices)
      }
    }
    return .text
  }

  /// `-q, --quiet` or `--ttl SECONDS`, as shown in help.
  var synopsis: String {
    var s = short.map { "-\($0), " } ?? "    "
    s += "--" + name
    if arity != .flag { s += " " + valueName }
    return s
  }
}

/// What a value on the command line is: shells complete it from this.
public enum ValueKind: Sendable, Equatable {
  /// A flag takes no value.
  case none
  /// Free text (a name, a number, an address): nothing to complete.
  case text
  case file
  case directory
  /// One of these words (a comma-separated list of them for a repeatable option).
  case choice([String])
  /// Manifests: files, folders, or `-` for standard input.
  case inputs
  /// The name of a kubezone command.
  case command
}

/// A subcommand: its name, one-line abstract, usage, options, discussion.
public struct CommandSpec: Sendable {
  public var name: String
  public var abstract: String
  public var usage: String
  public var options: [OptionSpec]
  public var discussion: String
  /// What its positional arguments are.
  public var arguments: ValueKind

  public init(
    name: String, abstract: String, usage: String, options: [OptionSpec], discussion: String = "",
    arguments: ValueKind = .inputs
  ) {
    self.name = name
    self.abstract = abstract
    self.usage = usage
    self.options = options + [OptionSpec("help", short: "h", .flag, help: "Show this help and exit.")]
    self.discussion = discussion
    self.arguments = arguments
  }
}
