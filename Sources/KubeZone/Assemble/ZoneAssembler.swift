/// Groups records into the forward zone and reverse zones, gives each its
/// SOA and NS, and validates every zone before anything is written.
///
/// Nameservers: `--nameserver` names if given; else
/// `kube-dns.kube-system.svc.<zone>` when the input holds that service with
/// a cluster IP (as CoreDNS does when it backs kube-dns); else
/// `ns.dns.<zone>`, whose address is `--nameserver-address` or 127.0.0.1.
/// Reverse zones list the same nameservers, which lie outside them.
public struct ZoneAssembler: Sendable {
  public var options: ZoneOptions

  public init(options: ZoneOptions) {
    self.options = options
  }

  public struct Result: Sendable {
    public var zones: [Zone]
    /// PTR records that fell outside every reverse zone.
    public var skippedPTRs: Int
  }

  public func assemble(_ records: consuming [ResourceRecord]) throws(InputError) -> Result {
    let domain = options.domain
    var (forward, reverse, skipped) = partition(records)
    let nameservers = try chooseNameservers(&forward)
    let mname = options.nameservers.first ?? (try? domain.prepending(["ns", "dns"])) ?? domain
    let rname = (try? domain.prepending("hostmaster")) ?? domain
    let options = self.options
    let soa = SOA(
      mname: mname, rname: rname, serial: options.serial, refresh: options.refresh,
      retry: options.retry, expire: options.expire, minimum: options.ttl)
    reverse.sort { ZoneOrder.namePrecedes($0.origin, $1.origin) }
    // Zones are sorted and checked on all cores; the first failing zone in
    // order is reported, as a loop would. Each zone's records are handed
    // over, so sorting moves them instead of copying them.
    let parts = [(origin: domain, records: consume forward)] + (consume reverse)
    let built = ParallelMap.map(taking: parts) { part -> Swift.Result<Zone, InputError> in
      let (origin, records) = part
      let z = Zone(
        origin: origin, ttl: options.ttl, soa: soa, nameservers: nameservers,
        records: ZoneOrder.sorted(consume records))
      do throws(InputError) {
        try ZoneValidator.validate(z, sorted: true)
      } catch {
        return .failure(error)
      }
      return .success(z)
    }
    var zones: [Zone] = []
    for result in built {
      switch result {
      case .success(let z): zones.append(z)
      case .failure(let error): throw error
      }
    }
    return Result(zones: zones, skippedPTRs: skipped)
  }

  /// The forward zone's records, each reverse zone's (in the order the
  /// zones were first met), and how many PTRs fell outside every reverse
  /// zone. Records are moved, not copied, and keep their order: each is
  /// routed in place, then taken from the end.
  private func partition(
    _ records: consuming [ResourceRecord]
  ) -> (forward: [ResourceRecord], reverse: [(origin: DomainName, records: [ResourceRecord])], skipped: Int) {
    let domain = options.domain
    let explicit = options.reverseZones?.map(\.zoneName)
    var origins: [DomainName] = (explicit ?? []).uniqued()
    var numbers = Dictionary(uniqueKeysWithValues: origins.enumerated().map { ($1, $0) })
    // Where each record goes: -1 forward, -2 nowhere, else `origins[n]`.
    var routes = [Int](repeating: -2, count: records.count)
    var last: (origin: DomainName, number: Int)?
    records.withUnsafeBufferPointer { records in
      for i in records.indices {
        let owner = records[i].owner
        if owner.isSubdomain(of: domain) {
          routes[i] = -1
          continue
        }
        guard case .ptr = records[i].data else { continue }
        // A cluster's PTRs mostly share a few zones: the last one found is
        // tried first, without building the owner's suffix.
        if explicit == nil, let last, Self.defaultZoneLabels(owner) == last.origin.labelCount,
          owner.labelCount >= last.origin.labelCount, owner.isSubdomain(of: last.origin)
        {
          routes[i] = last.number
        } else if let zone = reverseZone(for: owner, explicit: explicit) {
          let number = numbers[zone] ?? origins.count
          if number == origins.count {
            origins.append(zone)
            numbers[zone] = number
          }
          routes[i] = number
          last = (zone, number)
        }
      }
    }
    var forward: [ResourceRecord] = []
    var parts = [[ResourceRecord]](repeating: [], count: origins.count)
    var skipped = 0
    while let record = records.popLast() {
      switch routes[records.count] {
      case -1: forward.append(record)
      case -2: skipped += 1
      case let n: parts[n].append(record)
      }
    }
    forward.reverse()
    var reverse: [(origin: DomainName, records: [ResourceRecord])] = []
    for (n, origin) in origins.enumerated() {
      var part: [ResourceRecord] = []
      swap(&part, &parts[n])
      part.reverse()
      reverse.append((origin, part))
    }
    return (forward, reverse, skipped)
  }

  /// How many labels the default reverse zone of `owner` has: a /48 of
  /// an IPv6 name (34 labels), else a /16 of IPv4.
  private static func defaultZoneLabels(_ owner: DomainName) -> Int {
    let keep = owner.labelCount == 34
      ? ZoneOptions.defaultIPv6ReversePrefix / 4 : ZoneOptions.defaultIPv4ReversePrefix / 8
    return keep + 2  // in-addr.arpa / ip6.arpa
  }

  /// The most specific configured reverse zone holding `owner`, or the
  /// default-granularity zone when none is configured.
  private func reverseZone(for owner: DomainName, explicit: [DomainName]?) -> DomainName? {
    if let explicit {
      return explicit.filter { owner.isSubdomain(of: $0) }.max { $0.wireLength < $1.wireLength }
    }
    let labels = Self.defaultZoneLabels(owner)
    guard owner.labelCount >= labels else { return nil }
    return owner.suffix(labels: labels)
  }

  /// Picks the NS targets and adds address records that in-zone targets need.
  private func chooseNameservers(_ forward: inout [ResourceRecord]) throws(InputError) -> [DomainName] {
    let domain = options.domain
    var names = options.nameservers
    if names.isEmpty {
      if let kubeDNS = try? domain.prepending(["kube-dns", "kube-system", "svc"]),
        forward.contains(where: { $0.owner == kubeDNS && ($0.type == .a || $0.type == .aaaa) })
      {
        names = [kubeDNS]
      } else if let ns = try? domain.prepending(["ns", "dns"]) {
        names = [ns]
      }
    }
    for name in names where name.isSubdomain(of: domain) {
      // RFC 2181 §10.3: an NS target must have addresses, not be an alias.
      if forward.contains(where: { $0.owner == name && $0.type == .cname }) {
        throw InputError(
          "--nameserver \(name) is an alias (the CNAME of an ExternalName Service), and an NS record must name a host "
            + "with addresses (RFC 2181 §10.3); name the server itself", at: nil)
      }
      if forward.contains(where: { $0.owner == name && ($0.type == .a || $0.type == .aaaa) }) {
        continue
      }
      var addresses = options.nameserverAddresses
      if addresses.isEmpty {
        guard options.nameservers.isEmpty else {
          throw InputError("nameserver \(name) lies inside \(domain) but has no address: pass --nameserver-address", at: nil)
        }
        addresses = [ZoneOptions.fallbackNameserverAddress]
      }
      for ip in addresses {
        forward.append(ResourceRecord(owner: name, ttl: options.ttl, data: .address(ip)))
      }
    }
    return names
  }
}
