import Testing
@testable import KubeZone

/// kubectl's label-selector syntax and matching, as k8s.io/apimachinery
/// `pkg/labels/selector.go` defines them (`Parse`, `Requirement.Matches`;
/// the mirror read was kubernetes-1.36.0-alpha.2-226-geed236ce), and the
/// key and value rules of `pkg/api/validate/content/kube.go`.
@Suite struct LabelSelectorTests {
  typealias Labels = [String: String]

  @Test(arguments: [
    // (selector, labels, matches)
    ("app=web", ["app": "web"], true),
    ("app=web", ["app": "api"], false),
    ("app=web", [:], false),
    ("app==web", ["app": "web"], true),
    ("app!=web", ["app": "api"], true),
    ("app!=web", [:], true),  // a missing key is "not equal"
    ("app!=web", ["app": "web"], false),
    ("tier in (a,b)", ["tier": "b"], true),
    ("tier in (a,b)", ["tier": "c"], false),
    ("tier in (a,b)", [:], false),
    ("tier notin (a,b)", ["tier": "c"], true),
    ("tier notin (a,b)", [:], true),  // a missing key is "not in"
    ("tier notin (a,b)", ["tier": "a"], false),
    ("app", ["app": ""], true),
    ("app", ["other": "x"], false),
    ("!app", [:], true),
    ("!app", ["app": "web"], false),
    ("app=web,tier in (a,b)", ["app": "web", "tier": "a"], true),
    ("app=web,tier in (a,b)", ["app": "web"], false),
    ("app=", ["app": ""], true),  // the empty value
    ("app=", ["app": "web"], false),
    ("app in ()", ["app": ""], true),
    ("app in (,web)", ["app": ""], true),
    ("app in (web,)", ["app": ""], true),
    ("example.com/app=web", ["example.com/app": "web"], true),
    ("", ["anything": "x"], true),  // no requirement: everything
  ] as [(String, Labels, Bool)])
  func matching(selector: String, labels: Labels, matches: Bool) throws {
    #expect(try LabelSelector(selector).matches(labels) == matches)
  }

  @Test func parsesEveryOperatorIntoRequirementsSortedByKey() throws {
    let s = try LabelSelector("z=1, y in (b,a,b), x!=2, !w, v, u==3, t notin (c)")
    #expect(s.requirements.map(\.key) == ["t", "u", "v", "w", "x", "y", "z"])
    #expect(s.requirements.map(\.op) == [.notIn, .equals, .exists, .doesNotExist, .notEquals, .in, .equals])
    #expect(s.requirements.first { $0.key == "y" }?.values == ["a", "b"])
    #expect(s.canonical == "t notin (c),u=3,v,!w,x!=2,y in (a,b),z=1")
    #expect(s.text == "z=1, y in (b,a,b), x!=2, !w, v, u==3, t notin (c)")
  }

  @Test func whitespaceSeparatesAndInAndNotinAreValuesInsideLists() throws {
    let s = try LabelSelector("\ttier\r\n in ( in , notin ,, a )  ,in=notin")
    #expect(s.canonical == "in=notin,tier in (,a,in,notin)")
  }

  /// Each malformed selector: the message, and the UTF-8 offset of the
  /// first wrong character (the text's length when it ends too early).
  @Test(arguments: [
    ("app in (a,b", "expected ',' or ')' in the values of 'app in', found the end of the selector", 11),
    ("app in a", "expected '(' after 'in', found 'a'", 7),
    ("app notin", "expected '(' after 'notin', found the end of the selector", 9),
    ("app in (a,=)", "expected a value, ',' or ')' in the values of 'app in', found '='", 10),
    ("app in (a b)", "expected ',' or ')' in the values of 'app in', found 'b'", 10),
    ("app=web,", "expected a requirement after ',', found the end of the selector", 8),
    ("app=web,,x", "expected a requirement after ',', found ','", 8),
    (",app", "expected a label key or '!', found ','", 0),
    ("(app)", "expected a label key or '!', found '('", 0),
    ("!(a)", "expected a label key after '!', found '('", 1),
    ("!app=x", "expected ',' or the end of the selector after '!app', found '=' ('!key' matches objects without the label, and takes no value)", 4),
    ("app web", "expected an operator (=, ==, !=, in, notin), ',' or the end of the selector after key 'app', found 'web'", 4),
    ("app=web tier=db", "expected ',' or the end of the selector after 'app=web', found 'tier'", 8),
    ("app=(x)", "expected a value after '=', found '('", 4),
    ("app===x", "expected a value after '==', found '='", 5),
    ("n>1", "'>' is not supported in label selectors", 1),
    ("n<1", "'<' is not supported in label selectors", 1),
  ])
  func syntaxErrors(selector: String, message: String, offset: Int) {
    #expect(throws: LabelSelectorError.self) { try LabelSelector(selector) }
    do {
      _ = try LabelSelector(selector)
    } catch {
      #expect(error.message.hasPrefix(message), "\(error.message)")
      #expect(error.offset == offset, "\(selector): \(error.message)")
    }
  }

  static let long64 = String(repeating: "a", count: 64)
  static let prefix254 = String(repeating: "a", count: 254)

  /// Key and value rules (IsLabelKey, IsLabelValue), first wrong character.
  @Test(arguments: [
    ("-app", "the name of label key '-app' must start with a letter or digit", 0),
    ("app-=x", "the name of label key 'app-' must end with a letter or digit", 3),
    ("a@b", "'@' is not allowed in the name of label key 'a@b'", 1),
    ("caf\u{E9}", "'\\u{00E9}' is not allowed in the name of label key 'caf\\u{00E9}'", 3),
    (long64, "the name of label key '\(long64)' is 64 characters long; at most 63", 63),
    ("a/b/c", "label key 'a/b/c' has more than one '/' (the form is prefix/name)", 3),
    ("/app", "label key '/app' has an empty prefix before '/'", 0),
    ("app/", "label key 'app/' has no name after '/'", 4),
    ("Example.com/app", "'E' is not allowed in the prefix of label key 'Example.com/app'", 0),
    ("example..com/app", "the prefix of label key 'example..com/app' has an empty part", 8),
    ("example.com./app", "the prefix of label key 'example.com./app' has an empty part", 12),
    ("ex-.com/app", "the prefix of label key 'ex-.com/app' has a part that starts or ends with '-'", 2),
    ("x.\(prefix254)/a", "the prefix of label key", 253),
    ("k=-v", "label value '-v' must start with a letter or digit", 2),
    ("k=v_", "label value 'v_' must end with a letter or digit", 3),
    ("k in (ok,b@d)", "'@' is not allowed in label value 'b@d'", 10),
    ("k=\(long64)", "label value '\(long64)' is 64 characters long; at most 63", 65),
    ("k!=a b", "expected ',' or the end of the selector after 'k!=a', found 'b'", 5),
  ])
  func keyAndValueRules(selector: String, message: String, offset: Int) {
    do {
      _ = try LabelSelector(selector)
      Issue.record("\(selector) was accepted")
    } catch {
      #expect(error.message.hasPrefix(message), "\(error.message)")
      #expect(error.offset == offset, "\(selector): \(error.message)")
    }
  }

  @Test(arguments: [
    "MyName", "my.name", "123-abc", "a_b", "example.com/MyName", "k8s.io/x-y_z.1",
    "app.kubernetes.io/part-of", String(repeating: "a", count: 63),
  ])
  func validKeys(key: String) throws {
    #expect(try LabelSelector("\(key)=v").requirements.first?.key == key)
  }

  /// Any text either parses, and then its canonical spelling parses into
  /// the same requirements, or fails with an offset inside the text.
  @Test func everyTextParsesOrFailsInsideIt() throws {
    let pieces = ["a", "b", "k8s.io/", "app", "=", "==", "!=", "!", "(", ")", ",", " ", "\t", "in", "notin", "-", "_", ".", "/", ">", "\u{E9}", "x"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    var accepted = 0
    for _ in 0..<5000 {
      let text = (0..<(next() % 12)).map { _ in pieces[next() % pieces.count] }.joined()
      do {
        let selector = try LabelSelector(text)
        accepted += 1
        #expect(try LabelSelector(selector.canonical).requirements == selector.requirements, "\(text)")
      } catch {
        #expect((0...text.utf8.count).contains(error.offset), "\(text): \(error.offset)")
        #expect(!error.message.isEmpty)
      }
    }
    #expect(accepted > 100)
  }
}
