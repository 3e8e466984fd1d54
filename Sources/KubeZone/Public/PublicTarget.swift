/// A target of a public record, as ExternalDNS's `SuitableType` sorts
/// them: a text that parses as an IP address is an address (A or AAAA),
/// anything else a name (CNAME).
enum PublicTarget: Sendable, Hashable {
  case address(IPAddress)
  case name(DomainName)

  var data: RData {
    switch self {
    case .address(let ip): .address(ip)
    case .name(let n): .cname(n)
    }
  }

  /// The target `text` stands for, or why it stands for none: a name
  /// must be a valid hostname (`PublicHostname`), without wildcard.
  static func parse(_ text: String) -> Result<PublicTarget, PublicHostname.Invalid> {
    if let ip = IPAddress(text) { return .success(.address(ip)) }
    switch PublicHostname.parse(text, wildcard: false) {
    case .success(let n): return .success(.name(n))
    case .failure(let e): return .failure(e)
    }
  }

  /// The target of `field`, or nil after rejecting it with `what` (the
  /// field's role: "target annotation", "status.loadBalancer.ingress[].ip").
  static func read(_ field: FieldText, _ what: String, of object: ObjectReference, into sink: inout PublicRecordSink)
    throws(InputError) -> PublicTarget?
  {
    switch parse(field.text) {
    case .success(let t):
      return t
    case .failure(let e):
      try sink.reject("\(object.key): \(what) '\(field.text.escapedForMessage)' is not an IP address or a valid hostname (\(e)); no record for it", at: field.location)
      return nil
    }
  }

  /// An address field (`ip` in a status, a Node address): an IP, else rejected.
  static func readAddress(_ field: FieldText, _ what: String, of object: ObjectReference, into sink: inout PublicRecordSink)
    throws(InputError) -> PublicTarget?
  {
    guard let ip = IPAddress(field.text) else {
      try sink.reject("\(object.key): \(what) '\(field.text.escapedForMessage)' is not an IP address; no record for it", at: field.location)
      return nil
    }
    return .address(ip)
  }
}
