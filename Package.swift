// swift-tools-version:6.0
import PackageDescription

// kubezone depends on nothing beyond the toolchain: YAML, JSON, command-line
// parsing and templating are all part of the KubeZone library.
let package = Package(
  name: "kubezone",
  products: [
    .library(name: "KubeZone", targets: ["KubeZone"]),
    .executable(name: "kubezone", targets: ["kubezone"]),
    .executable(name: "kubezone-synth", targets: ["kubezone-synth"]),
    .executable(name: "kubezone-bench", targets: ["kubezone-bench"]),
  ],
  targets: [
    .target(name: "KubeZone"),
    .executableTarget(name: "kubezone", dependencies: ["KubeZone"]),
    // Synthetic cluster snapshots for benchmarks and scale tests; not part
    // of kubezone itself.
    .target(name: "KubeZoneSynth"),
    .executableTarget(name: "kubezone-synth", dependencies: ["KubeZoneSynth"]),
    .executableTarget(name: "kubezone-bench", dependencies: ["KubeZone", "KubeZoneSynth"]),
    .testTarget(name: "KubeZoneTests", dependencies: ["KubeZone", "KubeZoneSynth"], exclude: ["Golden", "Hostile/cases", "Hostile/zonefiles", "Fixtures"]),
  ]
)
