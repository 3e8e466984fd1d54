/// What a run publishes: the filters of CoreDNS's `kubernetes` plugin
/// (1.14), plus `--exclude-namespaces`. Applied while the inventory is
/// built, so an object left out reaches neither forward records nor PTRs.
/// See docs/filters.md for each filter and the CoreDNS source it follows.
public struct PublicationFilter: Sendable, Hashable {
  /// `--namespaces` (CoreDNS `namespaces`): only these; nil for all.
  public var namespaces: Set<String>?
  /// `--exclude-namespaces`: never these.
  public var excludedNamespaces: Set<String>
  /// `--selector` (CoreDNS `labels`): Services, EndpointSlices and
  /// Endpoints by their own labels, Pods (for pod records) by theirs.
  public var selector: LabelSelector?
  /// `--namespace-selector` (CoreDNS `namespace_labels`): only namespaces
  /// whose Namespace object's labels match; needs Namespace objects.
  public var namespaceSelector: LabelSelector?
  /// `--no-endpoints` (CoreDNS `noendpoints`): no endpoint is read.
  public var noEndpoints: Bool
  /// `--ignore-empty-services` (CoreDNS `ignore empty_service`): ClusterIP,
  /// NodePort and LoadBalancer Services without a ready endpoint are left out.
  public var ignoreEmptyServices: Bool

  public init(
    namespaces: Set<String>? = nil, excludedNamespaces: Set<String> = [], selector: LabelSelector? = nil,
    namespaceSelector: LabelSelector? = nil, noEndpoints: Bool = false, ignoreEmptyServices: Bool = false
  ) {
    self.namespaces = namespaces
    self.excludedNamespaces = excludedNamespaces
    self.selector = selector
    self.namespaceSelector = namespaceSelector
    self.noEndpoints = noEndpoints
    self.ignoreEmptyServices = ignoreEmptyServices
  }

  /// True when nothing is filtered.
  public var isEmpty: Bool { self == PublicationFilter() }

  /// Whether namespaces are filtered at all.
  var filtersNamespaces: Bool { namespaces != nil || !excludedNamespaces.isEmpty || namespaceSelector != nil }

  /// Why objects of `namespace` are left out, or nil when they are kept.
  /// `labels` are the labels of its Namespace object (nil when the input
  /// has none), read only with a namespace selector.
  func namespaceVerdict(_ namespace: String, labels: [String: String]?) -> FilterExclusion.Reason? {
    if let namespaces, !namespaces.contains(namespace) { return .namespaceNotListed }
    if excludedNamespaces.contains(namespace) { return .namespaceExcluded }
    if let namespaceSelector {
      guard let labels else { return .namespaceNotInInput(namespaceSelector) }
      if !namespaceSelector.matches(labels) { return .namespaceLabelsMismatch(namespaceSelector) }
    }
    return nil
  }
}
