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
    let existing = ExistingZones.read(folder: folder, zones: zones, writer: ZoneWriter(header: header))
    if !options.force {
      try options.guardOptions.check(
        existing: existing, new: zones, serviceCount: serviceCount, folder: folder, filterNote: filterNote)
    }
    let plan = try KubeZoneFailure.wrap { () throws(InputError) in
      try ZonePlanner(options: options, header: header).plan(zones: zones, existing: existing, folder: folder)
    }
    if !checkOnly {
      try KubeZoneFailure.wrap { () throws(InputError) in try AtomicFileSet.commit(plan.pendingFiles) }
    }
    return plan
  }
}
