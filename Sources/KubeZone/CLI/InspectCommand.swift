/// `kubezone inspect`: shows how kubezone reads a file, as JSON.
enum InspectCommand {
  static let spec = CommandSpec(
    name: "inspect",
    abstract: "Print each YAML or JSON document of the inputs as JSON, as kubezone reads it.",
    usage: "kubezone inspect [--format pretty|json] INPUT...",
    options: [
      OptionSpec("format", .single, value: "pretty|json", help: "pretty: indented JSON per document; json: one compact JSON document per line.", default: "pretty"),
    ],
    discussion: """
      INPUT is a file, a folder (its *.yaml, *.yml and *.json files, sorted) or -
      for standard input. Scalars are typed by the YAML 1.2 core schema: plain
      true, 42, 1.5 and null become JSON booleans, numbers and null; quoted
      scalars stay strings. Exit codes: 0 read, 2 invalid input or usage.
      """)

  static func run(_ args: ParsedArguments, console: Console) throws(KubeZoneFailure) -> ExitCode {
    guard !args.positionals.isEmpty else {
      throw .usage(UsageError("inspect needs at least one INPUT (a file, a folder, or - for stdin)", command: "inspect"))
    }
    let format = args.value("format") ?? "pretty"
    guard format == "pretty" || format == "json" else {
      throw .usage(UsageError("--format must be pretty or json, not '\(format.escapedForMessage)'", command: "inspect"))
    }
    // Read everything first: an error anywhere prints no partial output.
    var out = ""
    try KubeZoneFailure.wrap { () throws(InputError) in
      for input in try InputFiles.expand(args.positionals) {
        let (name, bytes) = try InputFiles.read(input)
        for document in try Pipeline.readDocuments(bytes, file: name) {
          out += document.jsonText(pretty: format == "pretty") + "\n"
        }
      }
    }
    console.out(out)
    return .success
  }
}
