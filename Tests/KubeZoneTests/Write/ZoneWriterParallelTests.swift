import Testing
@testable import KubeZone

/// A large zone's lines are rendered on all cores, in windows of runs;
/// the bytes must be those of one pass, whatever the cores and runs.
@Suite struct ZoneWriterParallelTests {
  static func records(_ count: Int) throws -> (origin: DomainName, records: [ResourceRecord]) {
    let origin = try DomainName("cluster.local")
    var records: [ResourceRecord] = []
    for i in 0..<count {
      let owner = try origin.prepending(["p\(i)", "ns\(i % 7)", "svc"])
      switch i % 4 {
      case 0: records.append(ResourceRecord(owner: owner, ttl: 30, data: .a(IPv4Address(UInt32(i)))))
      case 1: records.append(ResourceRecord(owner: owner, ttl: 5, data: .cname(try DomainName("t\(i).example.com"))))
      case 2: records.append(ResourceRecord(owner: origin, ttl: 300, data: .ptr(owner)))
      default: records.append(ResourceRecord(owner: owner, ttl: 123_456, data: .a(IPv4Address(UInt32(i) << 8))))
      }
    }
    return (origin, records)
  }

  static func render(_ records: [ResourceRecord], origin: DomainName, cores: Int, run: Int) -> [UInt8] {
    var out = ZoneLineBuffer(capacity: 16)
    out.append("; header\n")
    ZoneWriter.append(records, origin: origin, to: &out, cores: cores, run: run)
    return out.bytes
  }

  @Test(arguments: [0, 1, 5, 6, 7, 40, 97, 1000])
  func anyCoresAndRunsGiveTheBytesOfOnePass(count: Int) throws {
    let (origin, records) = try Self.records(count)
    var serial = ZoneLineBuffer(capacity: 16)
    serial.append("; header\n")
    for record in records { ZoneWriter.append(record, origin: origin, to: &serial) }
    for cores in [1, 2, 3, 8] {
      for run in [1, 2, 3, 16, 4096] {
        let got = Self.render(records, origin: origin, cores: cores, run: run)
        #expect(got == serial.bytes, "\(count) records, \(cores) cores, runs of \(run)")
      }
    }
    #expect(serial.bytes.filter { $0 == 0x0A }.count == count + 1)
  }
}
