/// The records ExternalDNS's sources would ask for, computed from the
/// inventory: Service, Ingress, Gateway API routes and Node, with
/// ExternalDNS's annotations (see docs/public-names.md).
///
/// Work in progress (issue 11): the sources are being written; until then
/// this produces nothing, so public zones hold only static records.
enum PublicNameSources {
  /// Every public record the chosen sources ask for, unmerged, in object
  /// order. Invalid names and targets are warned about at their position
  /// and skipped; with `strict` they throw instead.
  static func records(
    _ inventory: Inventory, options: PublicNameOptions, strict: Bool, log: inout DiagnosticLog
  ) throws(InputError) -> [PublicRecord] {
    []
  }
}
