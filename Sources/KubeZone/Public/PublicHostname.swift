/// The names public records may carry: RFC 1123 host names (letters,
/// digits, inner hyphens; 1 to 63 octets a label, 253 characters in all,
/// one trailing dot allowed), with a `*` first label for wildcards;
/// read in lowercase.
///
/// ExternalDNS hands any string to its provider, which may accept what a
/// zone file cannot hold or BIND's `check-names` refuses (`_`, spaces,
/// `;`, `(`): those are rejected here, so no zone is ever broken by one.
enum PublicHostname {
  /// Why a text is no hostname, for the warning.
  struct Invalid: Error, CustomStringConvertible {
    var description: String
  }

  static func parse(_ text: String, wildcard: Bool = true) -> Result<DomainName, Invalid> {
    var body = Substring(text)
    if body.hasSuffix(".") { body = body.dropLast() }
    if body.isEmpty { return .failure(Invalid(description: "empty")) }
    if body.utf8.count > 253 { return .failure(Invalid(description: "longer than 255 octets")) }
    let labels = body.split(separator: ".", omittingEmptySubsequences: false)
    for (i, label) in labels.enumerated() {
      if label.isEmpty { return .failure(Invalid(description: "empty label")) }
      if label == "*" {
        if wildcard && i == 0 { continue }
        return .failure(Invalid(description: wildcard ? "'*' only as the first label" : "a wildcard"))
      }
      if label.utf8.count > DomainName.maxLabelLength {
        return .failure(Invalid(description: "label '\(label.prefix(20))...' is longer than 63 octets"))
      }
      if let bad = label.unicodeScalars.first(where: { !isHostChar($0) }) {
        let shown = bad == " " ? "a space" : "'\(String(bad).escapedForMessage)'"
        return .failure(Invalid(description: "\(shown) is not allowed in a hostname"))
      }
      if label.hasPrefix("-") || label.hasSuffix("-") {
        return .failure(Invalid(description: "label '\(label)' starts or ends with '-'"))
      }
    }
    do {
      // Written in lowercase: DNS compares names without case, and one
      // spelling keeps the files byte-stable whatever the manifests wrote.
      return .success(try DomainName(labels: labels.map { Array($0.lowercased().utf8) }))
    } catch {
      return .failure(Invalid(description: "\(error)"))
    }
  }

  private static func isHostChar(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "a"..."z", "A"..."Z", "0"..."9", "-": true
    default: false
    }
  }

  /// The items of a comma-separated annotation (ExternalDNS's
  /// `SplitHostnameAnnotation`): blanks around each item dropped, empty
  /// items skipped. Blanks inside an item stay, and make it invalid
  /// (ExternalDNS deletes them, joining the words).
  static func split(_ value: FieldText) -> [FieldText] {
    value.text.split(separator: ",").compactMap { item in
      let trimmed = item.trimmingBlanks
      return trimmed.isEmpty ? nil : FieldText(String(trimmed), at: value.location)
    }
  }

  /// The name of `field`, or nil after rejecting it (`what`: the field's
  /// role, for the message).
  static func read(_ field: FieldText, _ what: String, of object: ObjectReference, into sink: inout PublicRecordSink)
    throws(InputError) -> DomainName?
  {
    switch parse(field.text) {
    case .success(let n):
      return n
    case .failure(let e):
      try sink.reject("\(object.key): \(what) '\(field.text.escapedForMessage)' is not a valid hostname (\(e)); no record for it", at: field.location)
      return nil
    }
  }
}

extension Substring {
  /// Without leading and trailing spaces and tabs.
  var trimmingBlanks: Substring {
    var s = self
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return s
  }
}
