import Foundation
import KubeZone

/// The writing case: render and write one zone of N records (A, SRV and
/// PTR-like names), built in memory so only writing is measured.
enum ZoneWriteCase {
  static func run(records n: Int, out: String) throws -> Measurement {
    let origin = try DomainName("cluster.local")
    var records: [ResourceRecord] = []
    records.reserveCapacity(n)
    let svc = try origin.prepending(["web", "prod", "svc"])
    for i in 0..<n {
      let ip = IPv4Address(UInt32(0x0A40_0000) + UInt32(i))
      let owner = try svc.prepending("10-\(64 + (i >> 16))-\(i >> 8 & 255)-\(i & 255)")
      if i % 4 == 3 {
        records.append(ResourceRecord(owner: svc, ttl: 30, data: .srv(SRV(priority: 0, weight: 1, port: 8080, target: owner))))
      } else {
        records.append(ResourceRecord(owner: owner, ttl: 30, data: .a(ip)))
      }
    }
    let soa = SOA(
      mname: try origin.prepending(["ns", "dns"]), rname: try origin.prepending("hostmaster"), serial: 1,
      refresh: 7200, retry: 1800, expire: 86400, minimum: 30)
    let zone = Zone(origin: origin, ttl: 30, soa: soa, nameservers: [try origin.prepending(["ns", "dns"])], records: records)
    let writer = ZoneWriter(header: try Template(DefaultTemplates.zoneHeader, file: "zone.header"))
    let start = StageTimings.now()
    let startCPU = StageTimings.cpuNow()
    let text = try writer.text(for: zone, generator: "kubezone-bench")
    let rendered = StageTimings.now()
    let renderedCPU = StageTimings.cpuNow()
    let renderedRSS = StageTimings.peakRSS()
    try ZoneFileWriter.prepareFolder(out)
    try AtomicFileSet.commit([AtomicFileSet.File(path: out + "/" + zone.fileName, text: text)])
    let end = StageTimings.now()
    var m = Measurement()
    m.wall = end - start
    m.cpu = StageTimings.cpuNow() - startCPU
    m.inputBytes = 0
    m.records = n
    m.stages = [("render", rendered - start, renderedCPU - startCPU, renderedRSS), ("write", end - rendered, StageTimings.cpuNow() - renderedCPU, StageTimings.peakRSS())]
    m.zoneHash = ChildRun.hash([Array(text.utf8)])
    m.peakRSS = StageTimings.peakRSS()
    return m
  }
}
