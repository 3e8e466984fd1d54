/// Collects the warnings of a run, in input order, for the report.
public struct DiagnosticLog: Sendable {
  public private(set) var entries: [Diagnostic] = []
  /// Informational notes shown with `--verbose` (overrides, skips).
  public private(set) var notes: [Diagnostic] = []

  public init() {}

  /// Diagnostics already logged: the same warning about the same place is
  /// shown once, however many records it touches.
  private var seen: Set<Diagnostic> = []

  public mutating func warn(_ message: String, at location: SourceLocation?) {
    let d = Diagnostic(.warning, message, at: location)
    if seen.insert(d).inserted { entries.append(d) }
  }

  public mutating func note(_ message: String, at location: SourceLocation?) {
    notes.append(Diagnostic(.note, message, at: location))
  }

  public var warnings: [Diagnostic] { entries.filter { $0.severity == .warning } }

  /// Adds `other`'s diagnostics after these, each warning still once.
  public mutating func append(contentsOf other: DiagnosticLog) {
    for d in other.entries where seen.insert(d).inserted { entries.append(d) }
    notes += other.notes
  }
}
