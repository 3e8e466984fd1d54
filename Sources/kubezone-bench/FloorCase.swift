import Foundation
import KubeZone

/// The floor any reader pays: one plain loop over the same bytes a case
/// reads, in a child process like the cases, tracking what a JSON reader
/// must track at the least (inside a string or not, escapes, nesting
/// depth) and nothing else. Every case's wall is printed as a multiple of
/// its floor, which moves with the machine as the cases do.
///
/// The YAML floor runs the same loop over the YAML files (double-quoted
/// strings share JSON's escapes; flow brackets nest): a byte loop over
/// those bytes, which is what any YAML reader pays too. One thread, as a
/// plain loop is; the files are mapped, as kubezone maps them.
enum FloorCase {
  static func run(files: [String]) throws -> Measurement {
    var m = Measurement()
    var digest: UInt64 = 0
    let start = StageTimings.now()
    let startCPU = StageTimings.cpuNow()
    for path in files {
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else { throw FloorError.open(path) }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0 else { throw FloorError.open(path) }
      let count = Int(info.st_size)
      guard count > 0 else { continue }
      guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { throw FloorError.open(path) }
      defer { munmap(base, count) }
      madvise(base, count, MADV_SEQUENTIAL)
      // One scan over the whole file, its pages given back every 8 MB as
      // kubezone's readers give them back, so peak RSS compares too.
      let bytes = base.assumingMemoryBound(to: UInt8.self)
      var state = ScanState()
      var done = 0
      while done < count {
        let n = min(8 << 20, count - done)
        scan(UnsafeBufferPointer(start: bytes + done, count: n), &state)
        madvise(base + done, n, MADV_DONTNEED)
        done += n
      }
      digest &+= state.opened &+ UInt64(state.deepest)
      m.inputBytes += count
    }
    m.wall = StageTimings.now() - start
    m.cpu = StageTimings.cpuNow() - startCPU
    m.peakRSS = StageTimings.peakRSS()
    m.stages = [("scan", m.wall, m.cpu, m.peakRSS)]
    // Printed, so the loop cannot be optimised away.
    m.records = Int(truncatingIfNeeded: digest & 0xFFFF)
    return m
  }

  /// Where a scan stands between blocks of one file.
  struct ScanState {
    var inString = false
    var escaped = false
    var depth = 0
    var deepest = 0
    var opened: UInt64 = 0
  }

  /// Strings, escapes and nesting, one byte at a time; counts containers
  /// opened and the deepest depth, so the work is used.
  @inline(never)
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ state: inout ScanState) {
    var inString = state.inString
    var escaped = state.escaped
    var depth = state.depth
    var deepest = state.deepest
    var opened = state.opened
    defer { state = ScanState(inString: inString, escaped: escaped, depth: depth, deepest: deepest, opened: opened) }
    for b in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if b == UInt8(ascii: "\\") {
          escaped = true
        } else if b == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch b {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        opened += 1
        deepest = max(deepest, depth)
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      default: break
      }
    }
  }

  enum FloorError: Error, CustomStringConvertible {
    case open(String)
    var description: String {
      switch self { case .open(let path): "cannot map \(path)" }
    }
  }
}
