import Foundation
import KubeZone

/// What one case measured inside its own process.
struct Measurement: Sendable {
  var wall = 0.0
  /// CPU seconds, all threads: steadier than wall time on a busy machine.
  var cpu = 0.0
  /// CPU seconds of the whole process tree, as the parent saw it: the
  /// child and, for a pipe, the `cat` feeding it.
  var treeCPU = 0.0
  /// CPU seconds of the child since it started, start-up included.
  var processCPU = 0.0
  var inputBytes = 0
  var records = 0
  var peakRSS = 0
  var stages: [(name: String, wall: Double, cpu: Double, peakRSS: Int)] = []
  /// FNV-1a of every zone file's bytes, in order, to compare formats.
  var zoneHash: UInt64 = 0

  /// One line on stdout for the parent to read.
  var line: String {
    let s = stages.map { "\($0.name)=\($0.wall),\($0.cpu),\($0.peakRSS)" }.joined(separator: " ")
    return "RESULT wall=\(wall) cpu=\(cpu) process=\(processCPU) bytes=\(inputBytes) records=\(records) rss=\(peakRSS) hash=\(zoneHash) \(s)"
  }

  init() {}

  init?(line: String) {
    guard line.hasPrefix("RESULT ") else { return nil }
    for field in line.dropFirst(7).split(separator: " ") {
      let kv = field.split(separator: "=", maxSplits: 1).map(String.init)
      guard kv.count == 2 else { continue }
      switch kv[0] {
      case "wall": wall = Double(kv[1]) ?? 0
      case "cpu": cpu = Double(kv[1]) ?? 0
      case "process": processCPU = Double(kv[1]) ?? 0
      case "bytes": inputBytes = Int(kv[1]) ?? 0
      case "records": records = Int(kv[1]) ?? 0
      case "rss": peakRSS = Int(kv[1]) ?? 0
      case "hash": zoneHash = UInt64(kv[1]) ?? 0
      default:
        let v = kv[1].split(separator: ",").map { Double($0) ?? 0 }
        stages.append((kv[0], v.first ?? 0, v.count > 1 ? v[1] : 0, v.count > 2 ? Int(v[2]) : 0))
      }
    }
  }
}

/// Runs one case in this process: the whole `kubezone generate` work
/// through the library, zone files written to `out`.
enum ChildRun {
  static func run(_ c: BenchCase, data: String, out: String, filter: PublicationFilter = PublicationFilter()) throws -> Measurement {
    if c.writeRecords > 0 { return try ZoneWriteCase.run(records: c.writeRecords, out: out) }
    if c.floor { return c.stdin ? PipeFloor.run() : try FloorCase.run(files: c.files(in: data)) }
    let domain = try DomainName("cluster.local")
    let request = GenerateRequest(
      inputs: c.inputs(in: data), synthesis: SynthesisOptions(domain: domain),
      zones: ZoneOptions(domain: domain), filter: filter, header: try Template(DefaultTemplates.zoneHeader, file: "zone.header"))
    try? FileManager.default.removeItem(atPath: out)
    let start = StageTimings.now()
    let startCPU = StageTimings.cpuNow()
    let outcome = try Pipeline.generate(request)
    let written = StageTimings.now()
    let writtenCPU = StageTimings.cpuNow()
    // What `kubezone generate` does next: lock, compare, write atomically.
    let options = LifecycleOptions(now: 1_800_000_000)
    _ = try ZoneLifecycle.run(
      zones: outcome.zones, serviceCount: outcome.serviceCount, header: request.header, folder: out, options: options)
    let end = StageTimings.now()
    let endCPU = StageTimings.cpuNow()
    // The run a minute later: the same zones are on disk and unchanged.
    _ = try ZoneLifecycle.run(
      zones: outcome.zones, serviceCount: outcome.serviceCount, header: request.header, folder: out, options: options)
    let again = StageTimings.now()
    var m = Measurement()
    m.wall = end - start
    m.cpu = endCPU - startCPU
    m.inputBytes = outcome.timings.inputBytes
    m.records = outcome.zones.reduce(0) { $0 + $1.records.count + 1 + $1.nameservers.count }
    m.stages = outcome.timings.stages.map { ($0.name, $0.wall, $0.cpu, $0.peakRSS) }
    m.stages.append(("write", end - written, endCPU - writtenCPU, StageTimings.peakRSS()))
    m.stages.append(("rerun-write", again - end, StageTimings.cpuNow() - endCPU, StageTimings.peakRSS()))
    m.peakRSS = StageTimings.peakRSS()
    // The files as written (after the measurement, so reading them back
    // does not count toward the peak).
    m.zoneHash = hash(writtenZones(in: out))
    return m
  }

  static func hash(_ files: [[UInt8]]) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for bytes in files {
      for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    }
    return h
  }

  /// The bytes of every zone file in `folder`, by file name.
  static func writtenZones(in folder: String) -> [[UInt8]] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".zone") }.sorted()
    return names.map { [UInt8](FileManager.default.contents(atPath: folder + "/" + $0) ?? Data()) }
  }
}
