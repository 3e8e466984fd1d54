import Foundation

/// The time serials are made from: `SOURCE_DATE_EPOCH` when set (for
/// reproducible output, as reproducible-builds.org defines it), else now.
public enum Clock {
  public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int64 {
    if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text) { return seconds }
    return Int64(Date().timeIntervalSince1970)
  }
}
