/// Renders an `Explanation` as text for people or as JSON (the shape is
/// documented in docs/explain.md and kept stable).
public enum ExplanationFormatter {
  public enum Format: String, Sendable, CaseIterable {
    case text, json
  }

  // MARK: Text

  ///     normal-service.test.svc.cluster.local. 30 IN A 10.96.1.136
  ///         because: ClusterIP Service address (cluster IP 10.96.1.136)
  ///           Service test/normal-service  services.yaml:32:3
  public static func text(_ e: Explanation) -> String {
    var out = ""
    if !e.found {
      switch e.query {
      case .name(let name): out += "nothing at \(name)\n"
      case .address(let ip): out += "no record holds \(ip), and it has no PTR\n"
      }
      if !e.isInAZone {
        out += "  \(e.query) lies in none of the zones written (\(e.zones.map(\.description).joined(separator: ", ")))\n"
      }
    }
    for entry in e.records {
      if !out.isEmpty { out += "\n" }
      out += entry.record.zoneFileLine + "\n"
      out += "    zone \(entry.zone)\n"
      out += origins(entry.origins, e.overrides, indent: "    ")
    }
    if !e.exclusions.isEmpty {
      out += "\nleft out:\n"
      for exclusion in e.exclusions {
        out += "  \(exclusion.reason)\n"
        out += objects(exclusion.objects, e.overrides, indent: "    ")
      }
    } else if !e.found {
      out += "  nothing in the input nearly matches it\n"
    }
    return out
  }

  /// Each origin's rule, then its objects: how `diff --explain` shows an
  /// added record's sources too.
  static func origins(_ origins: [RecordOrigin], _ overrides: [ObjectKey: [SourceLocation]], indent: String) -> String {
    var out = ""
    for origin in origins {
      out += "\(indent)because: \(origin.rule)\n"
      out += objects(origin.objects, overrides, indent: indent + "  ")
    }
    return out
  }

  private static func objects(_ objects: [ObjectReference], _ overrides: [ObjectKey: [SourceLocation]], indent: String) -> String {
    var out = ""
    for object in objects {
      out += "\(indent)\(object.key)  \(object.location)\n"
      for other in overridden(object, overrides) {
        out += "\(indent)  overrides the definition at \(other)\n"
      }
    }
    return out
  }

  // MARK: JSON

  public static func json(_ e: Explanation) -> String {
    let kind: String = if case .address = e.query { "address" } else { "name" }
    let root = JSONBuilder.object([
      "query": JSONBuilder.string(e.query.description),
      "kind": JSONBuilder.string(kind),
      "found": JSONBuilder.bool(e.found),
      "records": JSONBuilder.array(e.records.map { entry in
        JSONBuilder.object([
          "zone": JSONBuilder.string(entry.zone.description),
          "record": JSONBuilder.string(entry.record.zoneFileLine),
          "owner": JSONBuilder.string(entry.record.owner.description),
          "type": JSONBuilder.string(entry.record.type.rawValue),
          "ttl": JSONBuilder.number(entry.record.ttl),
          "data": JSONBuilder.string(entry.record.data.presentation),
          "origins": originsJSON(entry.origins, e.overrides),
        ])
      }),
      "excluded": JSONBuilder.array(e.exclusions.map { exclusion in
        JSONBuilder.object([
          "reason": JSONBuilder.string(exclusion.reason.id),
          "text": JSONBuilder.string(exclusion.reason.description),
          "objects": JSONBuilder.array(exclusion.objects.map { objectJSON($0, e.overrides) }),
        ])
      }),
    ])
    return root.jsonText(pretty: true) + "\n"
  }

  /// `[{"rule": ..., "text": ..., "objects": [...]}]`, also `diff --explain`'s.
  static func originsJSON(_ origins: [RecordOrigin], _ overrides: [ObjectKey: [SourceLocation]]) -> Node {
    JSONBuilder.array(origins.map { origin in
      JSONBuilder.object([
        "rule": JSONBuilder.string(origin.rule.id),
        "text": JSONBuilder.string(origin.rule.description),
        "objects": JSONBuilder.array(origin.objects.map { objectJSON($0, overrides) }),
      ])
    })
  }

  private static func objectJSON(_ object: ObjectReference, _ overrides: [ObjectKey: [SourceLocation]]) -> Node {
    JSONBuilder.object([
      "kind": JSONBuilder.string(object.kind),
      "namespace": JSONBuilder.string(object.namespace),
      "name": JSONBuilder.string(object.name),
      "file": JSONBuilder.string(object.location.file),
      "line": JSONBuilder.number(object.location.line),
      "column": JSONBuilder.number(object.location.column),
      "overrides": JSONBuilder.array(overridden(object, overrides).map(locationJSON)),
    ])
  }

  /// The definitions of `object`'s key other than its own: those it overrides.
  private static func overridden(_ object: ObjectReference, _ overrides: [ObjectKey: [SourceLocation]]) -> [SourceLocation] {
    (overrides[object.key] ?? []).filter { $0 != object.location }
  }

  private static func locationJSON(_ location: SourceLocation) -> Node {
    JSONBuilder.object([
      "file": JSONBuilder.string(location.file),
      "line": JSONBuilder.number(location.line),
      "column": JSONBuilder.number(location.column),
    ])
  }
}
