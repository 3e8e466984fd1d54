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
    /// A zone file this run no longer produces, deleted (`--prune`).
    case removed
    /// A zone file this run no longer produces, left in place: it is gone
    /// from the catalog and configurations, not from the folder.
    case stale
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
    /// The zone a removed or stale file held, as configurations name it.
    public var removedZone: String?
    /// A stale file's zone was served before this run (listed in the old
    /// catalog or a rewritten configuration) and is not any more.
    public var leftService = false
  }

  public var entries: [Entry]
  /// Existing zone files that could not be read, and are replaced.
  public var warnings: [String]

  public var hasChanges: Bool { entries.contains { $0.status.changesFiles } }

  /// The files to write, for `AtomicFileSet.commit`.
  public var pendingFiles: [AtomicFileSet.File] {
    entries.filter { $0.status.writesFile }.map { AtomicFileSet.File(path: $0.path, bytes: $0.bytes) }
  }

  /// The files to delete with them (`--prune`).
  public var removedPaths: [String] { entries.filter { $0.status == .removed }.map(\.path) }

  /// The zones servers must reload: written with new records, deleted,
  /// or dropped from the catalog and configurations; named as the
  /// configurations name them (`cluster.local`, no final dot).
  public var changedZones: [String] {
    entries.compactMap { e in
      if e.status == .removed || (e.status == .stale && e.leftService) { return e.removedZone }
      guard let zone = e.zone, e.status == .new || e.status == .changed else { return nil }
      return zone.serverName
    }
  }

  /// True when a configuration file (`--emit`) is written.
  public var configurationChanged: Bool { entries.contains { $0.zone == nil && $0.status.writesFile } }

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
        case .removed, .stale: break
        }
      }
      switch e.status {
      case .removed: line += " (no longer produced)"
      case .stale: line = "\(e.fileName): no longer produced; file kept (--prune deletes it)"
      default: break
      }
      return line
    }
  }
}

extension LifecyclePlan.Status {
  /// The run writes this file.
  var writesFile: Bool { self == .new || self == .changed || self == .reformatted }
  /// The run writes or deletes this file.
  var changesFiles: Bool { writesFile || self == .removed }
}

extension Zone {
  /// The name as server configurations write it (see `DomainName.serverName`).
  public var serverName: String { origin.serverName }
}

extension DomainName {
  /// The zone file of a zone with this origin (see `Zone.fileName`).
  public var zoneFileName: String { (self == .root ? "root" : serverName) + ".zone" }

  /// The name as server configurations write it: no final dot (`.` for the root).
  public var serverName: String {
    let text = description
    return text == "." ? "." : String(text.dropLast())
  }
}
