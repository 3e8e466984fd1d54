import Testing
@testable import KubeZone

@Test func nodeSubscriptFindsLastDuplicateKey() {
  let loc = SourceLocation(file: "t", line: 1, column: 1, offset: 0)
  let k = Node(.scalar(Scalar("a", style: .plain)), location: loc)
  let n = Node(.mapping([
    .init(key: k, value: Node(.scalar(Scalar("1", style: .plain)), location: loc)),
    .init(key: k, value: Node(.scalar(Scalar("2", style: .plain)), location: loc)),
  ]), location: loc)
  #expect(n["a"]?.scalar?.text == "2")
}
