/// Shows reading progress on one terminal line of stderr, rewritten in
/// place, and clears it when reading is done. Only used when stderr is a
/// terminal and `--quiet` is not given.
enum ProgressLine {
  static func sink(_ console: Console) -> @Sendable (ReadProgress) -> Void {
    { progress in
      // "\r" returns to the line start, ESC[K clears to its end.
      console.err(progress.done ? "\r\u{1B}[K" : "\r" + progress.line + "\u{1B}[K")
    }
  }
}
