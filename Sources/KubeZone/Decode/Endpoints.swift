/// A core/v1 Endpoints object: the older form of a service's endpoints.
public struct Endpoints: Sendable, Hashable {
  public var meta: ObjectMeta
  public var subsets: [Subset]

  public struct Subset: Sendable, Hashable {
    public var addresses: [Address]
    public var notReadyAddresses: [Address]
    public var ports: [EndpointSlice.Port]
  }

  public struct Address: Sendable, Hashable {
    public var ip: IPAddress
    public var hostname: String?
    public var podName: String?
  }
}
