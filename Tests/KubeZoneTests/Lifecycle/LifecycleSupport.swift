import Foundation
import Testing
@testable import KubeZone

/// Snapshots and file checks shared by the lifecycle tests.
enum LifecycleSupport {
  /// `services` ClusterIP services and as many headless ones with
  /// `pods` pods each. `podOffset` moves every pod IP, as a rolling
  /// restart does.
  static func snapshot(services: Int, pods: Int = 2, podOffset: Int = 0) -> String {
    var yaml = ""
    for i in 0..<services {
      yaml += K8s.service("svc\(i)", clusterIP: "10.96.\(i / 250).\(i % 250 + 1)", selector: ["app": "a\(i)"])
      yaml += K8s.service("hl\(i)", clusterIP: "None", selector: ["app": "a\(i)"])
      for j in 0..<pods {
        let n = (i * pods + j) + podOffset * services * pods
        yaml += K8s.pod("p\(i)-\(j)", ips: ["10.244.\(n / 250 % 250).\(n % 250 + 1)"], labels: ["app": "a\(i)"])
      }
    }
    return yaml
  }

  /// `count` ClusterIP services without pods: cheap to read, so large
  /// zones come quickly. `offset` shifts every cluster IP.
  static func services(_ count: Int, offset: Int = 0) -> String {
    var yaml = ""
    for i in 0..<count {
      let n = i + offset
      yaml += "---\napiVersion: v1\nkind: Service\nmetadata: {name: s\(i), namespace: default}\n"
        + "spec:\n  ports: [{name: http, port: 80}]\n  clusterIP: 10.96.\(n / 250 % 250).\(n % 250 + 1)\n"
    }
    return yaml
  }

  /// A folder with `input.yaml` holding `yaml`, and the output folder path.
  static func setUp(_ yaml: String, name: String = "life") -> (input: String, out: String) {
    let folder = TestSupport.temporaryFolder(name)
    TestSupport.write(yaml, to: folder + "/in/input.yaml")
    return (folder + "/in/input.yaml", folder + "/out")
  }

  /// What identifies a file on disk: its bytes, inode and mtime.
  struct FileState: Equatable {
    var bytes: Data?
    var inode: UInt64
    var mtime: Int
    var mtimeNanoseconds: Int
  }

  static func state(_ path: String) -> FileState {
    var info = stat()
    guard stat(path, &info) == 0 else { return FileState(bytes: nil, inode: 0, mtime: 0, mtimeNanoseconds: 0) }
    return FileState(
      bytes: FileManager.default.contents(atPath: path), inode: UInt64(info.st_ino),
      mtime: info.st_mtim.tv_sec, mtimeNanoseconds: info.st_mtim.tv_nsec)
  }

  /// Every file of a folder with its state.
  static func states(_ folder: String) -> [String: FileState] {
    var out: [String: FileState] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
      out[name] = state(folder + "/" + name)
    }
    return out
  }

  /// The SOA serial of a zone file.
  static func serial(_ path: String) throws -> UInt32? {
    let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    return try ZoneFileReader.read(bytes, file: path).soa?.serial
  }

  /// Files a killed or failed run could leave behind.
  static func leftovers(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      $0.hasSuffix(AtomicFileSet.tempSuffix) || $0.hasSuffix(AtomicFileSet.backupSuffix)
    }
  }

  /// The built `kubezone` executable: beside the test bundle, else in
  /// `.build/debug`. Records an issue when there is none.
  static func binary() -> String? {
    var candidates: [String] = []
    let arg0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
    var dir = arg0.deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(dir.appendingPathComponent("kubezone").path)
      dir.deleteLastPathComponent()
    }
    candidates.append(TestSupport.path(".build/debug/kubezone"))
    for c in candidates {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: c, isDirectory: &isDirectory), !isDirectory.boolValue,
        FileManager.default.isExecutableFile(atPath: c)
      {
        return c
      }
    }
    Issue.record("the kubezone executable was not found (looked in \(candidates.joined(separator: ", "))); run 'swift build' first")
    return nil
  }
}
