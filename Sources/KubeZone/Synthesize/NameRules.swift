/// The Kubernetes naming rules that make a field safe to use as DNS labels.
///
/// Only names that pass these checks reach a zone file, so no input can
/// smuggle zone syntax (`;`, `$`, quotes, newlines, spaces) into a record.
public enum NameRules {
  /// RFC 1035 label as Kubernetes validates Service names: 1-63 of
  /// `[a-z0-9-]`, starting with a letter, ending with a letter or digit.
  public static func isDNS1035Label(_ s: String) -> Bool {
    guard let first = s.utf8.first, isLower(first) else { return false }
    return isDNS1123Label(s)
  }

  /// RFC 1123 label (namespaces, hostnames): 1-63 of `[a-z0-9-]`,
  /// starting and ending with a letter or digit.
  public static func isDNS1123Label(_ s: String) -> Bool {
    let u = s.utf8
    guard (1...63).contains(u.count), let first = u.first, let last = u.last,
      isLowerOrDigit(first), isLowerOrDigit(last)
    else { return false }
    return u.allSatisfy { isLowerOrDigit($0) || $0 == UInt8(ascii: "-") }
  }

  /// RFC 1123 subdomain (ExternalName targets): dot-separated 1123 labels,
  /// at most 253 characters.
  public static func isDNS1123Subdomain(_ s: String) -> Bool {
    guard (1...253).contains(s.utf8.count) else { return false }
    return s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
      isDNS1123Label(String($0))
    }
  }

  /// IANA service name (RFC 6335 §5.1), the rule for port names: 1-15 of
  /// `[a-z0-9-]`, at least one letter, no leading, trailing or double dash.
  public static func isIANAServiceName(_ s: String) -> Bool {
    let u = Array(s.utf8)
    guard (1...15).contains(u.count), u.first != UInt8(ascii: "-"), u.last != UInt8(ascii: "-")
    else { return false }
    for i in u.indices {
      guard isLowerOrDigit(u[i]) || u[i] == UInt8(ascii: "-") else { return false }
      if i > 0 && u[i] == UInt8(ascii: "-") && u[i - 1] == UInt8(ascii: "-") { return false }
    }
    return u.contains(where: isLower)
  }

  private static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
  private static func isLowerOrDigit(_ b: UInt8) -> Bool { isLower(b) || (b >= 48 && b <= 57) }
}
