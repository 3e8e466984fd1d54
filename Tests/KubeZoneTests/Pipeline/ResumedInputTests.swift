import Foundation
import Testing
@testable import KubeZone
import KubeZoneSynth

/// A stream's JSON List whose confirmed chunks were given back reads as
/// the whole input reads with the full readers: the same objects at the
/// same lines, columns and offsets, the same skips and warnings, the same
/// error with the same excerpt, whatever fails after those chunks
/// (`StreamedInput.rehearse` overwrites the given-back bytes with zeros).
@Suite struct ResumedInputTests {
  static let decoder = ObjectDecoder(defaultNamespace: "test")

  /// What reading ends in, with the error's excerpt.
  enum Outcome: Equatable {
    case objects([KubernetesObject], skipped: [String: Int], warnings: [Diagnostic])
    case error(String)
  }

  static func outcome(_ result: Result<ObjectDecoder.Result, InputError>) -> Outcome {
    switch result {
    case .success(let r): .objects(r.objects, skipped: r.skipped, warnings: r.log.entries)
    case .failure(let e): .error(e.rendered)
    }
  }

  /// The full readers on the whole input.
  static func full(_ bytes: [UInt8]) -> Outcome {
    var result = ObjectDecoder.Result()
    do {
      try Pipeline.decode(bytes, file: "<stdin>", with: decoder, into: &result)
    } catch {
      return .error(error.rendered)
    }
    return outcome(.success(result))
  }

  /// Rehearses `text` as a stream and holds it to the full readers; the
  /// path it took.
  @discardableResult
  static func check(
    _ text: String, chunk: Int = 600, givesBack: Bool = true, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> StreamedInput.Path {
    let bytes = Array(text.utf8)
    let rehearsed = StreamedInput.rehearse(bytes, file: "<stdin>", decoder: decoder, chunkSize: chunk, threads: 2)
    #expect(!(rehearsed.path == .full && rehearsed.overwritten), "read the whole input after parts were given back", sourceLocation: sourceLocation)
    #expect(rehearsed.overwritten == givesBack, "bytes given back: \(rehearsed.overwritten)", sourceLocation: sourceLocation)
    #expect(outcome(rehearsed.result) == full(bytes), sourceLocation: sourceLocation)
    return rehearsed.path
  }

  /// kubectl's layout: `items` then the List's own keys.
  static func list(_ items: [String], tail: String = "\"kind\": \"List\",\n    \"metadata\": {\"resourceVersion\": \"\"}") -> String {
    "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n" + items.joined(separator: ",\n") + "\n    ],\n    " + tail + "\n}\n"
  }

  static func pod(_ i: Int, kind: String? = "Pod", ip: String? = nil) -> String {
    let kindLine = kind.map { "        \"kind\": \"\($0)\",\n" } ?? ""
    return "        {\n        \"apiVersion\": \"v1\",\n" + kindLine
      + "        \"metadata\": {\"name\": \"p\(i)\", \"namespace\": \"n\"},\n"
      + "        \"spec\": {\"hostname\": \"h\(i)\", \"subdomain\": \"s\"},\n"
      + "        \"status\": {\"podIP\": \"\(ip ?? "10.0.\(i / 250).\(i % 250 + 1)")\"}\n        }"
  }

  static let pods = (0..<120).map { pod($0) }

  @Test func aWholeListIsReadFastAfterItsBytesWereGivenBack() {
    #expect(Self.check(Self.list(Self.pods)) == .fast)
  }

  @Test(arguments: SnapshotFormat.allCases)
  func aSnapshotIsReadFastAfterItsBytesWereGivenBack(format: SnapshotFormat) {
    let bytes = SnapshotWriter.bytes(.all, format, spec: SnapshotSpec(pods: 400, services: 30, seed: 5, dualStack: true))
    #expect(Self.check(String(decoding: bytes, as: UTF8.self), chunk: 20_000) == .fast)
  }

  /// A late item the fast reader leaves to the full one (no `kind`, which
  /// a `PodList` gives it): every object, the confirmed ones first.
  @Test func aLateItemWithoutItsKindIsTakenUp() {
    var items = Self.pods
    items[100] = Self.pod(100, kind: nil)
    #expect(Self.check(Self.list(items, tail: "\"kind\": \"PodList\"")) == .resumed)
  }

  /// The error the full readers give, at the same line, column and excerpt.
  @Test(arguments: ["10.0.0.999", "10.0.0.1\\u0000"])
  func aLateDecodeErrorIsTheWholeInputsError(ip: String) {
    var items = Self.pods
    items[110] = Self.pod(110, ip: ip)
    #expect(Self.check(Self.list(items)) == .resumed)
  }

  @Test(arguments: [0.6, 0.93])
  func aCutListIsTheWholeInputsError(cut: Double) {
    let text = Self.list(Self.pods)
    #expect(Self.check(String(text.prefix(Int(Double(text.count) * cut)))) == .resumed)
  }

  /// kubectl writes a List's `kind` after its items: a root that is not a
  /// List is one object, whose items the full reader never reads.
  @Test(arguments: ["\"kind\": \"ConfigMap\"", "\"kind\": \"Pod\",\n    \"metadata\": {\"name\": \"r\"}", "\"metadata\": {}"])
  func aRootThatIsNotAListDropsTheConfirmedItems(tail: String) {
    #expect(Self.check(Self.list(Self.pods, tail: tail)) == .resumed)
  }

  @Test func aSecondItemsKeyIsTheWholeInputsError() {
    #expect(Self.check(Self.list(Self.pods, tail: "\"kind\": \"List\",\n    \"items\": []")) == .resumed)
  }

  @Test func trailingBytesAreTheWholeInputsError() {
    #expect(Self.check(Self.list(Self.pods) + "{}\n") == .resumed)
  }

  /// Other line breaks before the items keep lines and columns; a lone
  /// "\r" right before the first item's line would join the copy's added
  /// line breaks, so then nothing is given back.
  @Test(arguments: ["\r\n", "\r"])
  func otherLineBreaksKeepTheirPositions(lineBreak: String) {
    var items = Self.pods
    items[100] = Self.pod(100, ip: "bad")
    let before = Self.list(items).replacingOccurrences(of: ",\n    \"items\"", with: ",\(lineBreak)  \"x\": 1,\(lineBreak)    \"items\"")
    #expect(Self.check(before) == .resumed)
    let right = Self.list(items).replacingOccurrences(of: "\"items\": [\n", with: "\"items\": [\(lineBreak)")
    #expect(Self.check(right, givesBack: lineBreak == "\r\n") == (lineBreak == "\r\n" ? .resumed : .full))
  }

  /// Several hundred items with warnings and skipped kinds on both sides
  /// of where the List is taken up.
  @Test func skipsAndWarningsOnBothSidesAreTheWholeInputs() {
    var items = Self.pods
    for i in stride(from: 3, to: 120, by: 17) {
      items[i] = "        {\n        \"apiVersion\": \"v1\",\n        \"kind\": \"ConfigMap\",\n        \"metadata\": {\"name\": \"c\(i)\"}\n        }"
    }
    items[115] = Self.pod(115, kind: nil)
    #expect(Self.check(Self.list(items, tail: "\"kind\": \"PodList\"")) == .resumed)
  }

  // MARK: YAML

  /// kubectl's YAML layout: `items:` then entries at column 0.
  static func yamlList(_ items: [String], head: String = "apiVersion: v1\n", tail: String = "kind: List\nmetadata:\n  resourceVersion: \"\"\n") -> String {
    head + "items:\n" + items.joined() + tail
  }

  static func yamlPod(_ i: Int, kind: String? = "Pod", ip: String? = nil, extra: String = "") -> String {
    "- apiVersion: v1\n" + (kind.map { "  kind: \($0)\n" } ?? "") + "  metadata:\n    name: p\(i)\n    namespace: n\n\(extra)"
      + "  spec:\n    hostname: h\(i)\n    subdomain: s\n  status:\n    podIP: \(ip ?? "10.0.\(i / 250).\(i % 250 + 1)")\n"
  }

  static let yamlPods = (0..<120).map { yamlPod($0) }

  @Test func aWholeYAMLListIsReadFastAfterItsBytesWereGivenBack() {
    #expect(Self.check(Self.yamlList(Self.yamlPods)) == .fast)
  }

  @Test func aLateYAMLItemWithoutItsKindIsTakenUp() {
    var items = Self.yamlPods
    items[100] = Self.yamlPod(100, kind: nil)
    #expect(Self.check(Self.yamlList(items, tail: "kind: PodList\n")) == .resumed)
  }

  @Test func aLateYAMLDecodeErrorIsTheWholeInputsError() {
    var items = Self.yamlPods
    items[110] = Self.yamlPod(110, ip: "10.0.0.999")
    #expect(Self.check(Self.yamlList(items)) == .resumed)
  }

  @Test(arguments: [0.6, 0.93])
  func aCutYAMLListIsTheWholeInputsError(cut: Double) {
    let text = Self.yamlList(Self.yamlPods)
    #expect(Self.check(String(text.prefix(Int(Double(text.count) * cut)))) == .resumed)
  }

  @Test(arguments: ["kind: ConfigMap\n", "kind: List\n---\napiVersion: v1\nkind: List\nitems: []\n", "kind: List\nitems: []\n"])
  func aYAMLTailThatIsNotTheFilesListIsTheWholeInputs(tail: String) {
    #expect(Self.check(Self.yamlList(Self.yamlPods, tail: tail)) == .resumed)
  }

  /// An anchor is read by the general parser, so its chunk is never given
  /// back: a later alias still finds it.
  @Test func aYAMLAnchorStaysForALaterAlias() {
    var items = Self.yamlPods
    items[40] = Self.yamlPod(40, extra: "    labels: &l\n      app: a\n")
    items[100] = Self.yamlPod(100, extra: "    labels: *l\n")
    #expect(Self.check(Self.yamlList(items)) == .resumed)
  }

  /// A header of two documents: the List is not the first, so nothing is
  /// given back.
  @Test func aYAMLHeaderOfTwoDocumentsKeepsItsBytes() {
    var items = Self.yamlPods
    items[100] = Self.yamlPod(100, kind: nil)
    let text = Self.yamlList(items, head: "a: 1\n---\napiVersion: v1\n", tail: "kind: PodList\n")
    #expect(Self.check(text, givesBack: false) == .full)
  }
}
