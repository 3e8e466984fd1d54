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

  public func assemble(_ records: [ResourceRecord]) throws(InputError) -> Result {
    let domain = options.domain
    var forward: [ResourceRecord] = []
    var reverse: [DomainName: [ResourceRecord]] = [:]
    var skipped = 0
    let explicit = options.reverseZones?.map(\.zoneName)
    for explicitZone in explicit ?? [] { reverse[explicitZone] = [] }
    for record in records {
      if record.owner.isSubdomain(of: domain) {
        forward.append(record)
      } else if case .ptr = record.data, let zone = reverseZone(for: record.owner, explicit: explicit) {
        reverse[zone, default: []].append(record)
      } else {
        skipped += 1
      }
    }
    let nameservers = try chooseNameservers(&forward)
    let mname = options.nameservers.first ?? (try? domain.prepending(["ns", "dns"])) ?? domain
    let rname = (try? domain.prepending("hostmaster")) ?? domain
    let options = self.options
    let soa = SOA(
      mname: mname, rname: rname, serial: options.serial, refresh: options.refresh,
      retry: options.retry, expire: options.expire, minimum: options.ttl)
    var parts = [(domain, forward)]
    for origin in reverse.keys.sorted(by: ZoneOrder.namePrecedes) {
      parts.append((origin, reverse[origin] ?? []))
    }
    // Zones are sorted and checked on all cores; the first failing zone in
    // order is reported, as a loop would.
    let built = ParallelMap.map(parts) { origin, records -> Swift.Result<Zone, InputError> in
      let z = Zone(
        origin: origin, ttl: options.ttl, soa: soa, nameservers: nameservers,
        records: ZoneOrder.sorted(records))
      do throws(InputError) {
        try ZoneValidator.validate(z)
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

  /// The most specific configured reverse zone holding `owner`, or the
  /// default-granularity zone when none is configured.
  private func reverseZone(for owner: DomainName, explicit: [DomainName]?) -> DomainName? {
    if let explicit {
      return explicit.filter { owner.isSubdomain(of: $0) }.max { $0.wireLength < $1.wireLength }
    }
    let count = owner.labelCount
    let keep = count == 34
      ? ZoneOptions.defaultIPv6ReversePrefix / 4 : ZoneOptions.defaultIPv4ReversePrefix / 8
    let suffix = 2  // in-addr.arpa / ip6.arpa
    guard count >= keep + suffix else { return nil }
    return owner.suffix(labels: keep + suffix)
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
