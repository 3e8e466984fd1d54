import Foundation

/// What this machine allows a stdin case, printed after the targets: the
/// stdin run does its file case's work and the pipe's (`PipeFloor`: `cat`
/// writing, a plain read), so on `cores` cores its wall is at least
/// `max(file wall, (file CPU + pipe floor CPU) / cores)`. A stdin target
/// below that bound cannot be met by any reader on this machine that run.
enum PipeBound {
  static func table(_ results: [(BenchCase, Measurement, String)]) {
    let cases = results.map(\.0)
    func measured(_ c: BenchCase?) -> Measurement? { Report.measured(c, in: results) }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var rows: [String] = []
    for (c, m, _) in results where c.stdin && !c.floor {
      guard let file = measured(c.reference(in: cases)), let pipe = measured(c.pipeFloorCase(in: cases)) else { continue }
      // `cat`'s CPU is the tree's but for the reading child's own (its
      // start-up included); the read's is the loop's alone.
      let pipeCPU = pipe.cpu + max(0, pipe.treeCPU - pipe.processCPU)
      let bound = max(file.wall, (file.cpu + pipeCPU) / Double(cores))
      rows.append(String(format: "| %@ | %.3f s, %.2f s | %.3f s, %.2f s | %.3f s (%.2fx) | %.3f s (%.2fx) | %.2fx |",
        c.name, file.wall, file.cpu, pipe.wall, pipeCPU, bound, bound / file.wall, m.wall, m.wall / file.wall, m.wall / bound))
    }
    guard !rows.isEmpty else { return }
    print("")
    print("| stdin case | file case: wall, CPU | pipe floor: wall, CPU (cat + read) | bound on \(cores) cores (x file) | stdin wall (x file) | x bound |")
    print("|---|---|---|---|---|---|")
    rows.forEach { print($0) }
  }
}
