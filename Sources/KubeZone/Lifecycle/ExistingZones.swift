import Foundation

/// The zone files already in the output folder, read before a run writes.
///
/// Every `*.zone` file is read: the one at each target path gives the old
/// records and serial, and all of them together are what the safety
/// guards protect. A file that cannot be parsed is kept with its error,
/// which stops a run that would write that zone.
public struct ExistingZones: Sendable {
  public struct Entry: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var contents: ZoneFileContents?
    /// Why the file could not be read or parsed.
    public var problem: InputError?
    /// The file is byte for byte what this run writes for its zone, with
    /// the file's serial: `contents` are that zone's records, not parsed
    /// (see `ExistingZones.read(folder:zones:writer:)`).
    public internal(set) var matched = false
  }

  /// By file name (`cluster.local.zone`).
  public var entries: [String: Entry]

  public init(entries: [String: Entry] = [:]) {
    self.entries = entries
  }

  /// Reads `folder`; a missing folder holds no zones.
  public static func read(folder: String) -> ExistingZones { read(folder: folder, known: [:]) }

  /// Like `read(folder:)`, but a file named in `known` takes that entry
  /// instead of being read.
  static func read(folder: String, known: [String: Entry]) -> ExistingZones {
    var result = ExistingZones()
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return result }
    for name in names.sorted() where name.hasSuffix(".zone") && !name.hasPrefix(".") {
      let path = folder + "/" + name
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        continue
      }
      result.entries[name] = known[name] ?? read(path: path, fileName: name)
    }
    return result
  }

  /// Reads one zone file; its origin defaults to the file name without `.zone`.
  public static func read(path: String, fileName: String) -> Entry {
    guard let data = FileManager.default.contents(atPath: path) else {
      return Entry(path: path, bytes: [], contents: nil, problem: InputError("\(path): cannot read file", at: nil))
    }
    let bytes = [UInt8](data)
    let origin = origin(fileName: fileName)
    do {
      let contents = try ZoneFileReader.read(bytes, file: path, origin: origin)
      return Entry(path: path, bytes: bytes, contents: contents, problem: nil)
    } catch {
      return Entry(path: path, bytes: bytes, contents: nil, problem: error.inputError)
    }
  }

  /// The origin a file starts with: its name without `.zone`; none for
  /// other names (`db.example`), whose relative names need a `$ORIGIN`.
  static func origin(fileName: String) -> DomainName? {
    guard fileName.hasSuffix(".zone"), fileName.count > ".zone".count else { return nil }
    return try? DomainName(String(fileName.dropLast(".zone".count)))
  }

  /// RRsets over every readable zone (see `RRsetCount`).
  public var rrsetCount: Int { Self.rrsetCount(entries.values) }

  /// RRsets over the readable zones that are not `matched`.
  var unmatchedRRsetCount: Int { Self.rrsetCount(entries.values.filter { !$0.matched }) }

  private static func rrsetCount(_ entries: some Sequence<Entry>) -> Int {
    entries.reduce(0) { total, entry in
      guard let c = entry.contents, let origin = c.origin else { return total }
      return total + RRsetCount.count(c.records, origin: origin)
    }
  }

  /// Every RRset of every readable zone, for naming what would be lost.
  public var rrsets: Set<RRsetCount.Key> {
    var out: Set<RRsetCount.Key> = []
    for entry in entries.values {
      guard let c = entry.contents, let origin = c.origin else { continue }
      out.formUnion(RRsetCount.keys(c.records, origin: origin))
    }
    return out
  }

  /// Which of the zone files `names` are still listed for service: members
  /// of the `catalog` zone file here, or named (`/<file>`) by one of
  /// `configs` (the texts of server configurations).
  func listed(_ names: some Sequence<String>, catalog: DomainName?, configs: [[UInt8]]) -> Set<String> {
    var members: Set<String> = []
    if let catalog, let old = entries[catalog.zoneFileName]?.contents {
      for record in old.records { if case .ptr(let member) = record.data { members.insert(member.zoneFileName) } }
    }
    return Set(names.filter { name in
      let needle = Array(("/" + name).utf8)
      return members.contains(name) || configs.contains { $0.contains(needle) }
    })
  }
}
