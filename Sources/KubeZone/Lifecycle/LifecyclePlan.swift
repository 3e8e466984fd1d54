/// What a run will do to each file in the output folder, worked out
/// before anything is written (and all `--check` needs).
public struct LifecyclePlan: Sendable {
  public enum Status: String, Sendable {
    /// No file yet.
    case new
    /// Records differ: written with a new serial.
    case changed
    /// Records equal, serial aside: the file is not touched.
    case unchanged
    /// Records equal but the text differs (a new `zone.header`, or a file
    /// written by another tool): rewritten with the old serial, since
    /// servers need no reload for it.
    case reformatted
  }

  public struct Entry: Sendable {
    public var fileName: String
    public var path: String
    public var status: Status
    /// The zone as written (its final serial); nil for configuration files.
    public var zone: Zone?
    public var oldSerial: UInt32?
    /// The file's content; bytes, as rendered and as written, so a large
    /// zone is not held again as a `String`.
    public var bytes: [UInt8]
    public var text: String { String(decoding: bytes, as: UTF8.self) }
  }

  public var entries: [Entry]
  /// Existing zone files that could not be read, and are replaced.
  public var warnings: [String]

  public var hasChanges: Bool { entries.contains { $0.status != .unchanged } }

  /// The files to write, for `AtomicFileSet.commit`.
  public var pendingFiles: [AtomicFileSet.File] {
    entries.filter { $0.status != .unchanged }.map { AtomicFileSet.File(path: $0.path, bytes: $0.bytes) }
  }

  /// `cluster.local.zone: changed, serial 1700000000 -> 1700000300`.
  public var descriptions: [String] {
    entries.map { e in
      var line = "\(e.fileName): \(e.status.rawValue)"
      if let zone = e.zone {
        switch e.status {
        case .unchanged: line += ", serial \(e.oldSerial ?? zone.soa.serial)"
        case .reformatted: line += ", serial \(zone.soa.serial) kept (same records)"
        case .new: line += ", serial \(zone.soa.serial)"
        case .changed: line += ", serial " + (e.oldSerial.map { "\($0) -> " } ?? "") + "\(zone.soa.serial)"
        }
      }
      return line
    }
  }
}
