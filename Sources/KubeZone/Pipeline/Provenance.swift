/// Why each record of a run exists and what the run left out: kept only
/// when `SynthesisOptions.provenance` is on (`explain`, `diff --explain`).
public struct Provenance: Sendable {
  /// The origins of every record the synthesizer made, keyed by the record
  /// as written (SRV weights set). Records a conflict dropped are here too,
  /// with an exclusion that says so; the SOA, apex NS and nameserver
  /// addresses come from the options and are not.
  public var origins: [ResourceRecord: [RecordOrigin]]
  /// What was left out, in the order the run decided it.
  public var exclusions: [Exclusion]
  /// The objects after de-duplication, for the near matches `explain`
  /// looks for.
  public var inventory: Inventory
  /// Every definition of each object defined more than once, in input
  /// order; the inventory holds the one used.
  public var definitions: [ObjectKey: [SourceLocation]]
}
