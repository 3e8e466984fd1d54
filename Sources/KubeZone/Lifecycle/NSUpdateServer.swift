/// Where `nsupdate` sends its updates: `--server HOST[:PORT]`, or
/// `[IPv6]:PORT`.
public struct NSUpdateServer: Sendable, Equatable {
  public var host: String
  public var port: UInt16?

  public init?(_ text: String) {
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else { return nil }
      host = String(text[text.index(after: text.startIndex)..<close])
      let rest = text[text.index(after: close)...]
      if rest.isEmpty {
        port = nil
      } else {
        guard rest.hasPrefix(":"), let p = UInt16(rest.dropFirst()) else { return nil }
        port = p
      }
    } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
      host = String(text[..<colon])
      guard let p = UInt16(text[text.index(after: colon)...]) else { return nil }
      port = p
    } else {
      host = text
      port = nil
    }
    if host.isEmpty || host.contains(where: { $0 == " " || $0 == "\n" }) { return nil }
  }
}
