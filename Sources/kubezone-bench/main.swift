import Foundation
import KubeZone

// kubezone-bench: generates synthetic snapshots once, runs each case in a
// child process (so peak RSS is per case), and prints a Markdown table:
// each case also as a multiple of its floor (a plain byte loop over the
// same bytes, `FloorCase`), then issue 13's targets against the run, and
// what two cores allow a pipe (`PipeFloor`, `PipeBound`).
//
//   swift run -c release kubezone-bench [--data DIR] [--scales 30000,150000]
//       [--runs N] [--no-slices] [--write-records N] [--only TEXT[,TEXT...]] [--prepare-only]
//       [filters: --namespaces A,B --exclude-namespaces A,B --selector SEL
//        --namespace-selector SEL --no-endpoints --ignore-empty-services]

var options: [String: String] = [:]
var flags: Set<String> = []
var args = Array(CommandLine.arguments.dropFirst())
while let arg = args.first {
  args.removeFirst()
  let name = String(arg.drop { $0 == "-" })
  if ["no-slices", "help", "prepare-only"].contains(name) || BenchFilter.flags.contains(name) { flags.insert(name); continue }
  guard let value = args.first else { Report.fail("\(arg) needs a value") }
  args.removeFirst()
  options[name] = value
}
if flags.contains("help") {
  print("usage: kubezone-bench [--data DIR (default .build/bench-data)] [--scales 30000,150000] [--runs N] [--no-slices] [--write-records N] [--only TEXT[,TEXT...] (cases whose name contains one; their floors run too)] [--prepare-only] [generate's filter options]")
  exit(0)
}
// Inside the package's build folder (ignored by git), so a checkout needs nothing beside it.
let data = options["data"] ?? ".build/bench-data"
let scales = (options["scales"] ?? "30000,150000").split(separator: ",").compactMap { Int($0) }
let filter = BenchFilter.from(options, flags: flags)
let cases = BenchCase.all(scales: scales, slices: !flags.contains("no-slices"), writeRecords: Int(options["write-records"] ?? "") ?? 1_000_000)

if let index = options["child"].flatMap(Int.init) {
  // Child: run one case, print one RESULT line, in a process set up as
  // `kubezone` sets up its own.
  AllocatorTuning.apply()
  let out = options["out"] ?? NSTemporaryDirectory() + "kubezone-bench-out"
  do {
    print(try ChildRun.run(cases[index], data: data, out: out, filter: filter).line)
  } catch {
    FileHandle.standardError.write(Data("kubezone-bench: \(error)\n".utf8))
    exit(1)
  }
  exit(0)
}

let runs = max(1, Int(options["runs"] ?? "") ?? 3)
let only = options["only"]
// `--only` takes one or more comma-separated parts of case names; the
// floor of every selected case runs too.
let parts = only.map { $0.split(separator: ",").map(String.init) }
let chosen = cases.indices.filter { i in parts.map { $0.contains { cases[i].name.contains($0) } } ?? true }
let floors = Set(chosen.flatMap { i in
  [cases[i].floorCase(in: cases), cases[i].pipeFloorCase(in: cases)].compactMap { f in f.flatMap { f in cases.firstIndex { $0.name == f.name } } }
})
let selected = cases.indices.filter { chosen.contains($0) || floors.contains($0) }
// Only the files the selected cases read (the 150k files take minutes).
let needed = Set(selected.flatMap { cases[$0].files(in: data) })
for pods in Set(selected.map { cases[$0].pods }).filter({ $0 > 0 }).sorted() {
  do { try BenchData.prepare(data, pods: pods, needed: needed) { Report.note($0) } } catch { Report.fail("\(error)") }
}
if flags.contains("prepare-only") { exit(0) }
if !filter.isEmpty { Report.note("filtered: \(filter)") }
// Round by round, every case once a round: this VM's speed drifts over
// minutes, and a case compared with another (stdin with its file case, a
// case with its floor) should meet the same drift.
var measured: [Int: [Measurement]] = [:]
var loads: [Int: [String]] = [:]
for _ in 0..<runs {
  for i in selected {
    let c = cases[i]
    loads[i, default: []].append(Report.loadAverage())
    guard let m = Report.runChild(index: i, data: data, stdin: c.stdin ? c.files(in: data).first : nil) else { Report.fail("case \(c.name) failed") }
    measured[i, default: []].append(m)
  }
}
var results: [(BenchCase, Measurement, String)] = []
for i in selected {
  let walls = (measured[i] ?? []).sorted { $0.wall < $1.wall }
  guard let best = walls.first else { continue }
  let median = walls[walls.count / 2].wall
  let load = loads[i] ?? []
  Report.note(String(format: "%@: %.3f s best of %d, median %.3f s (load %@)", cases[i].name, best.wall, runs, median, load.joined(separator: ", ")))
  results.append((cases[i], best, load.joined(separator: " / ")))
}
Report.table(results)
Targets.table(results)
PipeBound.table(results)
print("")
Report.checkIdentical(results)
