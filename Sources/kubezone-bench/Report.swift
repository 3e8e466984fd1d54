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

  static func runChild(index: Int, data: String) -> Measurement? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    var args = CommandLine.arguments.dropFirst().filter { _ in true }
    args += ["--child", String(index), "--data", data, "--out", NSTemporaryDirectory() + "kubezone-bench-out-\(index)"]
    process.arguments = Array(args)
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { return nil }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: output, as: UTF8.self).split(separator: "\n").lazy.compactMap { Measurement(line: String($0)) }.first
  }

  static func table(_ results: [(BenchCase, Measurement, String)]) {
    print("| case | input | wall | CPU | MB/s | records | records/s | peak RSS | stages: wall/CPU s (peak RSS after, MB) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for (c, m, _) in results {
      let mb = Double(m.inputBytes) / 1e6
      let input = c.writeRecords > 0 ? "-" : String(format: "%.0f MB", mb)
      let rate = c.writeRecords > 0 ? "-" : String(format: "%.0f", mb / m.wall)
      let stages = m.stages.map { String(format: "%@ %.2f/%.2f (%.0f)", $0.name, $0.wall, $0.cpu, Double($0.peakRSS) / 1e6 / 1.048576) }.joined(separator: ", ")
      print(String(format: "| %@ | %@ | %.3f s | %.2f s | %@ | %d | %.0f | %.0f MB | %@ |",
        c.name, input, m.wall, m.cpu, rate, m.records, Double(m.records) / m.wall, Double(m.peakRSS) / 1e6 / 1.048576, stages))
    }
  }

  /// JSON and YAML of the same snapshot must give byte-identical zones.
  static func checkFormats(_ results: [(BenchCase, Measurement, String)]) {
    var failed = false
    for (c, m, _) in results where c.format == .json && c.writeRecords == 0 {
      guard let yaml = results.first(where: { $0.0.pods == c.pods && $0.0.input == c.input && $0.0.format == .yaml }) else { continue }
      let same = yaml.1.zoneHash == m.zoneHash
      print("\(same ? "ok" : "MISMATCH"): zones from \(c.name) and \(yaml.0.name) are \(same ? "byte-identical" : "different")")
      failed = failed || !same
    }
    if failed { exit(1) }
  }
}
