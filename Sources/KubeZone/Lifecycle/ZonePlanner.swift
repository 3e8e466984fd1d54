/// Decides, per zone, whether a run leaves the file alone or writes it
/// with which serial; and renders the server configurations.
///
/// A zone whose records (serial aside) equal the file's is `unchanged`:
/// same bytes, same mtime, no reload, no git noise. Otherwise the serial
/// comes from the scheme and always moves forward from the file's. Equal
/// records in a different layout are `reformatted` with the old serial, so
/// `--check` still tells when the files differ from what a run writes.
/// A `matched` file is that zone as this run writes it: unchanged, with
/// no comparing or rendering. A zone file that cannot be read stops the
/// run (exit 2): it is input, and it stays as it is.
public struct ZonePlanner: Sendable {
  /// The `{{generator}}` of the zone header.
  static let generator = "kubezone"

  public var options: LifecycleOptions
  public var header: Template

  public init(options: LifecycleOptions, header: Template) {
    self.options = options
    self.header = header
  }

  public func plan(zones: [Zone], existing: ExistingZones, folder: String) throws(InputError) -> LifecyclePlan {
    var entries: [LifecyclePlan.Entry] = []
    var warnings: [String] = []
    var written: [Zone] = []
    // Zones are compared and rendered on all cores; the first zone in
    // order that fails stops the run, as a loop would.
    let planned = ParallelMap.map(zones) { zone -> Result<(LifecyclePlan.Entry, [String]), InputError> in
      do throws(InputError) {
        return .success(try self.plan(zone, old: existing.entries[zone.fileName], folder: folder))
      } catch {
        return .failure(error)
      }
    }
    for result in planned {
      let (entry, zoneWarnings) = try result.get()
      if let zone = entry.zone { written.append(zone) }
      warnings += zoneWarnings
      entries.append(entry)
    }
    let configDir = ServerConfig.absolute(folder)
    let zoneDir = options.zoneDir.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 } ?? configDir
    // Every format takes the path as one token: named.conf in quotes, the
    // Corefile and knot.conf bare; these characters would end or break it.
    if !options.emit.isEmpty, let bad = zoneDir.unicodeScalars.first(where: { "\"\\;{}# \t\r\n".unicodeScalars.contains($0) }) {
      throw InputError(
        "zone folder '\(zoneDir)' holds '\(bad.escaped(asASCII: true))', which the server configurations cannot hold; "
          + "pass --zone-dir with a plain path", at: nil)
    }
    var oldConfigs: [[UInt8]] = []
    for config in options.emit {
      let text: String
      do {
        let template = try config.template(folder: options.templates)
        text = try ServerConfig.render(
          template, zones: written, zoneDir: zoneDir, configDir: configDir, secondaries: options.secondaries)
      } catch {
        throw error.inputError
      }
      let path = folder + "/" + config.fileName
      let old = FileBytes.read(path)
      if let old, old != Array(text.utf8) { oldConfigs.append(old) }
      let status: LifecyclePlan.Status = old == nil ? .new : (old == Array(text.utf8) ? .unchanged : .changed)
      entries.append(.init(fileName: config.fileName, path: path, status: status, zone: nil, oldSerial: nil, bytes: Array(text.utf8)))
    }
    entries += leftovers(existing: existing, produced: Set(zones.map(\.fileName)), oldConfigs: oldConfigs)
    return LifecyclePlan(entries: entries, warnings: warnings)
  }

  /// The zone files in the folder that this run does not produce: deleted
  /// with `--prune`, else kept. Either way they leave the catalog and the
  /// configurations, which list only this run's zones. A kept file
  /// leaves service in the run that drops it from the old
  /// catalog or from a rewritten configuration (`oldConfigs`): only then
  /// is it among `changedZones`, so `--on-change` reloads once.
  private func leftovers(existing: ExistingZones, produced: Set<String>, oldConfigs: [[UInt8]]) -> [LifecyclePlan.Entry] {
    let stale = existing.entries.keys.filter { !produced.contains($0) }
    let listed = existing.listed(stale, catalog: options.catalog, configs: oldConfigs)
    return stale.sorted().compactMap { name in
      guard let old = existing.entries[name] else { return nil }
      let origin = old.contents?.origin ?? ExistingZones.origin(fileName: name)
      return .init(
        fileName: name, path: old.path, status: options.prune ? .removed : .stale, zone: nil,
        oldSerial: old.contents?.soa?.serial, bytes: [], removedZone: origin?.serverName, leftService: listed.contains(name))
    }
  }

  /// One zone's entry (the zone with its serial, status and bytes) and
  /// its warnings.
  private func plan(
    _ zone: Zone, old: ExistingZones.Entry?, folder: String
  ) throws(InputError) -> (LifecyclePlan.Entry, [String]) {
    var zone = zone
    var warnings: [String] = []
    let path = folder + "/" + zone.fileName
    if var problem = old?.problem {
      // Its serial and any records added by hand are unknown: replacing
      // it could move the serial back or drop them.
      problem.diagnostic.message += "; kubezone does not replace a zone file it cannot read: fix it or move it away"
      throw problem
    }
    let oldSerial = old?.contents?.soa?.serial
    let status: LifecyclePlan.Status
    let bytes: [UInt8]
    if let old, old.matched, let oldSerial {
      // The file is this zone rendered with its serial: no comparing, no rendering.
      zone.soa.serial = oldSerial
      (status, bytes) = (.unchanged, old.bytes)
    } else {
      (status, bytes) = try compare(
        &zone, old: old, path: path, writer: ZoneWriter(header: header), warnings: &warnings)
    }
    let entry = LifecyclePlan.Entry(
      fileName: zone.fileName, path: path, status: status, zone: zone, oldSerial: oldSerial, bytes: bytes)
    return (entry, warnings)
  }

  /// Status and text of a zone against a file parsed in full (or none);
  /// sets the zone's serial.
  private func compare(
    _ zone: inout Zone, old: ExistingZones.Entry?, path: String, writer: ZoneWriter, warnings: inout [String]
  ) throws(InputError) -> (LifecyclePlan.Status, [UInt8]) {
    let oldContents = old?.contents
    let oldSerial = oldContents?.soa?.serial
    var status: LifecyclePlan.Status
    if let oldContents, let oldSerial, ZoneDiff.sameRecords(oldContents.records, zone.allRecords) {
      status = .unchanged
      zone.soa.serial = oldSerial
    } else {
      status = old == nil ? .new : .changed
      zone.soa.serial = options.forcedSerial ?? options.scheme.next(after: oldSerial, now: options.now)
      if let oldSerial, !Serial(oldSerial).isLess(than: Serial(zone.soa.serial)) {
        warnings.append(
          "\(path): --serial \(zone.soa.serial) is not greater than the old serial \(oldSerial) (RFC 1982); "
            + "secondaries and CoreDNS will not load the change")
      }
    }
    let bytes: [UInt8]
    do {
      bytes = try writer.bytes(for: zone, generator: Self.generator).bytes
    } catch {
      throw error.inputError
    }
    // Rendering is deterministic, so equal records give equal bytes
    // unless the layout itself changed.
    if status == .unchanged, old?.bytes != bytes { status = .reformatted }
    return (status, bytes)
  }
}
