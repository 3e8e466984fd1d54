/// Bounds that keep a hostile or broken input from exhausting the stack,
/// memory or time of a reader.
///
/// Every limit is checked while reading, so an input that breaks one is
/// rejected as soon as the limit is crossed, with a `ReadError` at the byte
/// that crossed it.
public struct ReadLimits: Sendable, Hashable {
  /// Deepest nesting of collections (block or flow, YAML or JSON). The
  /// readers, `jsonText` and `mergingKeys` use explicit stacks, but Swift
  /// frees a `Node` tree recursively; on a 512 KiB secondary-thread stack
  /// that stays safe up to about 2,000 levels in a debug build, so keep this
  /// well below that.
  public var maxDepth: Int
  /// Most nodes that aliases may copy into one YAML document (each alias
  /// yields a copy of its anchored node, counted in full). This is the
  /// guard against "billion laughs" documents; nodes written out in the
  /// source do not count, so large inputs are not affected.
  public var maxNodes: Int
  /// Longest scalar, in bytes of source text. A longer scalar is rejected
  /// at the byte that crosses the limit. The default, 64 MiB, lets large
  /// embedded blobs (a ConfigMap holding a file) through.
  public var maxScalarBytes: Int

  public init(maxDepth: Int = 512, maxNodes: Int = 1_000_000, maxScalarBytes: Int = 64 << 20) {
    self.maxDepth = maxDepth
    self.maxNodes = maxNodes
    self.maxScalarBytes = maxScalarBytes
  }

  /// 512 levels, 1,000,000 alias-copied nodes per document, 64 MiB per scalar.
  public static let `default` = ReadLimits()
}
