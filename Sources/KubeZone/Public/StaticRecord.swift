/// One hand-kept record from a `--static` file, with the position of its
/// owner, so a collision can name the line.
public struct StaticRecord: Sendable, Hashable {
  public var record: ResourceRecord
  public var location: SourceLocation

  public init(record: ResourceRecord, location: SourceLocation) {
    self.record = record
    self.location = location
  }
}
