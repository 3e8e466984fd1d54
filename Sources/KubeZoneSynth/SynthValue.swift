/// A JSON-shaped value the snapshot generator builds for one object before
/// writing it as JSON or YAML, so both formats carry the same data.
///
/// Mappings keep their keys in the order given; the generator gives them in
/// the sorted order kubectl prints.
public indirect enum SynthValue: Sendable {
  case string(String)
  case int(Int)
  case bool(Bool)
  case object([(String, SynthValue)])
  case array([SynthValue])
}
