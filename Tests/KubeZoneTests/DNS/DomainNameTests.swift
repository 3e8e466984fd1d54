import Testing
@testable import KubeZone

@Suite struct DomainNameTests {
  @Test func parsesAndPrintsAbsoluteNames() throws {
    #expect(try DomainName("web.prod.svc.cluster.local").description == "web.prod.svc.cluster.local.")
    #expect(try DomainName("web.prod.svc.cluster.local.").description == "web.prod.svc.cluster.local.")
    #expect(try DomainName(".") == .root)
    #expect(DomainName.root.description == ".")
  }

  @Test func enforcesLabelAndNameLengths() throws {
    let label63 = String(repeating: "a", count: 63)
    #expect(try DomainName(label63 + ".local").labels[0].count == 63)
    #expect(throws: DomainNameError.labelTooLong(label63 + "a")) { try DomainName(label63 + "a.local") }
    // 4 labels of 63 plus their length octets and the root: 257 > 255.
    let long = Array(repeating: label63, count: 4).joined(separator: ".")
    #expect(throws: DomainNameError.nameTooLong(257)) { try DomainName(long) }
    #expect(throws: DomainNameError.emptyLabel) { try DomainName("a..b") }
  }

  @Test func comparesCaseInsensitively() throws {
    #expect(try DomainName("WEB.Cluster.Local") == DomainName("web.cluster.local"))
    #expect(Set([try DomainName("A.b"), try DomainName("a.B")]).count == 1)
    #expect(try DomainName("x.web.cluster.local").isSubdomain(of: DomainName("CLUSTER.local")))
    #expect(try !DomainName("xcluster.local").isSubdomain(of: DomainName("cluster.local")))
  }

  @Test func sortsInCanonicalOrder() throws {
    // RFC 4034 §6.1's own example, in order.
    let names = ["example", "a.example", "yljkjljk.a.example", "Z.a.example", "zABC.a.EXAMPLE", "z.example", "\\001.z.example", "*.z.example", "\\200.z.example"]
    let parsed = try names.map { try DomainName($0) }
    #expect(parsed.shuffled().sorted() == parsed)
  }

  @Test func escapesZoneFileSpecials() throws {
    // A label that is only `*` is the wildcard and stays as it is; a `*`
    // inside a longer label is escaped.
    let name = try DomainName(labels: [Array("a b;c$(d)\"e\\@".utf8), [0x0A, 0xFF], Array("*".utf8), Array("x*".utf8), Array("local".utf8)])
    #expect(name.description == "a\\032b\\;c\\$\\(d\\)\\\"e\\\\\\@.\\010\\255.*.x\\*.local.")
    #expect(try DomainName(name.description) == name)
    #expect(try DomainName("\\*.local") == DomainName("*.local"))
  }

  @Test func writesRelativeToOrigin() throws {
    let origin = try DomainName("cluster.local")
    #expect(try DomainName("web.svc.cluster.local").relative(to: origin) == "web.svc")
    #expect(origin.relative(to: origin) == "@")
    #expect(try DomainName("example.com").relative(to: origin) == "example.com.")
  }
}

/// The flat, root-first storage against the label-list model it replaced.
@Suite struct DomainNameStorageTests {
  static func randomNames(_ count: Int) throws -> [DomainName] {
    var rng = SystemRandomNumberGenerator()
    let pool = ["a", "A", "b", "web", "Web", "10", "2", "010", "100", "svc", "cluster", "local", "x-y", "\\.", "\\000"]
    return try (0..<count).map { _ in
      let n = Int.random(in: 0...5, using: &rng)
      let text = (0..<n).map { _ in pool.randomElement(using: &rng) ?? "a" }.joined(separator: ".")
      return text.isEmpty ? .root : try DomainName(text)
    }
  }

  /// Canonical order over label lists, as `DomainName <` was written before.
  static func referenceLess(_ a: [[UInt8]], _ b: [[UInt8]]) -> Bool {
    var i = a.count - 1, j = b.count - 1
    while i >= 0 && j >= 0 {
      let x = a[i].map(DomainName.lower), y = b[j].map(DomainName.lower)
      if x != y { return x.lexicographicallyPrecedes(y) }
      i -= 1
      j -= 1
    }
    return a.count < b.count
  }

  /// `ZoneOrder.namePrecedes` over label lists: all-digit labels first, as
  /// numbers (equal numbers by their digits), then the others canonically.
  static func referenceZoneOrder(_ a: [[UInt8]], _ b: [[UInt8]]) -> Bool {
    func number(_ l: [UInt8]) -> Int? {
      l.count <= 9 && l.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? l.reduce(0) { $0 * 10 + Int($1 - 48) } : nil
    }
    var i = a.count - 1, j = b.count - 1
    while i >= 0 && j >= 0 {
      if a[i].map(DomainName.lower) != b[j].map(DomainName.lower) {
        switch (number(a[i]), number(b[j])) {
        case (let p?, let q?) where p != q: return p < q
        case (.some, nil): return true
        case (nil, .some): return false
        default: return referenceLess([a[i]], [b[j]])
        }
      }
      i -= 1
      j -= 1
    }
    return a.count < b.count
  }

  @Test func ordersEqualsAndNestsAsTheLabelModel() throws {
    let names = try Self.randomNames(300)
    for a in names {
      for b in names.prefix(60) {
        let (x, y) = (a.labels, b.labels)
        let equal = x.count == y.count && zip(x, y).allSatisfy { $0.map(DomainName.lower) == $1.map(DomainName.lower) }
        #expect((a == b) == equal, "\(a) == \(b)")
        if a == b { #expect(a.hashValue == b.hashValue) }
        #expect((a < b) == Self.referenceLess(x, y), "\(a) < \(b)")
        if !equal { #expect(ZoneOrder.namePrecedes(a, b) == Self.referenceZoneOrder(x, y), "\(a) before \(b)") }
        let nested = x.count >= y.count && DomainName.root != b
          ? zip(x.suffix(y.count), y).allSatisfy { $0.map(DomainName.lower) == $1.map(DomainName.lower) } : b == .root
        #expect(a.isSubdomain(of: b) == nested, "\(a) under \(b)")
      }
    }
  }

  @Test func buildsAndTakesApartNames() throws {
    let name = try DomainName("web.prod.svc.cluster.local")
    #expect(name.labelCount == 5)
    #expect(name.labels.map { String(decoding: $0, as: UTF8.self) } == ["web", "prod", "svc", "cluster", "local"])
    #expect(name.suffix(labels: 2) == (try DomainName("cluster.local")))
    #expect(name.suffix(labels: 9) == name)
    #expect(name.suffix(labels: 0) == .root)
    #expect(try DomainName("a.b").appending(DomainName("c.d")) == (try DomainName("a.b.c.d")))
    #expect(try DomainName("svc.cluster.local").prepending(["web", "prod"]) == name)
    #expect(try DomainName("*.local").hasFirstLabel([UInt8(ascii: "*")]))
    #expect(try !DomainName("a.*.local").hasFirstLabel([UInt8(ascii: "*")]))
    #expect(!DomainName.root.hasFirstLabel([UInt8(ascii: "*")]))
    #expect(try DomainName("10.96.0.1").wireLength == 11)
    let label63 = String(repeating: "a", count: 63)
    let long = try DomainName([label63, label63, label63].joined(separator: "."))
    #expect(throws: DomainNameError.nameTooLong(257)) { try DomainName(label63).appending(long) }
    #expect(throws: DomainNameError.nameTooLong(257)) { try long.prepending(label63) }
    #expect(throws: DomainNameError.emptyLabel) { try long.prepending("") }
  }
}

@Suite struct IPAddressTests {
  @Test(arguments: [
    ("10.96.1.136", "10.96.1.136", "10-96-1-136"),
    ("5678:abcd::1", "5678:abcd::1", "5678-abcd--1"),
    ("2001:db8::", "2001:db8::", "2001-db8--0"),
    ("2001:DB8:0:0:0:0:0:1", "2001:db8::1", "2001-db8--1"),
    ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1", "2001-db8--1-0-0-1"),
    ("::ffff:1.2.3.4", "::ffff:102:304", "--ffff-102-304"),
    ("fd00:0:0:1::", "fd00:0:0:1::", "fd00-0-0-1--0"),
  ])
  func canonicalAndDashedForms(text: String, canonical: String, dashed: String) throws {
    let ip = try #require(IPAddress(text))
    #expect(ip.description == canonical)
    #expect(ip.dashed == dashed)
  }

  @Test(arguments: ["010.1.1.1", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4 ", " 1.2.3.4", "1:2:3:4:5:6:7:8:9", "1::2::3", "fe80::1%eth0", "12345::", "", "None", "1.2.3.4\n", "::g"])
  func rejectsWhatIsNotAnAddress(text: String) {
    #expect(IPAddress(text) == nil)
  }

  @Test func reverseNames() throws {
    #expect(IPAddress("100.108.251.43")?.reverseName.description == "43.251.108.100.in-addr.arpa.")
    #expect(IPAddress("2001:db8::567:89ab")?.reverseName.description
      == "b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.")
  }
}

@Suite struct CIDRTests {
  @Test(arguments: [
    ("10.96.0.0/16", "96.10.in-addr.arpa."),
    ("10.0.0.0/8", "10.in-addr.arpa."),
    ("192.0.2.0/24", "2.0.192.in-addr.arpa."),
    ("0.0.0.0/0", "in-addr.arpa."),
    ("fd00:10::/32", "0.1.0.0.0.0.d.f.ip6.arpa."),
    ("2001:db8:abcd::/48", "d.c.b.a.8.b.d.0.1.0.0.2.ip6.arpa."),
    ("2001:db8::/36", "0.8.b.d.0.1.0.0.2.ip6.arpa."),
  ])
  func zoneNames(text: String, zone: String) throws {
    #expect(try CIDR(text).zoneName.description == zone)
  }

  @Test func rejectsBlocksThatAreNotZones() {
    #expect(throws: CIDRError.notOnLabelBoundary("10.96.0.0/12", 8)) { try CIDR("10.96.0.0/12") }
    #expect(throws: CIDRError.hostBitsSet("10.96.1.0/16", "10.96.0.0/16")) { try CIDR("10.96.1.0/16") }
    #expect(throws: CIDRError.malformed("10.96.0.0")) { try CIDR("10.96.0.0") }
    #expect(throws: CIDRError.malformed("10.96.0.0/40")) { try CIDR("10.96.0.0/40") }
  }
}

@Suite struct CharacterStringTests {
  @Test func quotesAndEscapes() throws {
    let s = try #require(CharacterString(Array("a\"b\\c\n;".utf8)))
    #expect(s.description == "\"a\\\"b\\\\c\\010;\"")
    #expect(CharacterString(Array(repeating: 65, count: 256)) == nil)
  }
}
