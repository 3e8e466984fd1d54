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
    var count: Int
    let item: (Int) -> SynthValue
    switch kind {
    case .pods, .services, .endpointslices:
      (count, item) = items(kind, model: model)
    case .all:
      // One List, each kind's items in turn.
      let parts = [SnapshotKind.services, .endpointslices, .pods].map { items($0, model: model) }
      count = parts.reduce(0) { $0 + $1.count }
      item = { i in
        var i = i
        for part in parts {
          if i < part.count { return part.item(i) }
          i -= part.count
        }
        return parts[parts.count - 1].item(i)
      }
    }
    switch format {
    case .json: JSONEmitter.list(count: count, to: sink, item: item)
    case .yaml: YAMLEmitter.list(count: count, to: sink, item: item)
    }
  }
}

extension SnapshotWriter {
  /// The item count and items of one kind's List.
  static func items(_ kind: SnapshotKind, model: ClusterModel) -> (count: Int, item: (Int) -> SynthValue) {
    switch kind {
    case .pods:
      let f = PodFactory(model: model)
      return (model.spec.pods, f.pod)
    case .services:
      let f = ServiceFactory(model: model)
      return (model.spec.services, f.service)
    case .endpointslices, .all:  // `all` is emitted kind by kind, never asked for here
      let f = EndpointSliceFactory(model: model)
      let refs = f.slices()
      return (refs.count, { f.slice(refs[$0]) })
    }
  }
}

/// A failure to write a snapshot.
public struct SynthError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
