import Glibc

/// Invariant checks shared by the fuzz harnesses. A broken invariant
/// prints why and aborts, which libFuzzer reports as a crash and saves the
/// input that caused it.
enum FuzzCheck {
  /// Smaller than the defaults, so one input cannot take seconds; the
  /// limits themselves are what is being exercised.
  static let limits = ReadLimits(maxDepth: 256, maxNodes: 100_000, maxScalarBytes: 1 << 20)

  static func fail(_ message: String) -> Never {
    fputs("fuzz invariant broken: \(message)\n", stderr)
    abort()
  }

  static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fail(message()) }
  }

  /// An error's position must lie inside the input it was read from.
  static func location(_ at: SourceLocation, within bytes: [UInt8], _ who: String) {
    require(at.line >= 1 && at.column >= 1, "\(who): error at \(at) has no valid line:col")
    require(at.offset >= 0 && at.offset <= bytes.count, "\(who): error offset \(at.offset) outside \(bytes.count) bytes")
    var lines = 1
    var i = 0
    while i < at.offset {
      if bytes[i] == 0x0A { lines += 1 } else if bytes[i] == 0x0D {
        if i + 1 < at.offset, bytes[i + 1] == 0x0A { i += 1 }
        lines += 1
      }
      i += 1
    }
    // A CR at the very end of the prefix may pair with an LF after it.
    require(at.line == lines || at.line == lines - 1, "\(who): error at \(at), but offset \(at.offset) is on line \(lines)")
  }

  /// JSON text we rendered must read back and render identically.
  static func jsonRoundTrip(_ text: String, _ who: String) {
    let bytes = Array(text.utf8)
    do {
      let again = try JSONReader.document(bytes, file: "roundtrip.json", limits: .default)
      let rendered = again.jsonText()
      require(rendered == text, "\(who): JSON round trip changed\n\(text.prefix(300))\nto\n\(rendered.prefix(300))")
    } catch {
      fail("\(who): rendered JSON does not read back: \(error)\n\(text.prefix(300))")
    }
  }

  /// A stream's reading must end as the full readers' reading of the
  /// whole input: the same objects and skips, or the same error with the
  /// same excerpt. `who` says which stream, for the message.
  static func sameReading(
    _ streamed: Result<ObjectDecoder.Result, InputError>, as whole: Result<ObjectDecoder.Result, InputError>, _ who: String
  ) {
    switch (streamed, whole) {
    case (.success(let s), .success(let w)):
      require(s.objects == w.objects && s.skipped == w.skipped, "\(who) reads other objects")
    case (.failure(let s), .failure(let w)):
      require(s.rendered == w.rendered, "\(who) gives another error: \(s.rendered) / \(w.rendered)")
    case (.success, .failure(let w)):
      fail("\(who) read what the full readers reject: \(w)")
    case (.failure(let s), .success):
      fail("\(who) fails where the full readers read the input: \(s)")
    }
  }
}

enum JSONSniff {
  /// What kubezone sniffs as JSON: `{` or `[` first, after an optional
  /// BOM and white space.
  static func startsWithBracket(_ bytes: [UInt8]) -> Bool {
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    return i < bytes.count && (bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "["))
  }
}
