/// The node a pod runs on (`spec.nodeName`), boxed: see `Pod.node`.
public final class PodNode: Sendable, Hashable {
  public let name: String

  init(_ name: String) {
    self.name = name
  }

  public static func == (a: PodNode, b: PodNode) -> Bool { a.name == b.name }
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
