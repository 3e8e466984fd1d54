/// One object a publication filter left out, and why: the record
/// `kubezone explain` reads to answer "why is there no record for this?".
/// A run's list is `GenerateOutcome.exclusions`, in (kind, namespace, name)
/// order, one entry per object (the first filter that applied).
///
/// Which objects get one:
/// - a namespace filter: every Service, Pod, EndpointSlice and Endpoints
///   object of a namespace left out (`part == .all`);
/// - `--selector`: Services, EndpointSlices and Endpoints whose labels do
///   not match (`.all`); a Service whose endpoints come from its pods when
///   the EndpointSlice the controller would make for them does not match
///   (`.endpoints`, or `.all` when headless); Pods only with pod records
///   (`.podRecord`: the pod still counts as an endpoint of its Services);
/// - `--no-endpoints`: every EndpointSlice and Endpoints object, and every
///   headless Service (`.all`: without endpoints it has no record);
/// - `--ignore-empty-services`: the Services it hides (`.all`).
public struct FilterExclusion: Sendable, Hashable, CustomStringConvertible {
  /// Why the object was left out; each case belongs to one option.
  public enum Reason: Sendable, Hashable {
    /// `--namespaces` does not list the object's namespace.
    case namespaceNotListed
    /// `--exclude-namespaces` lists the object's namespace.
    case namespaceExcluded
    /// `--namespace-selector` does not match the labels of the object's Namespace.
    case namespaceLabelsMismatch(LabelSelector)
    /// `--namespace-selector` is set and the input has no Namespace object
    /// for the object's namespace (CoreDNS treats it as not existing).
    case namespaceNotInInput(LabelSelector)
    /// `--selector` does not match the object's own labels.
    case labelsMismatch(LabelSelector)
    /// `--selector` does not match the labels of the EndpointSlice the
    /// EndpointSlice controller would make for the Service (its labels plus
    /// `kubernetes.io/service-name`, `endpointslice.kubernetes.io/managed-by`
    /// and, when headless, `service.kubernetes.io/headless`).
    case endpointSliceLabelsMismatch(LabelSelector)
    /// `--no-endpoints`: endpoints are not read.
    case noEndpoints
    /// `--ignore-empty-services`: the Service has no ready endpoint.
    case emptyService

    /// The option that applied, as spelled on the command line.
    public var option: String {
      switch self {
      case .namespaceNotListed: "--namespaces"
      case .namespaceExcluded: "--exclude-namespaces"
      case .namespaceLabelsMismatch, .namespaceNotInInput: "--namespace-selector"
      case .labelsMismatch, .endpointSliceLabelsMismatch: "--selector"
      case .noEndpoints: "--no-endpoints"
      case .emptyService: "--ignore-empty-services"
      }
    }

    /// Why, in words, for the object `key`.
    public func explanation(of key: ObjectKey) -> String {
      let namespace = key.namespace
      if self == .noEndpoints && key.kind == "Service" {
        return "it is headless, and --no-endpoints leaves out the endpoints that are its only records"
      }
      return switch self {
      case .namespaceNotListed: "namespace \(namespace) is not in --namespaces"
      case .namespaceExcluded: "namespace \(namespace) is in --exclude-namespaces"
      case .namespaceLabelsMismatch(let s):
        "the labels of Namespace \(namespace) do not match --namespace-selector '\(s.text.escapedForMessage)'"
      case .namespaceNotInInput(let s):
        "--namespace-selector '\(s.text.escapedForMessage)' is set and the input has no Namespace \(namespace)"
      case .labelsMismatch(let s): "its labels do not match --selector '\(s.text.escapedForMessage)'"
      case .endpointSliceLabelsMismatch(let s):
        "the EndpointSlice the controller makes for it would not match --selector '\(s.text.escapedForMessage)'"
      case .noEndpoints: "--no-endpoints reads no endpoints"
      case .emptyService: "it has no ready endpoint (--ignore-empty-services)"
      }
    }
  }

  /// What the filter took away from the object.
  public enum Part: String, Sendable, Hashable {
    /// Every record the object would have made.
    case all
    /// The Service's endpoint records (endpoint names, their PTRs); its
    /// own address, SRV and PTR records stay.
    case endpoints
    /// The Pod's `<a-b-c-d>.<ns>.pod` record; its addresses still count
    /// as endpoints of the Services that select it.
    case podRecord
  }

  /// Kind, namespace and name.
  public var object: ObjectKey
  /// Where the object starts in the input.
  public var location: SourceLocation
  public var reason: Reason
  public var part: Part
  /// The object's own addresses (a Service's cluster IPs, a Pod's IPs),
  /// so `explain` can say why an address has no record or PTR.
  public var addresses: [IPAddress]

  public init(object: ObjectKey, location: SourceLocation, reason: Reason, part: Part = .all, addresses: [IPAddress] = []) {
    self.object = object
    self.location = location
    self.reason = reason
    self.part = part
    self.addresses = addresses
  }

  /// `Service team-a/web left out: namespace team-a is not in --namespaces`.
  public var description: String {
    let what: String
    switch part {
    case .all: what = "left out"
    case .endpoints: what = "endpoints left out"
    case .podRecord: what = "pod record left out"
    }
    return "\(object) \(what): \(reason.explanation(of: object))"
  }

  /// The `--verbose` note for this exclusion, at the object.
  public var note: Diagnostic { Diagnostic(.note, description, at: location) }
}
