/// Issue 13's targets, checked against what this run measured: a second
/// table after the cases, one row per target whose case ran.
enum Targets {
  struct Target {
    var scale: Int
    var format: BenchCase.Format
    var stdin: Bool
    /// Seconds for a file case; a multiple of the file case for stdin.
    var wall: Double
    /// MB for a file case; for stdin a multiple of the file case, unless
    /// `absoluteRSS`.
    var rss: Double
    var absoluteRSS = false
  }

  static let all: [Target] = [
    Target(scale: 30000, format: .json, stdin: false, wall: 0.35, rss: 100),
    Target(scale: 30000, format: .yaml, stdin: false, wall: 0.45, rss: 100),
    Target(scale: 30000, format: .json, stdin: true, wall: 1.25, rss: 1.5),
    Target(scale: 30000, format: .yaml, stdin: true, wall: 1.25, rss: 1.5),
    Target(scale: 150000, format: .json, stdin: false, wall: 2.0, rss: 300),
    Target(scale: 150000, format: .yaml, stdin: false, wall: 2.5, rss: 300),
    Target(scale: 150000, format: .json, stdin: true, wall: 1.25, rss: 400, absoluteRSS: true),
    Target(scale: 150000, format: .yaml, stdin: true, wall: 1.25, rss: 400, absoluteRSS: true),
  ]

  static func table(_ results: [(BenchCase, Measurement, String)]) {
    let cases = results.map(\.0)
    func measured(_ c: BenchCase?) -> Measurement? { Report.measured(c, in: results) }
    var rows: [String] = []
    for t in all {
      guard let (c, m, _) = results.first(where: {
        $0.0.pods == t.scale && $0.0.format == t.format && $0.0.input == .pods && $0.0.stdin == t.stdin && !$0.0.floor
      }) else { continue }
      let mb = Double(m.peakRSS) / 1e6 / 1.048576
      var floor = "-"
      if let fm = measured(c.floorCase(in: cases)) { floor = String(format: "%.2fx", m.wall / fm.wall) }
      if t.stdin {
        guard let rm = measured(c.reference(in: cases)) else { continue }
        let wall = m.wall / rm.wall
        let rss = t.absoluteRSS ? mb : Double(m.peakRSS) / Double(rm.peakRSS)
        let rssText = t.absoluteRSS ? String(format: "%.0f MB", mb) : String(format: "%.2fx", rss)
        let target = String(format: "<= %.2fx, <= %@", t.wall, t.absoluteRSS ? String(format: "%.0f MB", t.rss) : String(format: "%.1fx", t.rss))
        rows.append(String(format: "| %@ | %@ | %.2fx of the file case | %@ | %@ | %@ |",
          c.name, target, wall, rssText, floor, verdict(wall <= t.wall, rss <= t.rss)))
      } else {
        let target = String(format: "<= %.2f s, <= %.0f MB", t.wall, t.rss)
        rows.append(String(format: "| %@ | %@ | %.3f s | %.0f MB | %@ | %@ |", c.name, target, m.wall, mb, floor, verdict(m.wall <= t.wall, mb <= t.rss)))
      }
    }
    guard !rows.isEmpty else { return }
    print("")
    print("| target (issue 13) | target: wall, RSS | wall | peak RSS | x floor | met |")
    print("|---|---|---|---|---|---|")
    rows.forEach { print($0) }
  }

  static func verdict(_ wall: Bool, _ rss: Bool) -> String {
    switch (wall, rss) {
    case (true, true): "yes"
    case (false, true): "RSS yes, wall no"
    case (true, false): "wall yes, RSS no"
    case (false, false): "no"
    }
  }
}
