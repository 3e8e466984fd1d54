/// One object a source turns into records: its reference, its ExternalDNS
/// annotations and the TTL they give. `make` returns nil for an object
/// the filters or the `controller` annotation leave out.
struct PublicSubject {
  let reference: ObjectReference
  let meta: ObjectMeta
  /// The object's own annotations, for `--annotation-filter`.
  let raw: [String: FieldText]
  let annotations: PublicAnnotations
  let ttl: UInt32?

  static func make(
    kind: String, _ meta: ObjectMeta, annotations raw: [String: FieldText], options: PublicNameOptions,
    into sink: inout PublicRecordSink
  ) throws(InputError) -> PublicSubject? {
    // `--annotation-filter` and `--label-filter` choose the objects of
    // every source (ExternalDNS's informer indexers do the same).
    if let filter = options.annotationFilter, !filter.matches({ raw[$0]?.text }) { return nil }
    if let filter = options.labelFilter, !filter.matches(meta.labels) { return nil }
    let reference = ObjectReference(kind, meta)
    let annotations = PublicAnnotations(raw, prefix: options.annotationPrefix, object: reference, into: &sink)
    if annotations.belongsToOtherController {
      sink.log.note("\(reference.key) is skipped: its controller annotation names another controller than dns-controller", at: meta.location)
      return nil
    }
    let ttl = try PublicTTL.read(annotations[.ttl], of: reference, into: &sink)
    return PublicSubject(reference: reference, meta: meta, raw: raw, annotations: annotations, ttl: ttl)
  }

  func origin(_ rule: String, at location: SourceLocation? = nil) -> PublicOrigin {
    PublicOrigin(object: reference, rule: rule, location: location ?? reference.location)
  }

  /// Records for `host` (a hostname text), or nothing after rejecting it.
  func add(
    _ host: FieldText, _ targets: [PublicTarget], rule: String, into sink: inout PublicRecordSink
  ) throws(InputError) {
    guard let name = try PublicHostname.read(host, rule, of: reference, into: &sink) else { return }
    sink.add(name, targets, ttl: ttl, origin: origin(rule, at: host.location))
  }
}
