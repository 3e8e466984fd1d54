import Foundation
import KubeZone

/// The floor any reader of a pipe pays: `cat FILE |` into a loop that
/// reads standard input into one reused 1 MB buffer and does nothing else.
/// The CPU of `cat` writing the pipe and of this loop reading it is what
/// a stdin case spends on top of its file case at the least.
enum PipeFloor {
  static func run() -> Measurement {
    var m = Measurement()
    let start = StageTimings.now()
    let startCPU = StageTimings.cpuNow()
    let size = 1 << 20
    // Page-aligned: into a 16-byte aligned buffer the same loop took three
    // times the CPU here (0.15 s against 0.05 s for 262 MB).
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 4096)
    defer { buffer.deallocate() }
    var total = 0
    while true {
      let n = read(STDIN_FILENO, buffer, size)
      if n > 0 {
        total += n
      } else if n == 0 || errno != EINTR {
        break
      }
    }
    m.wall = StageTimings.now() - start
    m.cpu = StageTimings.cpuNow() - startCPU
    m.inputBytes = total
    m.peakRSS = StageTimings.peakRSS()
    m.stages = [("read", m.wall, m.cpu, m.peakRSS)]
    m.processCPU = StageTimings.cpuNow()
    return m
  }
}
