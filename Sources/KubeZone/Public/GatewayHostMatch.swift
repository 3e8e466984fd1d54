/// How a route hostname meets a listener hostname, as the Gateway API
/// defines it and ExternalDNS computes it (source/gateway.go,
/// `gwMatchingHost`): an absent side matches the other; equal names
/// match; a wildcard `*.example.com` matches any name ending in
/// `.example.com` (more labels included), and two wildcards match as the
/// narrower one. The result is the more specific name, in lower case.
///
///     listener            route               published
///     (none)              shop.example.com    shop.example.com
///     *.example.com       shop.example.com    shop.example.com
///     shop.example.com    *.example.com       shop.example.com
///     *.example.com       *.a.example.com     *.a.example.com
///     a.example.com       b.example.com       (no match)
enum GatewayHostMatch {
  /// Both hosts are lower-cased valid hostnames (or "" for none).
  static func match(listener: String, route: String) -> String? {
    if listener.isEmpty { return route }
    if route.isEmpty || listener == route { return listener }
    var (a, b) = (listener, route)
    // `a` is the shorter (or, at equal lengths, the wildcard) one.
    if b.count < a.count || (a.count == b.count && b.hasPrefix("*.")) { swap(&a, &b) }
    if a.hasPrefix("*."), b.hasSuffix(a.dropFirst()) { return b }
    return nil
  }

  /// ExternalDNS's `gwProtocolMatches`: HTTPS counts as HTTP, and a TCP
  /// route attaches to a TLS listener.
  static func protocolMatches(route: String, listener: String) -> Bool {
    let r = route == "HTTPS" ? "HTTP" : route
    var l = listener == "HTTPS" ? "HTTP" : listener
    if r == "TCP" && l == "TLS" { l = "TCP" }
    return r == l
  }
}
