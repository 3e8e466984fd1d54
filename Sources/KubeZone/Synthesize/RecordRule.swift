/// The synthesis rules, one case each, with the words `explain` shows and
/// a stable identifier for its JSON (documented in docs/explain.md).
public enum RecordRule: Sendable, Hashable, CustomStringConvertible {
  /// `dns-version` TXT, required by the Kubernetes DNS specification.
  case schemaVersion
  /// A/AAAA of a ClusterIP, NodePort or LoadBalancer Service.
  case clusterIPAddress(IPAddress, Service.ServiceType)
  /// PTR of a cluster IP, naming the Service.
  case clusterIPPointer(IPAddress)
  /// `_name._proto.<svc>` SRV of a named Service port.
  case portSRV(name: String, port: Int, PortProtocol)
  /// SRV at the Service name for every port (CoreDNS profile).
  case serviceSRV(port: Int)
  /// A/AAAA at a headless Service's name for each ready endpoint.
  case headlessAddress(EndpointDescription)
  /// A/AAAA at an endpoint's own name.
  case endpointAddress(EndpointDescription, label: EndpointLabel)
  /// PTR of an endpoint address, naming the endpoint.
  case endpointPointer(EndpointDescription)
  /// `_name._proto.<svc>` SRV pointing at a headless endpoint.
  case endpointPortSRV(EndpointDescription, name: String, port: Int, PortProtocol)
  /// SRV at the Service name pointing at a headless endpoint (CoreDNS profile).
  case endpointSRV(EndpointDescription, port: Int)
  /// CNAME of an ExternalName Service.
  case externalName(target: DomainName)
  /// `<a-b-c-d>.<ns>.pod` A/AAAA (`--pod-records`).
  case podAddress(IPAddress)
  /// SOA and apex NS: the zone options, not an object.
  case zoneApex
  /// Address of an in-zone nameserver the input does not provide.
  case nameserverAddress
  /// A public name (`--zone`): the source's rule in words and where the
  /// name was read.
  case publicName(rule: String, at: SourceLocation)
  /// A hand-kept record of a `--static` file, at its line.
  case staticRecord(at: SourceLocation)
  /// NS and glue of a nested public zone, in its parent.
  case delegation(child: DomainName)

  /// Where an endpoint's label comes from.
  public enum EndpointLabel: Sendable, Hashable {
    case hostname(String)
    case podName(String)
    case address(String)
  }

  /// Stable identifier, for `explain --format json`.
  public var id: String {
    switch self {
    case .schemaVersion: "schema-version"
    case .clusterIPAddress: "cluster-ip-address"
    case .clusterIPPointer: "cluster-ip-ptr"
    case .portSRV: "port-srv"
    case .serviceSRV: "service-srv"
    case .headlessAddress: "headless-address"
    case .endpointAddress: "endpoint-address"
    case .endpointPointer: "endpoint-ptr"
    case .endpointPortSRV: "endpoint-port-srv"
    case .endpointSRV: "endpoint-srv"
    case .externalName: "external-name"
    case .podAddress: "pod-address"
    case .zoneApex: "zone-apex"
    case .nameserverAddress: "nameserver-address"
    case .publicName: "public-name"
    case .staticRecord: "static-record"
    case .delegation: "delegation"
    }
  }

  /// The rule in words.
  public var description: String {
    switch self {
    case .schemaVersion:
      "dns-version TXT: the Kubernetes DNS schema version, in every forward zone"
    case .clusterIPAddress(let ip, let type):
      "\(type.rawValue) Service address (cluster IP \(ip))"
    case .clusterIPPointer(let ip):
      "PTR of a cluster IP (\(ip)), naming its Service"
    case .portSRV(let name, let port, let proto):
      "SRV for named port \(name) (\(port)/\(proto.rawValue))"
    case .serviceSRV(let port):
      "SRV at the Service name for port \(port) (CoreDNS answers SRV for every port)"
    case .headlessAddress(let ep):
      "\(ep)"
    case .endpointAddress(let ep, let label):
      "endpoint name \(label.text) (\(label.origin)): \(ep)"
    case .endpointPointer(let ep):
      "PTR of an endpoint address, naming the endpoint: \(ep)"
    case .endpointPortSRV(let ep, let name, let port, let proto):
      "SRV for named port \(name) (\(port)/\(proto.rawValue)) of an endpoint: \(ep)"
    case .endpointSRV(let ep, let port):
      "SRV at the Service name for endpoint port \(port) (CoreDNS): \(ep)"
    case .externalName(let target):
      "ExternalName Service, CNAME to \(target)"
    case .podAddress(let ip):
      "pod record of the pod's first IP \(ip) (--pod-records, CoreDNS 'pods verified')"
    case .zoneApex:
      "zone apex: SOA and NS from the options (--domain, --ttl, --nameserver), or for a public zone from its --static apex"
    case .nameserverAddress:
      "address of the in-zone nameserver, which the input does not give (--nameserver-address, else 127.0.0.1)"
    case .publicName(let rule, let at):
      "public name (--zone): \(rule) at \(at)"
    case .staticRecord(let at):
      "hand-kept record at \(at) (--static)"
    case .delegation(let child):
      "delegation of the nested zone \(child) (--zone): its NS, and glue for nameservers inside it"
    }
  }
}

extension RecordRule.EndpointLabel {
  var text: String {
    switch self {
    case .hostname(let s), .podName(let s), .address(let s): s
    }
  }

  var origin: String {
    switch self {
    case .hostname: "its hostname"
    case .podName: "its pod's name, --endpoint-pod-names"
    case .address: "its address"
    }
  }
}
