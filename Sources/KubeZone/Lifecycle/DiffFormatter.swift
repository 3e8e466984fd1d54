/// Renders a `ZoneSetDiff` as text, JSON or an nsupdate script.
public enum DiffFormatter {
  public enum Format: String, Sendable, CaseIterable {
    case text, json, nsupdate
  }

  /// Unified-diff-like text: a header per changed zone, `-`/`+` record
  /// lines in zone-file syntax, then the summary line.
  ///
  ///     --- cluster.local. (changed)
  ///     - web.default.svc.cluster.local. 30 IN A 10.244.1.5
  ///     + web.default.svc.cluster.local. 30 IN A 10.244.2.9
  ///     1 zone: 1 added, 1 removed, 0 zones unchanged
  ///
  /// With `explainer` (`--explain`), each added record is followed by the
  /// rule and the objects that made it.
  public static func text(_ diff: ZoneSetDiff, explainer: Explainer? = nil) -> String {
    var out = ""
    for zone in diff.zones where !zone.isUnchanged {
      out += "--- \(zone.origin) (\(zone.status.rawValue))\n"
      for (sign, record) in zone.lines {
        out += "\(sign) \(record.zoneFileLine)\n"
        if sign == "+", let explainer {
          out += ExplanationFormatter.origins(
            explainer.origins(of: record, zone: zone.origin), explainer.provenance.definitions, indent: "    ")
        }
      }
    }
    return out + diff.summary + "\n"
  }

  /// One JSON object: every zone with its status and record lines, and the
  /// counts. With `explainer`, each zone also has `explained`: the added
  /// records in the same order, each with its `origins` as `explain` gives them.
  public static func json(_ diff: ZoneSetDiff, explainer: Explainer? = nil) -> String {
    var out = "{\n  \"zones\": ["
    for (i, zone) in diff.zones.enumerated() {
      out += i == 0 ? "\n" : ",\n"
      out += "    {\"zone\": \(quote(zone.origin.description)), \"status\": \(quote(zone.status.rawValue)),\n"
      out += "     \"added\": [" + zone.added.map { quote($0.zoneFileLine) }.joined(separator: ", ") + "],\n"
      if let explainer {
        let explained = JSONBuilder.array(zone.added.map { record in
          JSONBuilder.object([
            "record": JSONBuilder.string(record.zoneFileLine),
            "origins": ExplanationFormatter.originsJSON(
              explainer.origins(of: record, zone: zone.origin), explainer.provenance.definitions),
          ])
        })
        out += "     \"explained\": " + explained.jsonText() + ",\n"
      }
      out += "     \"removed\": [" + zone.removed.map { quote($0.zoneFileLine) }.joined(separator: ", ") + "]}"
    }
    out += diff.zones.isEmpty ? "],\n" : "\n  ],\n"
    out += "  \"summary\": {\"zones\": \(diff.zones.count), \"added\": \(diff.addedCount), "
    out += "\"removed\": \(diff.removedCount), \"unchanged\": \(diff.unchangedCount)}\n}\n"
    return out
  }

  /// An RFC 2136 script for `nsupdate`: per changed zone, deletions first
  /// (so a CNAME can replace other data), then additions, then `send`.
  /// SOA changes are left out: the server maintains a dynamic zone's SOA
  /// and bumps its serial itself on every update.
  public static func nsupdate(_ diff: ZoneSetDiff, server: NSUpdateServer?) -> String {
    var out = ""
    for zone in diff.zones where !zone.isUnchanged {
      let removed = zone.removed.filter { $0.type != .soa }
      let added = zone.added.filter { $0.type != .soa }
      if removed.isEmpty && added.isEmpty { continue }
      if let server { out += "server \(server.host)" + (server.port.map { " \($0)" } ?? "") + "\n" }
      out += "zone \(zone.origin)\n"
      for r in removed { out += "update delete \(r.zoneFileLine)\n" }
      for r in added { out += "update add \(r.zoneFileLine)\n" }
      out += "send\n"
    }
    return out
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
