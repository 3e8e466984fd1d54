/// Parses a subcommand's arguments against its option table.
///
/// Accepts `--name value`, `--name=value`, `-x value`, bundled short flags
/// are not supported (kubezone has few), and `--` ends the options. An
/// unknown option suggests the closest known one.
public struct ParsedArguments: Sendable {
  public var values: [String: [String]] = [:]
  public var flags: Set<String> = []
  public var positionals: [String] = []

  public func flag(_ name: String) -> Bool { flags.contains(name) }
  public func value(_ name: String) -> String? { values[name]?.last }
  public func all(_ name: String) -> [String] { values[name] ?? [] }
}

/// A mistake in how kubezone was called; exit code 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var command: String?
  /// A column of `message` (0-based, in characters) to mark with a caret
  /// on the next line: the first wrong character of a value quoted in it.
  public var caret: Int?

  public init(_ message: String, command: String? = nil, caret: Int? = nil) {
    self.message = message
    self.command = command
    self.caret = caret
  }

  static let prefix = "kubezone: error: "

  /// `kubezone: error: message`, and the caret line when there is one.
  public var description: String {
    guard let caret else { return Self.prefix + message }
    return Self.prefix + message + "\n" + String(repeating: " ", count: Self.prefix.count + caret) + "^"
  }
}

enum ArgumentParser {
  static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
    var result = ParsedArguments()
    var i = 0
    var optionsEnded = false
    while i < arguments.count {
      let arg = arguments[i]
      i += 1
      if optionsEnded || arg == "-" || !arg.hasPrefix("-") {
        result.positionals.append(arg)
        continue
      }
      if arg == "--" {
        optionsEnded = true
        continue
      }
      var name: String
      var inline: String?
      if arg.hasPrefix("--") {
        let body = arg.dropFirst(2)
        if let eq = body.firstIndex(of: "=") {
          name = String(body[..<eq])
          inline = String(body[body.index(after: eq)...])
        } else {
          name = String(body)
        }
      } else {
        guard arg.count == 2, let c = arg.last,
          let option = spec.options.first(where: { $0.short == c })
        else {
          throw UsageError("unknown option '\(arg)'", command: spec.name)
        }
        name = option.name
      }
      guard let option = spec.options.first(where: { $0.name == name }) else {
        throw UsageError("unknown option '--\(name)'" + suggestion(name, spec), command: spec.name)
      }
      switch option.arity {
      case .flag:
        if inline != nil { throw UsageError("option '--\(name)' takes no value", command: spec.name) }
        result.flags.insert(name)
      case .single, .repeated:
        let value: String
        if let inline {
          value = inline
        } else {
          guard i < arguments.count else {
            throw UsageError("option '--\(name)' needs a value (\(option.valueName))", command: spec.name)
          }
          value = arguments[i]
          i += 1
        }
        if option.arity == .single {
          result.values[name] = [value]
        } else {
          result.values[name, default: []] += option.splitsCommas ? value.split(separator: ",").map(String.init) : [value]
        }
      }
    }
    return result
  }

  private static func suggestion(_ name: String, _ spec: CommandSpec) -> String {
    let best = spec.options.map { ($0.name, editDistance($0.name, name)) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= max(2, name.count / 3) else { return "" }
    return "; did you mean '--\(best.0)'?"
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
    var row = Array(0...y.count)
    for i in 1...x.count {
      var diagonal = row[0]
      row[0] = i
      for j in 1...y.count {
        let above = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1))
        diagonal = above
      }
    }
    return row[y.count]
  }
}
