/// How `generate` writes: serials, guards, locking, extra files.
public struct LifecycleOptions: Sendable {
  public var scheme: SerialScheme = .unixtime
  /// `--serial N`: this serial for every changed zone, whatever the scheme.
  public var forcedSerial: UInt32?
  /// Seconds since 1970 (see `Clock`).
  public var now: Int64
  /// `--force`: skip the safety guards.
  public var force = false
  public var guardOptions = SafetyGuard()
  /// `--lock-timeout` in seconds.
  public var lockTimeout: Double = 60
  /// `--emit`: server configurations to write beside the zones.
  public var emit: [ServerConfig] = []
  /// `--templates`: folder with the user's templates.
  public var templates: String?
  /// `--zone-dir`: where the DNS server finds the zone files.
  public var zoneDir: String?
  /// `--emit catalog`: the catalog zone's name (`--catalog-zone`).
  public var catalog: DomainName?
  /// `--secondary`: servers the configurations notify and allow to transfer.
  public var secondaries: [Secondary] = []
  /// `--prune`: delete the files of zones this run no longer produces.
  public var prune = false
  /// `--on-change`: a shell command run after a run that changed zones.
  public var onChange: String?

  public init(now: Int64) {
    self.now = now
  }
}
