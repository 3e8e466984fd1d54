import Foundation

/// `kubezone diff OLD NEW` on zone files or folders of them.
public enum ZoneComparison {
  static let manifestExtensions: Set<String> = ["yaml", "yml", "json"]

  /// True when `arguments` are two `*.zone` files, or two folders that
  /// hold `*.zone` files and no manifests: then `diff` compares zones.
  public static func looksLikeZones(_ arguments: [String]) -> Bool {
    guard arguments.count == 2 else { return false }
    let kinds = arguments.map(kind)
    return kinds[0] != nil && kinds[0] == kinds[1]
  }

  private enum Kind { case file, folder }

  private static func kind(_ path: String) -> Kind? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
    if !isDirectory.boolValue { return path.hasSuffix(".zone") ? .file : nil }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
    let exts = names.filter { !$0.hasPrefix(".") }.map { ($0 as NSString).pathExtension.lowercased() }
    return exts.contains("zone") && !exts.contains(where: manifestExtensions.contains) ? .folder : nil
  }

  /// Compares two files (as one zone, whatever their origins) or two folders (zone by zone).
  public static func compare(_ oldPath: String, _ newPath: String) throws(InputError) -> ZoneSetDiff {
    var oldIsFolder: ObjCBool = false
    var newIsFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: oldPath, isDirectory: &oldIsFolder) else {
      throw InputError("\(oldPath): no such file or folder", at: nil)
    }
    guard FileManager.default.fileExists(atPath: newPath, isDirectory: &newIsFolder) else {
      throw InputError("\(newPath): no such file or folder", at: nil)
    }
    guard oldIsFolder.boolValue == newIsFolder.boolValue else {
      throw InputError("\(oldPath) and \(newPath): compare two files or two folders, not one of each", at: nil)
    }
    if !oldIsFolder.boolValue {
      let old = try readFile(oldPath)
      let new = try readFile(newPath)
      let origin = new.origin ?? old.origin ?? .root
      return ZoneSetDiff(zones: [ZoneDiff(origin: origin, old: old.records, new: new.records)])
    }
    return ZoneSetDiff(old: try readFolder(oldPath), new: try readFolder(newPath))
  }

  static func readFile(_ path: String) throws(InputError) -> ZoneFileContents {
    let name = (path as NSString).lastPathComponent
    let entry = ExistingZones.read(path: path, fileName: name)
    if let problem = entry.problem { throw problem }
    return entry.contents ?? ZoneFileContents(origin: nil, records: [])
  }

  static func readFolder(_ path: String) throws(InputError) -> [DomainName: [ResourceRecord]] {
    let existing = ExistingZones.read(folder: path)
    var zones: [DomainName: [ResourceRecord]] = [:]
    for name in existing.entries.keys.sorted() {
      guard let entry = existing.entries[name] else { continue }
      if let problem = entry.problem { throw problem }
      guard let contents = entry.contents, let origin = contents.origin else {
        throw InputError("\(entry.path): cannot tell the zone's origin (no SOA, no $ORIGIN)", at: nil)
      }
      if zones[origin] != nil { throw InputError("\(entry.path): a second file for zone \(origin)", at: nil) }
      zones[origin] = contents.records
    }
    return zones
  }
}
