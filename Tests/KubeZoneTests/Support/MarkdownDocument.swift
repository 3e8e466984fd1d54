import Foundation

/// A Markdown file read for what a link checker needs: its links and the
/// anchors of its headings, as GitHub renders them.
///
/// Only what the repository's documents use is understood: ATX headings
/// (`## Title`), inline links and images (`[text](target)`), reference
/// definitions (`[id]: target`), fenced code blocks and code spans, whose
/// contents are never links or headings.
struct MarkdownDocument {
  struct Link: Equatable {
    var target: String
    var line: Int
  }

  var links: [Link] = []
  /// The anchor of every heading (`#records`), duplicates numbered as
  /// GitHub numbers them (`#notes`, `#notes-1`).
  var anchors: Set<String> = []

  init(_ text: String) {
    var seen: [String: Int] = [:]
    var block: [(line: Int, text: String)] = []
    var fence: String?
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = String(raw)
      let trimmed = line.drop { $0 == " " }
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        scanLinks(block)
        block = []
        fence = String(trimmed.prefix(3))
        continue
      }
      if trimmed.isEmpty {
        scanLinks(block)
        block = []
        continue
      }
      if let heading = Self.heading(line) {
        let slug = Self.slug(heading)
        let count = seen[slug, default: 0]
        seen[slug] = count + 1
        anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
      }
      block.append((index + 1, line))
    }
    scanLinks(block)
  }

  /// The text of an ATX heading (`## Title ##` gives `Title`), or nil.
  static func heading(_ line: String) -> String? {
    let indent = line.prefix { $0 == " " }.count
    guard indent <= 3 else { return nil }
    let rest = line.dropFirst(indent)
    let hashes = rest.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes) else { return nil }
    let body = rest.dropFirst(hashes)
    guard body.isEmpty || body.first == " " else { return nil }
    var text = body.trimmingCharacters(in: .whitespaces)
    while text.hasSuffix("#") { text.removeLast() }
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// GitHub's anchor for a heading: the rendered text (links reduced to
  /// their text) in lower case, every character that is not a letter, a
  /// digit, `-`, `_` or a space dropped, and spaces turned into `-`.
  static func slug(_ heading: String) -> String {
    let text = heading.replacingOccurrences(
      of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
    var out = ""
    for character in text.lowercased() {
      if character == " " {
        out.append("-")
      } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
        out.append(character)
      }
    }
    return out
  }

  /// Links of one block (a paragraph, list or table between blank lines),
  /// with code spans removed first: a span may run across lines of its
  /// block, never out of it.
  private mutating func scanLinks(_ block: [(line: Int, text: String)]) {
    guard !block.isEmpty else { return }
    let text = Self.removingCodeSpans(block.map(\.text).joined(separator: "\n"))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (offset, line) in lines.enumerated() {
      let number = block[0].line + offset
      let s = String(line)
      for match in Self.matches(#"\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)"#, in: s) {
        links.append(Link(target: match, line: number))
      }
      for match in Self.matches(#"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?"#, in: s) {
        links.append(Link(target: match, line: number))
      }
    }
  }

  /// `text` with the contents of every code span blanked out (kept as
  /// spaces, so line numbers and other text stay where they were).
  static func removingCodeSpans(_ text: String) -> String {
    var chars = Array(text)
    var i = 0
    while i < chars.count {
      guard chars[i] == "`" else {
        i += 1
        continue
      }
      var run = 0
      while i + run < chars.count && chars[i + run] == "`" { run += 1 }
      // Find a closing run of exactly the same length.
      var j = i + run
      var close: Int?
      while j < chars.count {
        if chars[j] == "`" {
          var other = 0
          while j + other < chars.count && chars[j + other] == "`" { other += 1 }
          if other == run {
            close = j
            break
          }
          j += other
        } else {
          j += 1
        }
      }
      guard let end = close else {
        i += run
        continue
      }
      for k in i..<(end + run) where chars[k] != "\n" { chars[k] = " " }
      i = end + run
    }
    return String(chars)
  }

  private static func matches(_ pattern: String, in text: String) -> [String] {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).compactMap { match in
      Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
  }
}

/// Checks that a document's relative links lead to files or folders inside
/// the repository, and their anchors to headings of the Markdown file they
/// name.
struct LinkChecker {
  /// The repository's root folder, without a trailing slash.
  let root: String
  /// Files that may be linked before they exist (generated by others),
  /// relative to `root`.
  var mayBeAbsent: Set<String> = []

  /// One message per broken link of the document at `relativePath`.
  func problems(in relativePath: String) -> [String] {
    let path = root + "/" + relativePath
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      return ["\(relativePath): cannot be read"]
    }
    let document = MarkdownDocument(text)
    let folder = (relativePath as NSString).deletingLastPathComponent
    var problems: [String] = []
    for link in document.links {
      let place = "\(relativePath):\(link.line): \(link.target)"
      if Self.isExternal(link.target) { continue }
      let parts = link.target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
      let file = String(parts[0]).removingPercentEncoding ?? String(parts[0])
      let fragment = parts.count > 1 ? String(parts[1]) : nil
      guard let target = resolve(file, from: folder) else {
        problems.append("\(place): leads outside the repository")
        continue
      }
      if file.isEmpty {
        if let fragment, !document.anchors.contains(fragment) {
          problems.append("\(place): no heading with this anchor here")
        }
        continue
      }
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root + "/" + target, isDirectory: &isFolder) else {
        if !mayBeAbsent.contains(target) { problems.append("\(place): no such file or folder") }
        continue
      }
      guard let fragment, !fragment.isEmpty else { continue }
      guard !isFolder.boolValue, target.hasSuffix(".md"),
        let linked = try? String(contentsOfFile: root + "/" + target, encoding: .utf8)
      else {
        problems.append("\(place): an anchor, but the target is not a Markdown file")
        continue
      }
      if !MarkdownDocument(linked).anchors.contains(fragment) {
        problems.append("\(place): \(target) has no heading with this anchor")
      }
    }
    return problems
  }

  /// A URL with a scheme (`https:`, `mailto:`) or a network path (`//host`).
  static func isExternal(_ target: String) -> Bool {
    target.hasPrefix("//") || target.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil
  }

  /// `file` relative to `folder` (or to the root when it starts with `/`,
  /// as GitHub reads it), as a path relative to the root; nil when it
  /// leaves the repository. The empty path is the document itself.
  func resolve(_ file: String, from folder: String) -> String? {
    var parts: [Substring] = file.hasPrefix("/") ? [] : folder.split(separator: "/")
    for component in file.split(separator: "/") {
      switch component {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(component)
      }
    }
    return parts.joined(separator: "/")
  }
}
