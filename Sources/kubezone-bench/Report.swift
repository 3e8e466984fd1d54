import Foundation

/// Running children and printing what they measured.
enum Report {
  static func note(_ s: String) { FileHandle.standardError.write(Data("kubezone-bench: \(s)\n".utf8)) }

  static func fail(_ s: String) -> Never {
    note(s)
    exit(1)
  }

  /// The 1-minute load average, to judge how noisy a number is.
  static func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
    return String(text.split(separator: " ").first ?? "?")
  }

  static func runChild(index: Int, data: String, stdin file: String? = nil) -> Measurement? {
    let before = childrenCPU()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    var args = CommandLine.arguments.dropFirst().filter { _ in true }
    args += ["--child", String(index), "--data", data, "--out", NSTemporaryDirectory() + "kubezone-bench-out-\(index)"]
    process.arguments = Array(args)
    let pipe = Pipe()
    process.standardOutput = pipe
    // A real pipe, as from kubectl: `cat FILE | child`, never a redirected
    // regular file (which kubezone would map in place).
    var feeder: Process?
    if let file {
      let cat = Process()
      cat.executableURL = URL(fileURLWithPath: "/bin/cat")
      cat.arguments = [file]
      let input = Pipe()
      cat.standardOutput = input
      process.standardInput = input
      do { try cat.run() } catch { return nil }
      feeder = cat
    }
    do { try process.run() } catch { return nil }
    if let input = process.standardInput as? Pipe {
      // Only the two children may hold the pipe, or the reader never sees its end.
      try? input.fileHandleForWriting.close()
      try? input.fileHandleForReading.close()
    }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    feeder?.waitUntilExit()
    guard process.terminationStatus == 0, feeder?.terminationStatus ?? 0 == 0 else { return nil }
    var m = String(decoding: output, as: UTF8.self).split(separator: "\n").lazy.compactMap { Measurement(line: String($0)) }.first
    m?.treeCPU = childrenCPU() - before
    return m
  }

  /// User and system seconds of every child waited for so far.
  static func childrenCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// What case `c` measured in this run, if it ran.
  static func measured(_ c: BenchCase?, in results: [(BenchCase, Measurement, String)]) -> Measurement? {
    c.flatMap { c in results.first { $0.0.name == c.name }?.1 }
  }

  static func table(_ results: [(BenchCase, Measurement, String)]) {
    print("| case | input | wall | CPU | x floor: wall, CPU | MB/s | records | records/s | peak RSS | vs reference: wall, RSS | stages: wall/CPU s (peak RSS after, MB) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    let cases = results.map(\.0)
    func measured(_ c: BenchCase?) -> Measurement? { Report.measured(c, in: results) }
    for (c, m, _) in results {
      let mb = Double(m.inputBytes) / 1e6
      let input = c.writeRecords > 0 ? "-" : String(format: "%.0f MB", mb)
      let rate = c.writeRecords > 0 ? "-" : String(format: "%.0f", mb / m.wall)
      var versus = "-"
      if let r = c.reference(in: cases), let rm = measured(r) {
        versus = String(format: "%.2fx, %.2fx (%@)", m.wall / rm.wall, Double(m.peakRSS) / Double(rm.peakRSS), r.name)
      }
      var floor = c.floor ? "1.00x, 1.00x" : "-"
      if let fm = measured(c.floorCase(in: cases)) {
        floor = String(format: "%.2fx, %.2fx", m.wall / fm.wall, m.cpu / fm.cpu)
      }
      let records = c.floor ? "-" : String(m.records)
      let perSecond = c.floor ? "-" : String(format: "%.0f", Double(m.records) / m.wall)
      let stages = m.stages.map { String(format: "%@ %.2f/%.2f (%.0f)", $0.name, $0.wall, $0.cpu, Double($0.peakRSS) / 1e6 / 1.048576) }.joined(separator: ", ")
      print(String(format: "| %@ | %@ | %.3f s | %.2f s | %@ | %@ | %@ | %@ | %.0f MB | %@ | %@ |",
        c.name, input, m.wall, m.cpu, floor, rate, records, perSecond, Double(m.peakRSS) / 1e6 / 1.048576, versus, stages))
    }
  }

  /// Every case of one snapshot (JSON or YAML, files, one List or a pipe)
  /// must give byte-identical zones.
  static func checkIdentical(_ results: [(BenchCase, Measurement, String)]) {
    var failed = false
    var first: [String: (BenchCase, Measurement)] = [:]
    for (c, m, _) in results where c.writeRecords == 0 && !c.floor {
      guard let (f, fm) = first[c.snapshot] else {
        first[c.snapshot] = (c, m)
        continue
      }
      let same = fm.zoneHash == m.zoneHash
      print("\(same ? "ok" : "MISMATCH"): zones from \(f.name) and \(c.name) are \(same ? "byte-identical" : "different")")
      failed = failed || !same
    }
    if failed { exit(1) }
  }
}
