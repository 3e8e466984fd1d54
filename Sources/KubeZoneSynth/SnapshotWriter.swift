import Foundation

/// Writes a synthetic `kubectl get -A -o json|yaml` List of one kind.
public enum SnapshotWriter {
  /// Writes the snapshot to `path`; returns the bytes written.
  @discardableResult
  public static func write(_ kind: SnapshotKind, _ format: SnapshotFormat, spec: SnapshotSpec, to path: String) throws -> Int {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw SynthError("\(path): cannot create (\(String(cString: strerror(errno))))") }
    defer { close(fd) }
    let sink = ByteSink(fd: fd)
    emit(kind, format, spec: spec, to: sink)
    return sink.count
  }

  /// The snapshot's bytes, for tests and small scales.
  public static func bytes(_ kind: SnapshotKind, _ format: SnapshotFormat, spec: SnapshotSpec) -> [UInt8] {
    let sink = ByteSink(fd: nil)
    emit(kind, format, spec: spec, to: sink)
    return sink.bytes
  }

  static func emit(_ kind: SnapshotKind, _ format: SnapshotFormat, spec: SnapshotSpec, to sink: ByteSink) {
    let model = ClusterModel(spec)
    let count: Int
    let item: (Int) -> SynthValue
    switch kind {
    case .pods:
      let f = PodFactory(model: model)
      count = spec.pods
      item = f.pod
    case .services:
      let f = ServiceFactory(model: model)
      count = spec.services
      item = f.service
    case .endpointslices:
      let f = EndpointSliceFactory(model: model)
      let refs = f.slices()
      count = refs.count
      item = { f.slice(refs[$0]) }
    }
    switch format {
    case .json: JSONEmitter.list(count: count, to: sink, item: item)
    case .yaml: YAMLEmitter.list(count: count, to: sink, item: item)
    }
  }
}

/// A failure to write a snapshot.
public struct SynthError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
