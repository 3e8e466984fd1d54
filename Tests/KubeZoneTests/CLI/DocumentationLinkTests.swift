import Foundation
import Testing
@testable import KubeZone

/// The documentation stands on its own: every relative link in the README,
/// docs/ and the other READMEs leads to a file or folder of the repository
/// (and an anchor to a heading there), and no tracked file refers to a
/// path outside the repository.
@Suite struct DocumentationLinkTests {
  static let root = TestSupport.packageRoot

  /// `docs/cli.md` is generated from the option table; until it is, links
  /// to it are allowed to wait for it.
  static let checker = LinkChecker(root: root, mayBeAbsent: ["docs/cli.md"])

  /// Every Markdown document a reader of the repository meets.
  static let documents: [String] = {
    var files = ["README.md", "Fuzz/README.md", "Tests/Conformance/README.md"]
    let manager = FileManager.default
    let docs = (try? manager.contentsOfDirectory(atPath: root + "/docs")) ?? []
    files += docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    let examples = (try? manager.contentsOfDirectory(atPath: root + "/examples")) ?? []
    files += examples.sorted().map { "examples/\($0)/README.md" }
      .filter { manager.fileExists(atPath: root + "/" + $0) }
    return files
  }()

  /// The reference pages the README is the front page of.
  static let pages = [
    "docs/inputs.md", "docs/records.md", "docs/running-unattended.md", "docs/servers.md",
    "docs/hostile-input.md", "docs/performance.md", "docs/development.md", "docs/public-zones.md",
  ]

  @Test func theDocumentsAreThere() {
    for page in Self.pages + ["README.md", "examples/cluster/README.md"] {
      #expect(Self.documents.contains(page), "\(page) is missing")
    }
  }

  @Test(arguments: documents)
  func relativeLinksResolve(_ document: String) {
    let problems = Self.checker.problems(in: document)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test func theReadmeLinksEveryPageAndTheCommandReference() {
    let text = TestSupport.read(TestSupport.path("README.md")) ?? ""
    let targets = Set(MarkdownDocument(text).links.map { link in
      link.target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
    })
    for page in Self.pages + ["docs/cli.md"] {
      #expect(targets.contains(Substring(page)), "README.md does not link \(page)")
    }
  }

  /// GitHub's anchors, as the checker computes them.
  @Test(arguments: [
    ("Records: what kubezone writes, and why", "records-what-kubezone-writes-and-why"),
    ("Atomic, all-or-nothing writes", "atomic-all-or-nothing-writes"),
    ("1. Schema version", "1-schema-version"),
    ("Bare SRV records (`coredns` profile)", "bare-srv-records-coredns-profile"),
    ("Seeing how a file reads: `kubezone inspect`", "seeing-how-a-file-reads-kubezone-inspect"),
    ("See [the docs](docs/x.md) now", "see-the-docs-now"),
    ("snake_case  and  spaces", "snake_case--and--spaces"),
  ])
  func slugsFollowGitHub(_ heading: String, _ slug: String) {
    #expect(MarkdownDocument.slug(heading) == slug)
  }

  /// The checker finds what it must find, and ignores links in code.
  @Test func theCheckerReportsBrokenLinks() throws {
    let folder = TestSupport.temporaryFolder("links")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    TestSupport.write("# Target\n\n## Part two\n\n## Part two\n", to: folder + "/docs/target.md")
    TestSupport.write(
      """
      # Page

      Fine: [a](target.md), [b](target.md#part-two), [c](target.md#part-two-1), [d](#page),
      [e](../docs), [f](https://example.org/missing), [g](<target.md>).
      Broken: [h](missing.md), [i](target.md#nowhere), [j](../../outside.md), [k](#nowhere).
      Not links: `[l](missing.md)` and
      ``a span over
      two lines [m](missing.md)``.

      ```
      [n](missing.md)
      ```

      [ref]: ../gone.md
      """, to: folder + "/docs/page.md")
    let problems = LinkChecker(root: folder).problems(in: "docs/page.md")
    #expect(problems == [
      "docs/page.md:5: missing.md: no such file or folder",
      "docs/page.md:5: target.md#nowhere: docs/target.md has no heading with this anchor",
      "docs/page.md:5: ../../outside.md: leads outside the repository",
      "docs/page.md:5: #nowhere: no heading with this anchor here",
      "docs/page.md:14: ../gone.md: no such file or folder",
    ])
    let waiting = LinkChecker(root: folder, mayBeAbsent: ["docs/missing.md", "gone.md"])
    #expect(waiting.problems(in: "docs/page.md").count == 3)
  }

  /// Nothing in the repository may depend on a folder beside it; the
  /// needle is built so that this file does not match it.
  @Test func noTrackedFileRefersToTheSharedFolder() throws {
    let needle = Data((".." + "/shared").utf8)
    let files = try Self.trackedFiles()
    #expect(files.count > 100, "found only \(files.count) files")
    var offenders: [String] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: Self.root + "/" + file),
        !data.contains(0)
      else { continue }
      if data.range(of: needle) != nil { offenders.append(file) }
    }
    #expect(offenders.isEmpty, "\(offenders)")
  }

  /// `git ls-files`, or, outside a git checkout, every file below the root
  /// but build folders, hidden folders and the vendored suites.
  static func trackedFiles() throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", root, "ls-files", "-z"]
    let pipe = ExternalTool.privatePipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    if (try? process.run()) != nil {
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      if process.terminationStatus == 0 {
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
      }
    }
    var files: [String] = []
    let walker = FileManager.default.enumerator(atPath: root)
    while let path = walker?.nextObject() as? String {
      let name = (path as NSString).lastPathComponent
      if name.hasPrefix(".") || path == "Tests/Conformance" || path == "out" {
        walker?.skipDescendants()
        continue
      }
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
        files.append(path)
      }
    }
    return files
  }
}
