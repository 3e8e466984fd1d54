/// One command-line option: its spelling, whether it takes a value, and
/// its help text. A command's options are a table of these, so parsing,
/// `--help` and the README stay in step.
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
  }

  /// `-q, --quiet` or `--ttl SECONDS`, as shown in help.
  var synopsis: String {
    var s = short.map { "-\($0), " } ?? "    "
    s += "--" + name
    if arity != .flag { s += " " + valueName }
    return s
  }
}

/// A subcommand: its name, one-line abstract, usage, options, discussion.
public struct CommandSpec: Sendable {
  public var name: String
  public var abstract: String
  public var usage: String
  public var options: [OptionSpec]
  public var discussion: String

  public init(name: String, abstract: String, usage: String, options: [OptionSpec], discussion: String = "") {
    self.name = name
    self.abstract = abstract
    self.usage = usage
    self.options = options + [OptionSpec("help", short: "h", .flag, help: "Show this help and exit.")]
    self.discussion = discussion
  }
}
