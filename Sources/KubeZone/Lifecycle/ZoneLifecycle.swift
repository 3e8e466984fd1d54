/// The write half of `kubezone generate`: lock, read what is there, guard,
/// plan, then commit every changed file at once.
///
///     lock out/.kubezone.lock  ->  read out/*.zone  ->  SafetyGuard
///       ->  ZonePlanner (unchanged / serial)  ->  AtomicFileSet.commit
///
/// A zone file that already holds byte for byte what the run would write
/// (with its own serial) is not parsed: the every-minute run with nothing
/// changed reads one SOA and renders once per zone.
///
/// With `checkOnly` nothing is locked or written: the plan tells whether
/// files would change (`generate --check`).
public enum ZoneLifecycle {
  public static func run(
    zones: [Zone], serviceCount: Int, header: Template, folder: String,
    options: LifecycleOptions, checkOnly: Bool = false, filterNote: String? = nil
  ) throws(KubeZoneFailure) -> LifecyclePlan {
    var lock: OutputLock?
    if !checkOnly {
      try KubeZoneFailure.wrap { () throws(InputError) in try ZoneFileWriter.prepareFolder(folder) }
      lock = try KubeZoneFailure.wrap { () throws(InputError) in
        try OutputLock.acquire(folder: folder, timeout: options.lockTimeout)
      }
      AtomicFileSet.removeLeftovers(in: folder)
    }
    defer { lock?.release() }
    let zones = try withCatalog(zones, options: options)
    let existing = ExistingZones.read(folder: folder, zones: zones, writer: ZoneWriter(header: header))
    if !options.force {
      try options.guardOptions.check(
        existing: existing, new: zones, serviceCount: serviceCount, folder: folder, filterNote: filterNote)
    }
    let plan = try KubeZoneFailure.wrap { () throws(InputError) in
      try ZonePlanner(options: options, header: header).plan(zones: zones, existing: existing, folder: folder)
    }
    if !checkOnly {
      try KubeZoneFailure.wrap { () throws(InputError) in
        try AtomicFileSet.commit(plan.pendingFiles, removing: plan.removedPaths)
      }
    }
    return plan
  }

  /// `zones` and, with `--emit catalog`, the catalog zone listing them.
  static func withCatalog(
    _ zones: [Zone], options: LifecycleOptions, command: String = "generate"
  ) throws(KubeZoneFailure) -> [Zone] {
    guard let name = options.catalog else { return zones }
    if zones.contains(where: { $0.origin == name }) {
      throw .usage(UsageError(
        "--catalog-zone \(name) is also a zone kubezone writes; choose another name", command: command))
    }
    do {
      return zones + [try CatalogZone.make(name: name, members: zones)]
    } catch {
      throw .usage(UsageError("--catalog-zone \(name) is too long for its member names: \(error)", command: command))
    }
  }
}
