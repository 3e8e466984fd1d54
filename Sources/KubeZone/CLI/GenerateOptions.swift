import Foundation

/// Turns `generate`'s parsed options into a `GenerateRequest`, checking
/// each value, so a bad option fails before any input is read.
enum GenerateOptions {
  /// The longest `--domain`, in wire octets: 238. Two limits meet here:
  /// `dns-version.<domain>` (the longest name kubezone always adds) must
  /// fit in 255 octets, and the zone file's temporary name
  /// `.<domain>.zone.kubezone-tmp` in the 255 bytes of a file name. With
  /// plain labels (escapes are refused) the text is the wire length less 2.
  static let maxDomainWireLength = min(
    DomainName.maxWireLength - 12,
    Int(NAME_MAX) - ".".count - ".zone".count - AtomicFileSet.tempSuffix.count + 2)

  static func request(from args: ParsedArguments, command: String = "generate") throws(KubeZoneFailure) -> GenerateRequest {
    func usage(_ message: String) -> KubeZoneFailure {
      .usage(UsageError(message, command: command))
    }
    let domainText = args.value("domain") ?? "cluster.local"
    // No zone-file escapes either: `a\b` would quietly mean `ab`.
    guard !domainText.contains("\\"), let domain = try? DomainName(domainText), !domain.labels.isEmpty,
      domain.labels.allSatisfy({ NameRules.isDNS1123Label(String(decoding: $0, as: UTF8.self)) })
    else {
      throw usage("--domain '\(domainText.escapedForMessage)' is not a valid domain name")
    }
    // The fixed names under the domain (dns-version, hostmaster, ns.dns)
    // must fit in 255 octets, or the zone would lose its SOA contact or NS.
    guard domain.wireLength <= GenerateOptions.maxDomainWireLength else {
      throw usage("--domain '\(domainText.escapedForMessage)' is \(domain.wireLength) octets long; at most \(GenerateOptions.maxDomainWireLength) leave room for dns-version.<domain> and for the zone file's name")
    }
    let ttl = try number(args, "ttl", default: 30, max: 2_147_483_647, command: command)
    let serial = try number(args, "serial", default: 1, max: UInt32.max, command: command)
    let profileText = args.value("profile") ?? "coredns"
    guard let profile = SynthesisOptions.Profile(rawValue: profileText) else {
      throw usage("--profile must be coredns or spec, not '\(profileText.escapedForMessage)'")
    }
    let namespace = args.value("namespace") ?? "default"
    guard NameRules.isDNS1123Label(namespace) else {
      throw usage("--namespace '\(namespace.escapedForMessage)' is not a DNS-1123 label")
    }
    let filter = try FilterOptions.filter(from: args, command: command)
    var reverse: [CIDR]?
    if !args.all("reverse-zone").isEmpty {
      reverse = []
      for text in args.all("reverse-zone") {
        do { reverse?.append(try CIDR(text)) } catch { throw usage("--reverse-zone: \(error)") }
      }
    }
    var nameservers: [DomainName] = []
    for text in args.all("nameserver") {
      // A nameserver is a host name (RFC 1123): letters, digits, dashes.
      guard !text.contains("\\"), let name = try? DomainName(text), !name.labels.isEmpty,
        name.labels.allSatisfy({ NameRules.isDNS1123Label(String(decoding: $0, as: UTF8.self).lowercased()) })
      else {
        throw usage("--nameserver '\(text.escapedForMessage)' is not a valid domain name")
      }
      nameservers.append(name)
    }
    var addresses: [IPAddress] = []
    for text in args.all("nameserver-address") {
      guard let ip = IPAddress(text) else {
        throw usage("--nameserver-address '\(text.escapedForMessage)' is not an IP address")
      }
      addresses.append(ip)
    }
    var header: Template
    do {
      if let folder = args.value("templates") {
        let path = folder + "/zone.header"
        guard let data = FileManager.default.contents(atPath: path) else {
          throw usage("--templates: cannot read \(path)")
        }
        header = try Template(String(decoding: data, as: UTF8.self), file: path)
      } else {
        header = try Template(DefaultTemplates.zoneHeader, file: "zone.header")
      }
    } catch let error as KubeZoneFailure {
      throw error
    } catch {
      throw usage("\(error)")
    }
    let publicNames = try PublicOptions.options(
      from: args, domain: domain, reverse: reverse, ttl: args.value("ttl") == nil ? nil : ttl, command: command)
    var request = GenerateRequest(
      inputs: args.positionals,
      namespace: namespace,
      synthesis: SynthesisOptions(
        domain: domain, ttl: ttl, profile: profile, podRecords: args.flag("pod-records"),
        endpointPodNames: args.flag("endpoint-pod-names")),
      zones: ZoneOptions(
        domain: domain, ttl: ttl, serial: serial, nameservers: nameservers,
        nameserverAddresses: addresses, reverseZones: reverse),
      filter: filter,
      strict: args.flag("strict"),
      header: header)
    request.publicNames = publicNames
    return request
  }

  private static func number(
    _ args: ParsedArguments, _ name: String, default value: UInt32, max: UInt32, command: String
  ) throws(KubeZoneFailure) -> UInt32 {
    guard let text = args.value(name) else { return value }
    guard let n = UInt32(text), n <= max else {
      throw .usage(UsageError("--\(name) must be a whole number from 0 to \(max), not '\(text.escapedForMessage)'", command: command))
    }
    return n
  }
}
