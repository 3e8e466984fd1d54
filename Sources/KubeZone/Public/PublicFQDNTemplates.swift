/// `--fqdn-template`: names for objects whose annotations (or, for an
/// Ingress or a route, spec) give none, as ExternalDNS's `--fqdn-template`
/// does (source/template/engine.go, `CombineWithEndpoints` without
/// `--combine-fqdn-annotation`). Written in kubezone's template language
/// instead of Go's, with these variables:
///
///     {{name}}        the object's name
///     {{namespace}}   its namespace (empty for a Node)
///     {{kind}}        its kind, lower case: service, ingress, httproute, node...
///
/// Each template may give several names separated by commas, as in
/// ExternalDNS; an invalid one is warned about at the object.
struct PublicFQDNTemplates {
  let templates: [Template]

  /// The names the templates give `subject`, positioned at the object.
  func names(_ subject: PublicSubject, kind: String, into sink: inout PublicRecordSink) throws(InputError) -> [FieldText] {
    guard !templates.isEmpty else { return [] }
    let context: [String: Template.Value] = [
      "name": .text(subject.meta.name), "namespace": .text(subject.meta.namespace), "kind": .text(kind.lowercased()),
    ]
    var out: [FieldText] = []
    for template in templates {
      let text: String
      do throws(TemplateError) {
        text = try template.render(context)
      } catch {
        throw error.inputError
      }
      out += PublicHostname.split(FieldText(text, at: subject.meta.location))
    }
    return out
  }
}
