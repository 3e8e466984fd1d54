import Testing
@testable import KubeZone

/// Runs the public-name sources on manifests written in a test, as the
/// pipeline does: decode with public names on, build the inventory, ask
/// `PublicNameSources`. Records read as `name TYPE data [ttl]` lines.
enum PublicSourceHarness {
  struct Outcome {
    var records: [PublicRecord]
    var log: DiagnosticLog

    /// `shop.example.com. A 203.0.113.10`, with ` ttl=N` when the record has one.
    var lines: [String] {
      records.map { r in "\(r.owner) \(r.type.rawValue) \(r.data.presentation)" + (r.ttl.map { " ttl=\($0)" } ?? "") }
    }

    var warnings: [String] { log.warnings.map(\.description) }
  }

  static func options(
    sources: Set<PublicSourceKind> = PublicSourceKind.defaults, prefix: String? = nil, templates: [String] = [],
    annotationFilter: String? = nil, labelFilter: String? = nil
  ) throws -> PublicNameOptions {
    PublicNameOptions(
      zones: [try DomainName("example.com")], sources: sources, annotationPrefix: prefix,
      fqdnTemplates: try templates.map { try Template($0, file: "--fqdn-template") },
      annotationFilter: try annotationFilter.map { try LabelSelector($0) },
      labelFilter: try labelFilter.map { try LabelSelector($0) })
  }

  static func run(
    _ yaml: String, options: PublicNameOptions? = nil, strict: Bool = false, file: String = "in.yaml",
    filter: PublicationFilter = PublicationFilter()
  ) throws -> Outcome {
    var decoded = ObjectDecoder.Result()
    let decoder = ObjectDecoder(defaultNamespace: "default", publicNames: true)
    for document in try YAMLReader.documents(Array(yaml.utf8), file: file) {
      try decoder.decode(document, into: &decoded)
    }
    var log = DiagnosticLog()
    let inventory = try Inventory(decoded.objects, filter: filter, log: &log, conflicts: ConflictCheck(strict: false))
    let records = try PublicNameSources.records(inventory, options: options ?? Self.options(), strict: strict, log: &log)
    return Outcome(records: records, log: log)
  }

  /// A Service manifest: `annotations` as `key: value` lines under
  /// `external-dns.kubernetes.io/` unless a key has a `/`; `spec` and
  /// `status` as YAML lines indented under their keys.
  static func service(
    _ name: String = "web", annotations: [String: String] = [:], spec: String, status: String = ""
  ) -> String {
    object("v1", "Service", name, annotations: annotations, spec: spec, status: status)
  }

  static func object(
    _ apiVersion: String, _ kind: String, _ name: String, namespace: String? = "default",
    annotations: [String: String] = [:], labels: [String: String] = [:], spec: String = "", status: String = ""
  ) -> String {
    var out = "apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata:\n  name: \(name)\n"
    if let namespace { out += "  namespace: \(namespace)\n" }
    if !labels.isEmpty {
      out += "  labels:\n" + labels.sorted { $0.key < $1.key }.map { "    \($0.key): \"\($0.value)\"\n" }.joined()
    }
    if !annotations.isEmpty {
      out += "  annotations:\n"
      for (k, v) in annotations.sorted(by: { $0.key < $1.key }) {
        let key = k.contains("/") ? k : "external-dns.kubernetes.io/" + k
        out += "    \(key): \"\(v)\"\n"
      }
    }
    if !spec.isEmpty { out += "spec:\n" + indent(spec) }
    if !status.isEmpty { out += "status:\n" + indent(status) }
    return out + "---\n"
  }

  private static func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.map { "  " + $0 + "\n" }.joined()
  }
}
