/// A Kubernetes label selector in kubectl's syntax (`-l`): requirements
/// joined by commas, every one of which must hold.
///
///     app=web          app==web        app!=web
///     tier in (a,b)    tier notin (a,b)
///     app              !app
///
/// Parsing and matching follow k8s.io/apimachinery `pkg/labels/selector.go`
/// (`Parse`, `Requirement.Matches`); see `LabelSelectorParser`. `>` and `<`
/// are refused, as `metav1.ParseToLabelSelector` (which CoreDNS uses for
/// `labels` and `namespace_labels`) refuses them.
public struct LabelSelector: Sendable, Hashable, CustomStringConvertible {
  public struct Requirement: Sendable, Hashable {
    public enum Operator: String, Sendable, Hashable {
      /// `k=v` or `k==v`
      case equals = "="
      /// `k!=v`
      case notEquals = "!="
      /// `k in (a,b)`
      case `in` = "in"
      /// `k notin (a,b)`
      case notIn = "notin"
      /// `k`
      case exists = "exists"
      /// `!k`
      case doesNotExist = "!"
    }

    public var key: String
    public var op: Operator
    /// Sorted and without repeats; one for `=` and `!=`, none for the
    /// existence tests. The empty string is a value.
    public var values: [String]

    /// Whether `labels` satisfy this requirement. A missing key satisfies
    /// only `!=`, `notin` and `!k`.
    public func matches(_ labels: [String: String]) -> Bool {
      matches { labels[$0] }
    }

    /// The same, with the labels given as a lookup: a value for a key,
    /// nil when the label is absent.
    public func matches(_ label: (String) -> String?) -> Bool {
      switch op {
      case .equals, .in:
        guard let value = label(key) else { return false }
        return values.contains(value)
      case .notEquals, .notIn:
        guard let value = label(key) else { return true }
        return !values.contains(value)
      case .exists:
        return label(key) != nil
      case .doesNotExist:
        return label(key) == nil
      }
    }

    /// `app=web`, `tier in (a,b)`, `!app`: apimachinery's own spelling.
    public var canonical: String {
      switch op {
      case .equals, .notEquals: "\(key)\(op.rawValue)\(values.first ?? "")"
      case .in, .notIn: "\(key) \(op.rawValue) (\(values.joined(separator: ",")))"
      case .exists: key
      case .doesNotExist: "!" + key
      }
    }
  }

  /// In key order, as apimachinery sorts them.
  public var requirements: [Requirement]
  /// The selector as it was written.
  public var text: String

  /// Parses `text`; a malformed selector throws with the position of the
  /// first wrong character.
  public init(_ text: String) throws(LabelSelectorError) {
    self.text = text
    requirements = try LabelSelectorParser.parse(text)
  }

  /// Whether every requirement holds for `labels` (an empty selector
  /// matches everything).
  public func matches(_ labels: [String: String]) -> Bool {
    requirements.allSatisfy { $0.matches(labels) }
  }

  /// Whether every requirement holds for the labels `label` looks up.
  public func matches(_ label: (String) -> String?) -> Bool {
    requirements.allSatisfy { $0.matches(label) }
  }

  public var description: String { text }

  /// The requirements in apimachinery's spelling, joined by commas.
  public var canonical: String { requirements.map(\.canonical).joined(separator: ",") }
}

/// A malformed selector: what is wrong and where.
public struct LabelSelectorError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  /// UTF-8 offset in the selector text of the first wrong character (the
  /// text's length when the selector ends too early).
  public var offset: Int

  public init(_ message: String, at offset: Int) {
    self.message = message
    self.offset = offset
  }

  public var description: String { message }
}
