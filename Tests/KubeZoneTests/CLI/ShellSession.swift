import Foundation
import Testing
@testable import KubeZone

/// Real shells asked for completions: bash through its completion
/// function, fish through `complete -C`, zsh typed into a terminal under
/// tmux (zsh completes only inside its line editor).
enum ShellSession {
  /// bash's replies for each command line (the last word is the one being
  /// completed), with the script from `kubezone completions bash` loaded.
  static func bash(_ script: String, lines: [[String]], in folder: String) throws -> [[String]]? {
    guard let bash = ExternalTool.find("bash") else { return nil }
    let dir = TestSupport.temporaryFolder("bash")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var driver = "source \(dir)/kubezone.bash\ncd \(ReferenceText.shellQuoted(folder))\n"
    for line in lines {
      driver += "COMP_WORDS=(\(line.map(ReferenceText.shellQuoted).joined(separator: " "))); COMP_CWORD=\(line.count - 1); COMPREPLY=()\n"
      driver += "_kubezone; printf '%s\\n' \"${COMPREPLY[@]}\"; echo '<end>'\n"
    }
    TestSupport.write(script, to: dir + "/kubezone.bash")
    TestSupport.write(driver, to: dir + "/driver.bash")
    let output = try ExternalTool.run(bash, ["--norc", "--noprofile", dir + "/driver.bash"])
    #expect(output.status == 0, "bash: \(output.stderr)")
    return replies(output.stdout)
  }

  /// fish's completions (the words, without descriptions) for each line.
  static func fish(_ script: String, lines: [String], in folder: String) throws -> [[String]]? {
    guard let fish = ExternalTool.find("fish") else { return nil }
    let dir = TestSupport.temporaryFolder("fish")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    TestSupport.write(script, to: dir + "/kubezone.fish")
    var driver = "source \(dir)/kubezone.fish\ncd \(ReferenceText.shellQuoted(folder))\n"
    for line in lines {
      driver += "complete -C \(ReferenceText.shellQuoted(line)) | string split -f1 \\t; echo '<end>'\n"
    }
    TestSupport.write(driver, to: dir + "/driver.fish")
    let output = try ExternalTool.run(fish, ["--no-config", dir + "/driver.fish"])
    #expect(output.status == 0, "fish: \(output.stderr)")
    return replies(output.stdout)
  }

  private static func replies(_ text: String) -> [[String]] {
    var result: [[String]] = []
    var current: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "<end>" {
        result.append(current)
        current = []
      } else if !line.isEmpty {
        current.append(String(line))
      }
    }
    return result
  }
}

/// An interactive zsh in a tmux terminal of its own (a private server
/// socket), with `fpath` holding a folder the test fills.
final class ZshTerminal {
  let tmux: String
  let socket = "kz-\(UUID().uuidString.prefix(8))"

  init?(fpath: String, in folder: String) throws {
    guard let tmux = ExternalTool.find("tmux"), let zsh = ExternalTool.find("zsh") else { return nil }
    self.tmux = tmux
    let shell = "env -i HOME=\(fpath) TERM=xterm PATH=/usr/bin:/bin \(zsh) -f"
    // Started without Foundation's Process, and with every descriptor past
    // stderr closed: the tmux server lives on, and a descriptor it inherited
    // (Process's child-exit watch, or the pipe of a tool another test is
    // running) would keep that wait or read from ever ending.
    guard Self.spawn([tmux, "-L", socket, "new-session", "-d", "-s", "kz", "-x", "200", "-y", "20", shell]) == 0 else {
      Issue.record("tmux could not start a session")
      return nil
    }
    try type("fpath=(\(fpath) $fpath); autoload -U compinit; compinit -u; cd \(ReferenceText.shellQuoted(folder)); PS1='> '; echo ready", enter: true)
    guard try waitFor({ $0.contains("\nready") }) != nil else {
      Issue.record("zsh did not start in its tmux terminal: \(try capture())")
      return nil
    }
  }

  deinit { _ = try? run(["kill-server"]) }

  /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 on), which
  /// Swift's Glibc module does not export.
  private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
  }()

  /// Runs `argv` with standard input and output on /dev/null and no other
  /// descriptor, and returns its exit status.
  private static func spawn(_ argv: [String]) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] {
      posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    guard let closeFrom = closeFrom else { return -1 }
    _ = closeFrom(&actions, 3)
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { for p in cArgs { free(p) } }
    // No signal blocked: a test thread blocks most of them, and a tmux
    // server (and its zsh) started with that mask would never see the
    // SIGCHLD and SIGHUP of kill-server, and outlive the test.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var pid = pid_t()
    guard posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return status
  }

  /// Types `text` on a fresh prompt, presses Tab, and returns the command
  /// line once zsh has changed it (or as it stands after `patience`
  /// seconds). On a loaded machine a Tab can be taken before zsh is ready
  /// for it, so an unchanged line gets one more Tab before the answer.
  func complete(_ text: String, patience: Double = 15) throws -> String {
    try type("clear", enter: true)
    guard try waitFor({ $0.trimmingCharacters(in: .whitespacesAndNewlines) == ">" }) != nil else {
      Issue.record("zsh gave no fresh prompt: \(try capture())")
      return ""
    }
    try type(text, enter: false)
    guard try waitFor({ self.line($0) == "> " + text }) != nil else {
      Issue.record("zsh did not echo '\(text)': \(try capture())")
      return ""
    }
    var changed: String?
    for _ in 0..<2 where changed == nil {
      _ = try run(["send-keys", "-t", "kz", "Tab"])
      changed = try waitFor({ self.line($0) != "> " + text }, seconds: patience)
    }
    let screen = try changed ?? capture()
    _ = try run(["send-keys", "-t", "kz", "C-c"])
    // On a loaded machine keys typed while zsh still finishes the
    // interrupted line go into it: wait for the fresh prompt below it.
    if try waitFor({ Self.lastLine($0) == ">" }) == nil {
      Issue.record("zsh gave no prompt after C-c: \(try capture())")
    }
    return String(line(screen).dropFirst(2)).trimmingCharacters(in: .whitespaces)
  }

  private static func lastLine(_ screen: String) -> String {
    screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
  }

  private func line(_ screen: String) -> String {
    screen.split(separator: "\n").first { $0.hasPrefix("> ") }.map(String.init) ?? ""
  }

  private func type(_ text: String, enter: Bool) throws {
    if !text.isEmpty { _ = try run(["send-keys", "-t", "kz", "-l", text]) }
    if enter { _ = try run(["send-keys", "-t", "kz", "Enter"]) }
  }

  private func capture() throws -> String {
    try run(["capture-pane", "-p", "-t", "kz"]).stdout
  }

  /// The screen once `condition` holds, polling for up to `seconds`.
  private func waitFor(_ condition: (String) -> Bool, seconds: Double = 15) throws -> String? {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
      let screen = try capture()
      if condition(screen) { return screen }
      usleep(50_000)
    } while Date() < deadline
    return nil
  }

  @discardableResult
  private func run(_ arguments: [String]) throws -> ExternalTool.Output {
    try ExternalTool.run(tmux, ["-L", socket] + arguments, timeout: 10)
  }
}
