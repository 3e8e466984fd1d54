import Foundation
import KubeZoneSynth

/// Generates the snapshot files once per scale and reuses them after.
enum BenchData {
  static func folder(_ data: String, pods: Int) -> String { "\(data)/\(pods)-pods" }

  static func spec(pods: Int) -> SnapshotSpec { SnapshotSpec(pods: pods, services: pods / 15, seed: 42) }

  /// Writes whatever files of `pods`' scale are missing or stale, of
  /// those in `needed` (paths; all when nil).
  static func prepare(_ data: String, pods: Int, needed: Set<String>? = nil, log: (String) -> Void) throws {
    let dir = folder(data, pods: pods)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let stamp = "\(dir)/spec.txt"
    let wanted = "\(spec(pods: pods)) synth-v1\n"
    let current = FileManager.default.contents(atPath: stamp).map { String(decoding: $0, as: UTF8.self) }
    let fresh = current == wanted
    for kind in SnapshotKind.allCases {
      for format in SnapshotFormat.allCases {
        let path = "\(dir)/\(kind.rawValue).\(format.rawValue)"
        if fresh && FileManager.default.fileExists(atPath: path) || needed.map({ !$0.contains(path) }) == true { continue }
        let start = Date()
        let n = try SnapshotWriter.write(kind, format, spec: spec(pods: pods), to: path)
        log("generated \(path): \(n / 1_000_000) MB in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
      }
    }
    if !fresh {
      // Files of the old spec that were not needed now are stale: remove
      // them, so the stamp speaks for every file left.
      for kind in SnapshotKind.allCases {
        for format in SnapshotFormat.allCases {
          let path = "\(dir)/\(kind.rawValue).\(format.rawValue)"
          if needed.map({ !$0.contains(path) }) == true { try? FileManager.default.removeItem(atPath: path) }
        }
      }
    }
    _ = FileManager.default.createFile(atPath: stamp, contents: Data(wanted.utf8))
  }

  static func size(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
  }
}
