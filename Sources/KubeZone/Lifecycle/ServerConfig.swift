import Foundation

/// A DNS server configuration written beside the zones (`--emit`), from a
/// template in kubezone's template language.
///
/// Placeholders: `{{generator}}`, `{{zone-dir}}` (where the server finds
/// the zone files: `--zone-dir`, else the output folder's absolute path),
/// `{{config-dir}}` (the output folder's absolute path), and the list
/// `{{#zones}}` with `{{zone}}` (name without the final dot), `{{origin}}`
/// (with it), `{{file}}` (`cluster.local.zone`) and `{{path}}`
/// (`<zone-dir>/<file>`). `--secondary` gives the list `{{#secondaries}}`
/// with `{{number}}` (1, 2, ...: for ids), `{{address}}`, `{{port}}`,
/// `{{address-port}}` (`ip:port`, `[ip]:port`) and `{{address-at-port}}`
/// (`ip@port`), and
/// `{{#if-secondaries}}`, a list of one empty item when there are
/// secondaries and of none otherwise: the template language's "if".
public enum ServerConfig: String, Sendable, CaseIterable {
  case bind
  case coredns
  case knot
  case nsd
  case powerdns

  /// The file written into the output folder, and the template's name.
  public var fileName: String {
    switch self {
    case .bind: "named.conf.zones"
    case .coredns: "Corefile"
    case .knot: "knot.conf.zones"
    case .nsd: "nsd.conf.zones"
    case .powerdns: "pdns.bind.conf"
    }
  }

  public var defaultTemplate: String {
    switch self {
    case .bind: DefaultTemplates.namedConfZones
    case .coredns: DefaultTemplates.corefile
    case .knot: DefaultTemplates.knotConfZones
    case .nsd: DefaultTemplates.nsdConfZones
    case .powerdns: DefaultTemplates.pdnsBindConf
    }
  }

  /// The template: `<templates>/<fileName>` when that file exists, else the built-in one.
  public func template(folder: String?) throws(TemplateError) -> Template {
    if let folder {
      let path = folder + "/" + fileName
      if let data = FileManager.default.contents(atPath: path) {
        return try Template(String(decoding: data, as: UTF8.self), file: path)
      }
    }
    return try Template(defaultTemplate, file: fileName)
  }

  /// Renders the configuration for `zones`.
  public static func render(
    _ template: Template, zones: [Zone], zoneDir: String, configDir: String, secondaries: [Secondary] = [],
    generator: String = "kubezone"
  ) throws(TemplateError) -> String {
    let items: [[String: Template.Value]] = zones.map { zone in
      [
        "zone": .text(zone.serverName),
        "origin": .text(zone.origin.description),
        "file": .text(zone.fileName),
        "path": .text(zoneDir + "/" + zone.fileName),
      ]
    }
    return try template.render([
      "generator": .text(generator),
      "zone-dir": .text(zoneDir),
      "config-dir": .text(configDir),
      "zones": .list(items),
      "secondaries": .list(secondaries.enumerated().map { i, secondary in
        secondary.templateValues.merging(["number": .text(String(i + 1))]) { a, _ in a }
      }),
      "if-secondaries": .list(secondaries.isEmpty ? [] : [[:]]),
    ])
  }

  /// The absolute form of `path`, without a trailing slash.
  public static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }
}
