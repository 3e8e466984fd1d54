import Testing
@testable import KubeZone

@Suite struct ZoneFileReaderTests {
  func read(_ text: String, origin: String? = nil) throws -> ZoneFileContents {
    try ZoneFileReader.read(Array(text.utf8), file: "t.zone", origin: origin.map { try DomainName($0) })
  }

  func name(_ s: String) throws -> DomainName { try DomainName(s) }

  @Test func readsTheGeneralSyntax() throws {
    let zone = try read("""
      ; a comment
      $ORIGIN example.org.
      $TTL 1h
      @   IN  SOA ns1 hostmaster.example.org. (
                  2024010101 ; serial
                  2h 30m 1w 60 )
          IN  NS  ns1
      ns1 300 A 192.0.2.1
          AAAA 2001:db8::1
      www IN 60 CNAME @
      txt TXT "hello world" unquoted "with \\"quote\\" and \\059 semicolon" "\\\\"
      _http._tcp SRV 10 5 80 www
      a\\.b  A 192.0.2.2
      $ORIGIN sub
      x   A 192.0.2.3
      abs.example.org. A 192.0.2.4
      1.2.0.192.example.org. PTR ns1.example.org.

      """)
    #expect(zone.origin == (try name("example.org")))
    #expect(zone.records.count == 11)
    #expect(zone.soa == SOA(
      mname: try name("ns1.example.org"), rname: try name("hostmaster.example.org"), serial: 2_024_010_101,
      refresh: 7200, retry: 1800, expire: 604_800, minimum: 60))
    #expect(zone.records[0].ttl == 3600)
    #expect(zone.records[1] == ResourceRecord(owner: try name("example.org"), ttl: 3600, data: .ns(try name("ns1.example.org"))))
    #expect(zone.records[2].ttl == 300)
    #expect(zone.records[3].owner == (try name("ns1.example.org")))
    #expect(zone.records[3].ttl == 3600)  // $TTL, not the previous record's
    #expect(zone.records[4] == ResourceRecord(owner: try name("www.example.org"), ttl: 60, data: .cname(try name("example.org"))))
    let strings = ["hello world", "unquoted", "with \"quote\" and ; semicolon", "\\"].compactMap { CharacterString($0) }
    #expect(zone.records[5].data == .txt(strings))
    #expect(zone.records[6].data == .srv(SRV(priority: 10, weight: 5, port: 80, target: try name("www.example.org"))))
    #expect(zone.records[7].owner.labels.first == Array("a.b".utf8))
    #expect(zone.records[8].owner == (try name("x.sub.example.org")))
    #expect(zone.records[9].owner == (try name("abs.example.org")))
    #expect(zone.records[10].type == .ptr)
  }

  @Test func readsItsOwnOutputBack() throws {
    let origin = try name("cluster.local")
    let records = [
      ResourceRecord(owner: try name("web.default.svc.cluster.local"), ttl: 30, data: .a(IPv4Address(0x0A60_0001))),
      ResourceRecord(owner: try name("_http._tcp.web.default.svc.cluster.local"), ttl: 30,
        data: .srv(SRV(priority: 0, weight: 100, port: 80, target: try name("web.default.svc.cluster.local")))),
      ResourceRecord(owner: try DomainName(labels: [Array("odd name;(x)".utf8), Array("cluster".utf8), Array("local".utf8)]), ttl: 30,
        data: .txt([CharacterString([UInt8]([0, 34, 92, 200, 65]))!])),
    ]
    let zone = Zone(
      origin: origin, ttl: 30,
      soa: SOA(mname: try name("ns.dns.cluster.local"), rname: try name("hostmaster.cluster.local"), serial: 7,
        refresh: 7200, retry: 1800, expire: 86400, minimum: 30),
      nameservers: [try name("ns.dns.cluster.local")], records: records)
    let text = try ZoneWriter(header: Template(DefaultTemplates.zoneHeader, file: "zone.header")).text(for: zone, generator: "kubezone")
    let back = try read(text)
    #expect(back.origin == origin)
    #expect(Set(back.records) == Set(zone.allRecords))
  }

  @Test func ownerAndTTLCarryOverAndOriginComesFromTheCaller() throws {
    let zone = try read("""
      @ 10 IN SOA ns hm 1 2 3 4 5
      w A 10.0.0.1
        A 10.0.0.2
      """, origin: "example.")
    #expect(zone.records.map(\.owner) == [try name("example"), try name("w.example"), try name("w.example")])
    #expect(zone.records.map(\.ttl) == [10, 10, 10])
  }

  @Test(arguments: [
    ("$ORIGIN x.\n@ 1 IN CAA 0 issue ca.example\n", "t.zone:2:8: error: unknown or unsupported record type 'CAA'; kubezone reads SOA, NS, A, AAAA, CNAME, PTR, SRV, TXT, MX"),
    ("$ORIGIN x.\n@ 1 CH A 1.2.3.4\n", "t.zone:2:5: error: class CH is not supported; kubezone reads class IN only"),
    ("$ORIGIN x.\nw 1 A 1.2.3\n", "t.zone:2:7: error: '1.2.3' is not an IPv4 address"),
    ("$ORIGIN x.\nw 1 A 1.2.3.4 5\n", "t.zone:2:15: error: unexpected '5' after the A data"),
    ("w 1 A 1.2.3.4\n", "t.zone:1:1: error: relative name 'w' used before any $ORIGIN"),
    ("$ORIGIN x.\nw A 1.2.3.4\n", "t.zone:2:3: error: record has no TTL and no $TTL came before it"),
    ("$ORIGIN x.\n@ 1 SOA ( ns hm 1 2 3 4 5\n", "t.zone:2:9: error: '(' is never closed"),
    ("$ORIGIN x.\nt 1 TXT \"open\n", "t.zone:2:9: error: quoted string is never closed"),
    ("$INCLUDE other.zone\n", "t.zone:1:1: error: $INCLUDE is not supported; expand the zone first (named-compilezone -o - ZONE FILE)"),
    ("$ORIGIN x.\n  1 A 1.2.3.4\n", "t.zone:2:1: error: a record needs an owner: the first record cannot start with a blank"),
    ("$ORIGIN x.\nw 1 SRV 1 2 70000 t\n", "t.zone:2:13: error: '70000' is not a number from 0 to 65535"),
    ("$ORIGIN x.\nw 1 TXT \"\\300\"\n", "t.zone:2:10: error: invalid escape '\\300' in '\\300': '\\DDD' is more than 255"),
    ("$ORIGIN x.\nw 1 TXT a\\1\n", "t.zone:2:10: error: invalid escape '\\1' in 'a\\1': '\\DDD' needs three digits"),
    ("$ORIGIN x.\nw\\256 1 A 1.2.3.4\n", "t.zone:2:2: error: invalid escape '\\256' in 'w\\256': '\\DDD' is more than 255"),
    ("$ORIGIN x.\nw 2147483648 A 1.2.3.4\n", "t.zone:2:3: error: TTL 2147483648 is more than 2147483647 (RFC 2181)"),
    ("$ORIGIN x.\nw 99999999999 A 1.2.3.4\n", "t.zone:2:3: error: TTL 99999999999 is more than 2147483647 (RFC 2181)"),
    ("$ORIGIN x.\nw 3551w A 1.2.3.4\n", "t.zone:2:3: error: TTL 2147644800 is more than 2147483647 (RFC 2181)"),
    ("$TTL 3000000000\n", "t.zone:1:6: error: TTL 3000000000 is more than 2147483647 (RFC 2181)"),
    ("$ORIGIN x.\nw 1x A 1.2.3.4\n", "t.zone:2:3: error: '1x' is not a TTL"),
    ("$ORIGIN x.\nw 1 TYPE65534 \\# 3 abcdef\n", "t.zone:2:5: error: unknown or unsupported record type 'TYPE65534'; kubezone reads SOA, NS, A, AAAA, CNAME, PTR, SRV, TXT, MX"),
    ("$ORIGIN x.\nw 1 A \\# 4 0a000001\n", "t.zone:2:7: error: RFC 3597 generic data ('\\#') is not read; write the A record in its own format"),
    ("$ORIGIN x.\nw 1 CLASS3 A 1.2.3.4\n", "t.zone:2:5: error: class CH is not supported; kubezone reads class IN only"),
    ("$ORIGIN x.\nw 1 CLASS255 A 1.2.3.4\n", "t.zone:2:5: error: class CLASS255 is not supported; kubezone reads class IN only"),
    ("$ORIGIN x.\nw\u{0}x 1 A 1.2.3.4\n", "t.zone:2:2: error: control character (octet 0) in a zone file; write it as \\000"),
    ("$ORIGIN x.\nw 1 TXT \"\u{1B}[31m\"\n", "t.zone:2:10: error: control character (octet 27) in a zone file; write it as \\027"),
    ("$ORIGIN x.\nw 1 A 1.2.3.4\\", "t.zone:2:14: error: '\\' at the end of the file escapes nothing"),
    ("$ORIGIN x.\n@ 1 SOA a. b. 1 2 3 4 5\n@ 1 SOA a. b. 2 2 3 4 5\n", "t.zone:3:1: error: a second SOA record, unlike the first (line 2); a zone has exactly one"),
    ("$ORIGIN x.\n@ 1 SOA a. b. 1 2 3 4 5\nw.y. 1 A 1.2.3.4\n", "t.zone:3:1: error: w.y. is outside the zone x. (the SOA's owner)"),
    ("$ORIGIN y.\nw 1 A 1.2.3.4\n$ORIGIN x.\n@ 1 SOA a. b. 1 2 3 4 5\n", "t.zone:2:1: error: w.y. is outside the zone x. (the SOA's owner)"),
    ("$ORIGIN x.\n" + String(repeating: "a", count: 64) + " 1 A 1.2.3.4\n",
     "t.zone:2:1: error: invalid name '" + String(repeating: "a", count: 60) + "...': a label is longer than 63 octets"),
    ("$ORIGIN x.\n" + String(repeating: "a", count: 5000) + "\n", "t.zone:2:4097: error: a field longer than 4096 bytes; no name, number or string is that long"),
  ])
  func errorsNameTheirPosition(text: String, message: String) {
    do {
      _ = try read(text)
      Issue.record("no error for \(text)")
    } catch let error as ZoneFileError {
      #expect(error.description == message)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func everyTypeRoundTripsThroughTheWriter() throws {
    let origin = try name("example.org")
    let target = try name("t.example.org")
    let data: [RData] = [
      .a(IPv4Address(0xC000_0201)), .aaaa(try #require(IPv6Address("2001:db8::7"))), .ns(target), .cname(target),
      .ptr(target), .srv(SRV(priority: 1, weight: 2, port: 3, target: target)),
      .txt([try #require(CharacterString("a;b")), try #require(CharacterString(""))]),
      .mx(MX(preference: 10, exchange: target)),
    ]
    #expect(Set(data.map(\.type)).count == RRType.allCases.count - 1)  // all but SOA, which the header writes
    var line = ""
    for (i, d) in data.enumerated() {
      ZoneWriter.append(ResourceRecord(owner: try origin.prepending("r\(i)"), ttl: 5, data: d), origin: origin, to: &line)
    }
    let back = try read("$ORIGIN example.org.\n" + line)
    #expect(back.records.map(\.data) == data)
  }

  @Test func escapesInOwnerNames() throws {
    let zone = try read("$ORIGIN x.\na\\032b\\.c 1 A 10.0.0.1\n\\@ 1 A 10.0.0.2\n")
    #expect(zone.records[0].owner.labels == [Array("a b.c".utf8), Array("x".utf8)])
    #expect(zone.records[1].owner.labels == [Array("@".utf8), Array("x".utf8)])
  }

  @Test func typesAndClassesAreCaseInsensitive() throws {
    let zone = try read("$origin x.\nw 1 in a 10.0.0.1\n")
    #expect(zone.records == [ResourceRecord(owner: try name("w.x"), ttl: 1, data: .a(IPv4Address(0x0A00_0001)))])
  }

  @Test func crlfAndCommentsInsideParentheses() throws {
    let zone = try read("$ORIGIN x.\r\n@ 5 IN SOA ns hm (\r\n 1 ; one\r\n 2 3 4 5 )\r\nw 5 A 10.0.0.1\r\n")
    #expect(zone.records.count == 2)
    #expect(zone.soa?.minimum == 5)
  }

  @Test func octetsThatAreNotUTF8AreReadAsThemselves() throws {
    let bytes = Array("$ORIGIN x.\nw".utf8) + [0xFF] + Array(" 1 TXT caf".utf8) + [0xE9] + [0x0A]
    let zone = try ZoneFileReader.read(bytes, file: "t.zone")
    #expect(zone.records.first?.owner.labels == [[UInt8(ascii: "w"), 0xFF], Array("x".utf8)])
    #expect(zone.records.first?.data == .txt([try #require(CharacterString(Array("caf".utf8) + [0xE9]))]))
  }

  @Test func everyOctetEscapeReadsAsItsOctet() throws {
    let escaped = (0...255).map { "\\" + String(repeating: "0", count: 3 - String($0).count) + String($0) }
    let zone = try read("$ORIGIN x.\nw 1 TXT \(escaped[..<128].joined()) \"\(escaped[128...].joined())\"\n"
      + "\(escaped[..<63].joined()) 1 A 10.0.0.1\n")
    #expect(zone.records[0].data == .txt([try #require(CharacterString((0..<128).map(UInt8.init))), try #require(CharacterString((128...255).map(UInt8.init)))]))
    #expect(zone.records[1].owner.labels.first == (0..<63).map(UInt8.init))
  }

  @Test func genericTypeAndClassNamesOfKnownOnes() throws {
    let zone = try read("$ORIGIN x.\nw 1 CLASS1 TYPE1 10.0.0.1\nw 1 type16 \"t\"\n")
    #expect(zone.records.map(\.type) == [.a, .txt])
  }

  @Test func anSOAAfterRecordsIsTheApexAndTheRecordsBeforeItAreChecked() throws {
    let zone = try read("$ORIGIN x.\nw 1 A 10.0.0.1\n@ 1 SOA a. b. 1 2 3 4 5\n")
    #expect(zone.origin == (try name("x")))
    #expect(zone.records.map(\.type) == [.a, .soa])
  }

  @Test func anEntryHoldsAtMost65539Fields() throws {
    let text = "$ORIGIN x.\nw 1 TXT" + String(repeating: " a", count: ZoneFileScanner.maxTokens) + "\n"
    let error = #expect(throws: ZoneFileError.self) { try read(text) }
    #expect(error?.description == "t.zone:2:\(7 + 2 * (ZoneFileScanner.maxTokens - 2)): error: more than 65539 fields in one entry; no record's data is that long")
  }

  @Test func txtDataIsAtMost65535Octets() throws {
    let string = "\"" + String(repeating: "t", count: 255) + "\""
    let text = "$ORIGIN x.\nw 1 TXT" + String(repeating: " " + string, count: 256) + "\n"
    let error = #expect(throws: ZoneFileError.self) { try read(text) }
    #expect(error?.description == "t.zone:2:\(9 + 258 * 255): error: TXT data is more than 65535 octets")
  }

  /// `dig AXFR` prints the SOA first and last: the copy is read once.
  @Test func theSameSOAAgainIsReadOnce() throws {
    let zone = try read("$ORIGIN x.\n@ 1 SOA a. b. 1 2 3 4 5\nw 1 A 10.0.0.1\nx. 1 SOA a. b. 1 2 3 4 5\n")
    #expect(zone.records.map(\.type) == [.soa, .a])
  }
}
