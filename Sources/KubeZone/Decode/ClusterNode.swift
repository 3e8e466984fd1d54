/// A core/v1 Node (named so as not to clash with the reader's `Node`):
/// its addresses, for ExternalDNS's node source and NodePort services.
public struct ClusterNode: Sendable, Hashable {
  public var meta: ObjectMeta
  public var annotations: [String: FieldText]
  /// `status.addresses[]`: (type, address) in order.
  public var addresses: [Address]
  public var unschedulable: Bool

  public struct Address: Sendable, Hashable {
    /// ExternalIP, InternalIP, Hostname, ExternalDNS, InternalDNS.
    public var type: String
    public var address: FieldText
  }
}

enum ClusterNodeDecoder {
  static func decode(_ object: Field, defaultNamespace: String) throws(InputError) -> ClusterNode {
    let meta = try ObjectMeta.decode(object, defaultNamespace: defaultNamespace, clusterScoped: true)
    var addresses: [ClusterNode.Address] = []
    if let status = object.child("status") {
      for a in try status.list("addresses") {
        try a.requireMapping()
        guard let address = try a.text("address").nonEmpty else { continue }
        addresses.append(ClusterNode.Address(type: try a.string("type") ?? "", address: address))
      }
    }
    return ClusterNode(
      meta: meta, annotations: try object.annotations(), addresses: addresses, unschedulable: try object.child("spec")?.bool("unschedulable") ?? false)
  }
}
