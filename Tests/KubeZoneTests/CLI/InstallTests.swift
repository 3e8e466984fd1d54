import Foundation
import Testing
@testable import KubeZone

/// `make install` and `make uninstall` into a temporary prefix, with the
/// binary this test run built (`KUBEZONE_BIN`; `.ci/run` also runs the
/// release build once): the installed binary, man page and completions
/// must work from where they were put.
@Suite(.serialized) struct InstallTests {
  @Test func makeInstallPutsEverythingWhereShellsAndManLook() throws {
    guard let make = ExternalTool.find("make"), let binary = TestSupport.kubezoneBinary else {
      if TestSupport.kubezoneBinary == nil { Issue.record("the kubezone executable was not built") }
      return
    }
    let prefix = TestSupport.temporaryFolder("prefix")
    defer { try? FileManager.default.removeItem(atPath: prefix) }
    let install = try ExternalTool.run(make, ["-C", TestSupport.packageRoot, "install", "PREFIX=" + prefix, "KUBEZONE_BIN=" + binary])
    #expect(install.status == 0, "make install: \(install.text)")
    let files = [
      "bin/kubezone", "share/man/man1/kubezone.1", "share/bash-completion/completions/kubezone",
      "share/zsh/site-functions/_kubezone", "share/fish/vendor_completions.d/kubezone.fish",
    ]
    for file in files {
      #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "make install did not write \(file)")
    }
    let version = try ExternalTool.run(prefix + "/bin/kubezone", ["--version"])
    #expect(version.stdout == "kubezone \(CommandLine.kubezoneVersion)\n")

    if let man = ExternalTool.find("man") {
      let page = try ExternalTool.run(man, ["-l", "-P", "cat", prefix + "/share/man/man1/kubezone.1"])
      #expect(page.status == 0 && page.stdout.contains("kubezone generate"))
    }
    // Each shell loads the installed file from where it looks for one, with
    // the installed binary first on PATH.
    let path = "PATH=\(prefix)/bin:/usr/bin:/bin"
    let loader = "/usr/share/bash-completion/bash_completion"
    if let bash = ExternalTool.find("bash"), FileManager.default.fileExists(atPath: loader) || Self.missing("bash-completion") {
      let driver = prefix + "/complete.bash"
      TestSupport.write("""
        source \(loader)
        __load_completion kubezone || echo 'not loaded'
        COMP_WORDS=(kubezone gen); COMP_CWORD=1; _kubezone; echo "${COMPREPLY[@]}"
        """, to: driver)
      let out = try ExternalTool.run("/usr/bin/env", [path, "XDG_DATA_DIRS=\(prefix)/share:/usr/share", bash, "--norc", "--noprofile", driver])
      #expect(out.stdout == "generate\n", "bash: \(out.text)")
    }
    if let fish = ExternalTool.find("fish") {
      let vendor = prefix + "/share/fish/vendor_completions.d"
      let out = try ExternalTool.run("/usr/bin/env", [path, fish, "--no-config", "-c", "set fish_complete_path \(vendor) $fish_complete_path; complete -C 'kubezone gen' | string split -f1 \\t"])
      #expect(out.stdout == "generate\n", "fish: \(out.text)")
    }
    if let zsh = try ZshTerminal(fpath: prefix + "/share/zsh/site-functions", in: TestSupport.packageRoot) {
      #expect(try zsh.complete("kubezone gen") == "kubezone generate")
    }

    let uninstall = try ExternalTool.run(make, ["-C", TestSupport.packageRoot, "uninstall", "PREFIX=" + prefix])
    #expect(uninstall.status == 0)
    for file in files {
      #expect(!FileManager.default.fileExists(atPath: prefix + "/" + file), "make uninstall left \(file)")
    }
  }

  /// False, recording an issue in CI, where `.ci/run` installs everything.
  static func missing(_ package: String) -> Bool {
    if ExternalTool.inCI { Issue.record("\(package) is not installed; .ci/run must install it") }
    return false
  }
}
