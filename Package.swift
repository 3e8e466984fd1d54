// swift-tools-version:6.0
import PackageDescription

// kubezone depends on nothing beyond the toolchain: YAML, JSON, command-line
// parsing and templating are all part of the KubeZone library.
let package = Package(
  name: "kubezone",
  products: [
    .library(name: "KubeZone", targets: ["KubeZone"]),
    .executable(name: "kubezone", targets: ["kubezone"]),
  ],
  targets: [
    .target(name: "KubeZone"),
    .executableTarget(name: "kubezone", dependencies: ["KubeZone"]),
    .testTarget(name: "KubeZoneTests", dependencies: ["KubeZone"], exclude: ["Golden", "Hostile/cases"]),
  ]
)
