import Foundation
import KubeZoneSynth

// kubezone-synth: writes deterministic `kubectl get -A -o json|yaml` Lists.
let usage = """
  usage: kubezone-synth --kind pods|services|endpointslices|all --format json|yaml
                        [--pods N] [--services N] [--seed N] [--dual-stack]
                        [--not-ready PERCENT] --out FILE
  """

var options: [String: String] = [:]
var flags: Set<String> = []
var args = Array(CommandLine.arguments.dropFirst())
while let arg = args.first {
  args.removeFirst()
  guard arg.hasPrefix("--") else { FileHandle.standardError.write(Data((usage + "\n").utf8)); exit(2) }
  let name = String(arg.dropFirst(2))
  if name == "dual-stack" || name == "help" { flags.insert(name); continue }
  guard let value = args.first else { FileHandle.standardError.write(Data("\(arg) needs a value\n".utf8)); exit(2) }
  args.removeFirst()
  options[name] = value
}
if flags.contains("help") { print(usage); exit(0) }
guard let kind = SnapshotKind(rawValue: options["kind"] ?? ""),
  let format = SnapshotFormat(rawValue: options["format"] ?? ""),
  let out = options["out"]
else { FileHandle.standardError.write(Data((usage + "\n").utf8)); exit(2) }
let spec = SnapshotSpec(
  pods: Int(options["pods"] ?? "") ?? 30_000, services: Int(options["services"] ?? "") ?? 2_000,
  seed: UInt64(options["seed"] ?? "") ?? 1, dualStack: flags.contains("dual-stack"),
  notReadyPercent: Int(options["not-ready"] ?? "") ?? 5)
do {
  let n = try SnapshotWriter.write(kind, format, spec: spec, to: out)
  FileHandle.standardError.write(Data("kubezone-synth: wrote \(n) bytes to \(out)\n".utf8))
} catch {
  FileHandle.standardError.write(Data("kubezone-synth: \(error)\n".utf8))
  exit(1)
}
