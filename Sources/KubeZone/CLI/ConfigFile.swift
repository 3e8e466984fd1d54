import Foundation

/// `--config FILE`: a YAML mapping that sets options by their long names,
/// under the options given on the command line.
///
///     domain: cluster.local
///     out: /var/lib/kubezone/zones
///     reverse-zone: [10.96.0.0/12, 10.244.0.0/16]
///     pod-records: true
///     inputs: [/var/lib/kubezone/snapshot]
///
/// A flag takes `true` or `false`; a repeatable option a list or a
/// comma-separated string; `inputs` the INPUT arguments (used when the
/// command line names none). An unknown key, or a value of the wrong
/// shape, is an error at its position. Relative paths are relative to the
/// working directory, as on the command line.
enum ConfigFile {
  static let inputsKey = "inputs"

  /// `args` with the config file's settings added beneath it; `args` itself
  /// when it names no `--config`. Keys in `ignoring` are accepted and
  /// skipped, so `diff` can read the file written for `generate`.
  static func apply(_ args: ParsedArguments, spec: CommandSpec, ignoring: Set<String> = []) throws(KubeZoneFailure) -> ParsedArguments {
    guard let path = args.value("config") else { return args }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .usage(UsageError("--config: cannot read \(path)", command: spec.name))
    }
    let documents: [Node]
    do {
      documents = try ManifestReader.documents([UInt8](data), file: path)
    } catch {
      throw .input(InputError(error.message, at: error.location))
    }
    return try merge(documents, file: path, into: args, spec: spec, ignoring: ignoring)
  }

  /// Merges parsed config documents (at most one mapping) beneath `args`.
  static func merge(
    _ documents: [Node], file: String, into args: ParsedArguments, spec: CommandSpec, ignoring: Set<String> = []
  ) throws(KubeZoneFailure) -> ParsedArguments {
    var result = args
    guard let document = documents.first else { return result }
    if documents.count > 1 {
      throw fail("a config file holds one YAML document, not \(documents.count)", documents[1].location)
    }
    if document.isNull { return result }
    guard let pairs = document.mapping else {
      throw fail("a config file is a mapping of option names to values", document.location)
    }
    let settable = spec.options.filter { $0.name != "help" && $0.name != "config" }
    var seen: Set<String> = []
    for pair in pairs {
      guard let key = pair.key.scalar?.text else { throw fail("keys are option names", pair.key.location) }
      guard seen.insert(key).inserted else { throw fail("'\(key)' is set twice", pair.key.location) }
      if key == inputsKey {
        let values = try strings(pair.value, key: key)
        if result.positionals.isEmpty { result.positionals = values }
        continue
      }
      guard let option = settable.first(where: { $0.configKey == key }) else {
        if ignoring.contains(key) { continue }
        throw fail("unknown key '\(key)'" + suggestion(key, settable.compactMap(\.configKey) + [inputsKey]), pair.key.location)
      }
      let name = option.name
      switch option.arity {
      case .flag:
        guard let text = pair.value.scalar?.text, pair.value.scalar?.style == .plain,
          let value = ["true": true, "false": false, "True": true, "False": false, "TRUE": true, "FALSE": false][text]
        else {
          throw fail("'\(key)' is a flag: use true or false", pair.value.location)
        }
        if value { result.flags.insert(name) }
      case .single:
        guard let text = pair.value.scalar?.text, !pair.value.isNull else {
          throw fail("'\(key)' takes one value (\(option.valueName))", pair.value.location)
        }
        if result.values[name] == nil { result.values[name] = [text] }
      case .repeated:
        var values = try strings(pair.value, key: key)
        if option.splitsCommas { values = values.flatMap { $0.split(separator: ",").map(String.init) } }
        if result.values[name] == nil { result.values[name] = values }
      }
    }
    return result
  }

  private static func strings(_ node: Node, key: String) throws(KubeZoneFailure) -> [String] {
    if let items = node.sequence {
      var out: [String] = []
      for item in items {
        guard let text = item.scalar?.text, !item.isNull else {
          throw fail("'\(key)' takes a list of values", item.location)
        }
        out.append(text)
      }
      return out
    }
    guard let text = node.scalar?.text, !node.isNull else {
      throw fail("'\(key)' takes a value or a list of values", node.location)
    }
    return [text]
  }

  private static func suggestion(_ key: String, _ names: [String]) -> String {
    let best = names.min { ArgumentParser.editDistance($0, key) < ArgumentParser.editDistance($1, key) }
    guard let best, ArgumentParser.editDistance(best, key) <= max(2, key.count / 3) else { return "" }
    return "; did you mean '\(best)'?"
  }

  private static func fail(_ message: String, _ location: SourceLocation) -> KubeZoneFailure {
    .input(InputError("config: " + message, at: location))
  }
}
