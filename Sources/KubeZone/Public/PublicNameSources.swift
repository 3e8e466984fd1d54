/// The records ExternalDNS's sources would ask for, computed from the
/// inventory: Service, Ingress, Gateway API routes and Node, with
/// ExternalDNS's annotations (see docs/public-sources.md).
enum PublicNameSources {
  /// Every public record the chosen sources ask for, unmerged, in object
  /// order. Invalid names and targets are warned about at their position
  /// and skipped; with `strict` they throw instead.
  static func records(
    _ inventory: Inventory, options: PublicNameOptions, strict: Bool, log: inout DiagnosticLog
  ) throws(InputError) -> [PublicRecord] {
    guard options.isEnabled else { return [] }
    var sink = PublicRecordSink(strict: strict, log: log)
    defer { log = sink.log }
    let templates = PublicFQDNTemplates(templates: options.fqdnTemplates)
    if options.sources.contains(.service) {
      let source = ServicePublicSource(inventory)
      for s in inventory.services { try source.records(s, options: options, templates: templates, into: &sink) }
    }
    if options.sources.contains(.ingress) {
      for i in inventory.ingresses { try IngressPublicSource.records(i, options: options, templates: templates, into: &sink) }
    }
    if options.sources.contains(.gateway) {
      let source = GatewayPublicSource(inventory, annotationPrefix: options.annotationPrefix)
      for r in inventory.routes { try source.records(r, options: options, templates: templates, into: &sink) }
    }
    if options.sources.contains(.node) {
      for n in inventory.nodes { try NodePublicSource.records(n, options: options, templates: templates, into: &sink) }
    }
    return sink.records
  }
}
