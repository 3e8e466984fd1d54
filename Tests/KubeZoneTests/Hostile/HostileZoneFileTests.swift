import Foundation
import Testing
@testable import KubeZone

/// The hostile zone-file corpus (issue 15): files under
/// `Hostile/zonefiles/`, each a positioned error or a documented reading
/// (README, "Zone files from other tools"), and the ones too big to keep,
/// generated here. See `HostileZoneFileRunner` for what every case must do.
@Suite struct HostileZoneFileTests {
  static let added = "+ www.cluster.local. 30 IN A 10.0.0.1"
  static let label63 = String(repeating: "a", count: 63)

  static let cases: [HostileZoneFileCase] = [
    .init("01-include-etc-passwd.zone", .error("$INCLUDE is not supported; expand the zone first", at: "6:1")),
    .init("02-include-with-origin.zone", .error("$INCLUDE is not supported; expand the zone first", at: "6:1")),
    .init("03-generate-directive.zone", .error("$GENERATE is not supported; expand the zone first", at: "6:1")),
    .init("04-unknown-directive.zone", .error("unknown directive '$FOO'", at: "6:1")),
    .init("05-origin-outside-zone.zone", .error("www.evil.example. is outside the zone cluster.local. (the SOA's owner)", at: "7:1")),
    .init("06-absolute-owner-outside-zone.zone", .error("evil.example. is outside the zone cluster.local. (the SOA's owner)", at: "6:1")),
    .init("07-origin-root-relative-owner.zone", .error("evil. is outside the zone cluster.local. (the SOA's owner)", at: "7:1")),
    .init("08-outside-before-the-soa.zone", .error("www.evil.example. is outside the zone cluster.local. (the SOA's owner)", at: "3:1")),
    .init("09-nested-parentheses.zone", .error("nested '(' is not allowed", at: "6:16")),
    .init("10-parenthesis-never-closed.zone", .error("'(' is never closed", at: "6:15")),
    .init("11-close-parenthesis-without-open.zone", .error("')' without '('", at: "6:19")),
    .init("12-nul-in-owner.zone", .error("control character (octet 0) in a zone file; write it as \\000", at: "6:3")),
    .init("13-nul-in-txt.zone", .error("control character (octet 0) in a zone file; write it as \\000", at: "6:17")),
    .init("14-terminal-escape-in-txt.zone", .error("control character (octet 27) in a zone file; write it as \\027", at: "6:16")),
    .init("15-del-byte-in-owner.zone", .error("control character (octet 127) in a zone file; write it as \\127", at: "6:4")),
    .init("16-invalid-utf8-octets.zone", .reads([
      "+ www.cluster.local. 30 IN TXT \"caf\\233\"", "+ x\\255y.cluster.local. 30 IN A 10.0.0.1",
    ])),
    .init("17-bidi-override-in-owner.zone", .reads(["+ w\\226\\128\\174evil.cluster.local. 30 IN A 10.0.0.1"])),
    .init("18-escapes-000-to-255.zone", .reads([
      "+ \\000\\001\\255\\.\\032x.cluster.local. 30 IN A 10.0.0.1",
      "+ www.cluster.local. 30 IN TXT " + txt(0..<128) + " " + txt(128..<256),
    ])),
    .init("19-escape-256-in-owner.zone", .error("invalid escape '\\256' in 'w\\256': '\\DDD' is more than 255", at: "6:2")),
    .init("20-escape-256-in-txt.zone", .error("invalid escape '\\256' in 'ab\\256': '\\DDD' is more than 255", at: "6:18")),
    .init("21-escape-one-digit.zone", .error("invalid escape '\\1' in 'a\\1': '\\DDD' needs three digits", at: "6:16")),
    .init("22-escape-two-digits-in-owner.zone", .error("invalid escape '\\12' in 'a\\12b': '\\DDD' needs three digits", at: "6:2")),
    .init("23-backslash-at-end-of-file.zone", .error("'\\' at the end of the file escapes nothing", at: "6:16")),
    .init("24-owner-256-octets.zone", .error(
      "name '\(String(repeating: "a", count: 60))...' under cluster.local.: name is 256 octets on the wire, more than 255", at: "6:1")),
    .init("25-owner-255-octets.zone", .reads([
      "+ \(label63).\(label63).\(label63).\(String(repeating: "b", count: 47)).cluster.local. 30 IN A 10.0.0.1",
    ])),
    .init("26-label-64-octets.zone", .error(
      "invalid name '\(String(repeating: "a", count: 60))...': a label is longer than 63 octets", at: "6:1")),
    .init("27-ttl-2-to-the-31.zone", .error("TTL 2147483648 is more than 2147483647 (RFC 2181)", at: "6:5")),
    .init("28-ttl-2-to-the-32.zone", .error("TTL 4294967296 is more than 2147483647 (RFC 2181)", at: "6:5")),
    .init("29-ttl-units-past-2-to-the-31.zone", .error("TTL 2147644800 is more than 2147483647 (RFC 2181)", at: "6:5")),
    .init("30-dollar-ttl-past-2-to-the-31.zone", .error("TTL 2147483648 is more than 2147483647 (RFC 2181)", at: "2:6")),
    .init("31-ttl-2-to-the-31-minus-1.zone", .reads(["+ www.cluster.local. 2147483647 IN A 10.0.0.1"])),
    .init("32-class-chaos.zone", .error("class CH is not supported; kubezone reads class IN only", at: "6:8")),
    .init("33-class-generic-unknown.zone", .error("class CLASS65280 is not supported; kubezone reads class IN only", at: "6:8")),
    .init("34-type-generic-unknown.zone", .error("unknown or unsupported record type 'TYPE65534'; kubezone reads SOA, NS, A,", at: "6:11")),
    .init("35-type-generic-data-for-a.zone", .error("RFC 3597 generic data ('\\#') is not read; write the A record in its own format", at: "6:13")),
    .init("36-type-caa.zone", .error("unknown or unsupported record type 'CAA'; kubezone reads SOA, NS, A,", at: "6:9")),
    .init("37-type-and-class-generic-names.zone", .reads([added])),
    .init("38-crlf.zone", .reads([added])),
    .init("39-lone-cr.zone", .reads([added])),
    .init("40-relative-owner-before-any-origin.zone", .reads([added])),
    .init("41-second-soa-in-the-middle.zone", .error("a second SOA record, unlike the first (line 3); a zone has exactly one", at: "7:1")),
    .init("42-soa-after-records.zone", .reads([added])),
    .init("43-quoted-string-never-closed.zone", .error("quoted string is never closed", at: "6:15")),
    .init("44-txt-string-256-octets.zone", .error("string is more than 255 octets", at: "6:15")),
    .init("45-record-without-type.zone", .error("record has no type", at: "6:1")),
    .init("46-first-record-with-blank-owner.zone", .error("a record needs an owner: the first record cannot start with a blank", at: "3:1")),
    .init("47-serial-past-2-to-the-32.zone", .error("'4294967296' is not a 32-bit number", at: "3:28")),
    .init("48-ipv4-octet-256.zone", .error("'10.0.0.256' is not an IPv4 address", at: "6:13")),
    .init("49-empty-file.zone", .reads([
      "- cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 86400 30",
      "- cluster.local. 30 IN NS ns.dns.cluster.local.", "- ns.dns.cluster.local. 30 IN A 127.0.0.1",
    ])),
    .init("50-nul-and-control-in-a-comment.zone", .reads([])),
    .init("51-axfr-closing-soa.zone", .reads([added])),
  ]

  /// A TXT string of these octets as the writer shows it.
  static func txt(_ octets: Range<Int>) -> String {
    CharacterString(octets.map { UInt8($0) }).map(\.description) ?? ""
  }

  @Test(arguments: cases)
  func hostileZoneFile(_ c: HostileZoneFileCase) throws {
    let bytes = try #require(FileManager.default.contents(atPath: HostileZoneFileCase.folder + "/" + c.file))
    try HostileZoneFileRunner.check([UInt8](bytes), c.expected, seconds: 10)
  }

  @Test func everyCaseFileIsInTheTable() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: HostileZoneFileCase.folder).sorted()
    #expect(files == Self.cases.map(\.file))
    #expect(files.count >= 30)
  }

  /// A relative owner before any `$ORIGIN` takes the origin from a
  /// `NAME.zone` file name; `diff --zones` of other names has none.
  @Test func aRelativeOwnerInAFileNotNamedAfterItsZoneIsAnError() throws {
    let folder = TestSupport.temporaryFolder("hostile-zone")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    TestSupport.write(HostileZoneFileCase.base, to: folder + "/db.old")
    TestSupport.write("$TTL 30\nwww A 10.0.0.1\n", to: folder + "/db.cluster.local")
    let r = TestSupport.cli(["diff", "--zones", folder + "/db.old", folder + "/db.cluster.local"])
    #expect(r.code == .invalidInput)
    #expect(r.err.hasPrefix("\(folder)/db.cluster.local:2:1: error: relative name 'www' used before any $ORIGIN"), "\(r.err)")
  }
}

/// The cases too big to keep in the repository. Serialized: each holds
/// a few hundred MB while it runs.
@Suite(.serialized) struct HostileZoneFileLimitsTests {
  static let header = Array(HostileZoneFileCase.base.utf8)
  static let hundredMB = 100 << 20

  @Test func parentheses10000Deep() throws {
    let line = "www 30 IN TXT " + String(repeating: "(", count: 10_000) + "\"x\"" + String(repeating: ")", count: 10_000) + "\n"
    try HostileZoneFileRunner.check(Self.header + Array(line.utf8), .error("nested '(' is not allowed", at: "6:16"), seconds: 10)
  }

  /// One 100 MB field fails at the byte past 4,096.
  @Test func aLineOf100MBInOneField() throws {
    let bytes = Self.header + [UInt8](repeating: UInt8(ascii: "a"), count: Self.hundredMB) + Array(" 30 IN A 10.0.0.1\n".utf8)
    try HostileZoneFileRunner.check(bytes, .error("a field longer than 4096 bytes; no name, number or string is that long", at: "6:4097"), seconds: 60)
  }

  @Test func aQuotedStringOf100MB() throws {
    let bytes = Self.header + Array("www 30 IN TXT \"".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: Self.hundredMB) + Array("\"\n".utf8)
    try HostileZoneFileRunner.check(bytes, .error("a field longer than 4096 bytes", at: "6:4112"), seconds: 60)
  }

  /// 50 million one-byte fields fail at the first past what a record holds.
  @Test func aLineOf100MBInFields() throws {
    let bytes = Self.header + Array(("www 30 IN TXT" + String(repeating: " a", count: Self.hundredMB / 2) + "\n").utf8)
    let column = 13 + 2 * (ZoneFileScanner.maxTokens - 3)
    try HostileZoneFileRunner.check(bytes, .error("more than 65539 fields in one entry", at: "6:\(column)"), seconds: 60)
  }

  /// A 100 MB comment is read (and skipped) in one pass.
  @Test func aCommentOf100MB() throws {
    let bytes = Self.header + Array("; ".utf8) + [UInt8](repeating: UInt8(ascii: "c"), count: Self.hundredMB) + Array("\nwww 30 IN A 10.0.0.1\n".utf8)
    try HostileZoneFileRunner.check(bytes, .reads([HostileZoneFileTests.added]), seconds: 60)
  }

  @Test func txtDataPast65535Octets() throws {
    let string = " \"" + String(repeating: "t", count: 255) + "\""
    let line = "www 30 IN TXT" + String(repeating: string, count: 256) + "\n"
    try HostileZoneFileRunner.check(Self.header + Array(line.utf8), .error("TXT data is more than 65535 octets", at: "6:\(15 + 255 * 258)"), seconds: 10)
  }
}
