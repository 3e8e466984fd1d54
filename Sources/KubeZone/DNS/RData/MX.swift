/// MX data (RFC 1035 §3.3.9): a mail exchange for the owner, with its
/// preference (lower first). kubezone never makes one; hand-kept records
/// in `--static` files carry them into public zones.
public struct MX: Sendable, Hashable {
  public var preference: UInt16
  public var exchange: DomainName

  public init(preference: UInt16, exchange: DomainName) {
    self.preference = preference
    self.exchange = exchange
  }
}
