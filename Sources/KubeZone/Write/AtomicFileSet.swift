import Foundation

/// Replaces several files in one folder all-or-nothing.
///
/// 1. Every new text goes to a temporary file beside its target, which is
///    fsynced. A failure here deletes the temporaries: nothing changed.
/// 2. Every existing target gets a hard link as a backup. This also fails
///    early on a target that cannot be replaced (a folder, say).
/// 3. Every temporary is renamed over its target (atomic per file). If a
///    rename fails, the targets already replaced are restored from their
///    backups (or removed, if they are new), so the run changes nothing.
///    Then the files to remove are renamed to their backups (atomic per
///    file, restorable the same way).
/// 4. The folder is fsynced, so the renames survive a power cut; then the
///    backups go.
///
/// A reader never sees half a file. A crash (SIGKILL, power loss) leaves
/// every file whole, old or new; only a crash in the middle of step 3 can
/// leave some files old and some new, and the next run finishes the job.
/// Leftover `.*.kubezone-tmp` and `.*.kubezone-bak` files of a killed run
/// are removed by `removeLeftovers(in:)`.
public enum AtomicFileSet {
  public struct File: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, text: String) {
      self.init(path: path, bytes: Array(text.utf8))
    }

    public init(path: String, bytes: [UInt8]) {
      self.path = path
      self.bytes = bytes
    }
  }

  static let tempSuffix = ".kubezone-tmp"
  static let backupSuffix = ".kubezone-bak"

  /// Writes `files`, each into the folder its path names, and deletes
  /// the files at `removing` in the same step.
  public static func commit(_ files: [File], removing: [String] = []) throws(InputError) {
    try commit(files, removing: removing, failRenameAt: nil)
  }

  /// `commit`, with the rename of file `failRenameAt` made to fail, so
  /// tests can reach the roll-back path (no real failure reaches it
  /// reliably once step 2 has checked every target).
  static func commit(_ files: [File], removing: [String] = [], failRenameAt: Int?) throws(InputError) {
    guard !files.isEmpty || !removing.isEmpty else { return }
    var temps: [String] = []
    var backups: [String?] = []
    func cleanUp() {
      for t in temps { unlink(t) }
      for case let b? in backups { unlink(b) }
    }
    for file in files {
      let temp = hidden(file.path, suffix: tempSuffix)
      do throws(InputError) {
        try writeDurably(file.bytes, to: temp, modeFrom: file.path)
      } catch {
        unlink(temp)
        cleanUp()
        throw error
      }
      temps.append(temp)
    }
    for file in files {
      var info = stat()
      guard lstat(file.path, &info) == 0 else {
        backups.append(nil)
        continue
      }
      let backup = hidden(file.path, suffix: backupSuffix)
      unlink(backup)
      guard link(file.path, backup) == 0 else {
        let reason = errnoText()
        cleanUp()
        throw InputError("\(file.path): cannot be replaced (\(reason)); no file was changed", at: nil)
      }
      backups.append(backup)
    }
    for (i, file) in files.enumerated() {
      let failed = i == failRenameAt ? true : rename(temps[i], file.path) != 0
      if failed {
        let reason = i == failRenameAt ? "injected failure" : errnoText()
        for j in 0..<i {
          if let backup = backups[j] { rename(backup, files[j].path) } else { unlink(files[j].path) }
        }
        for j in i..<files.count { unlink(temps[j]) }
        for case let b? in backups { unlink(b) }
        syncFolders(files)
        throw InputError("\(file.path): cannot replace (\(reason)); every file was restored", at: nil)
      }
    }
    // A removal is a rename to a backup; the backups go with the others.
    var removed: [(path: String, backup: String)] = []
    for path in removing {
      let backup = hidden(path, suffix: backupSuffix)
      unlink(backup)
      guard rename(path, backup) == 0 || errno == ENOENT else {
        let reason = errnoText()
        for r in removed.reversed() { rename(r.backup, r.path) }
        for (j, file) in files.enumerated() {
          if let b = backups[j] { rename(b, file.path) } else { unlink(file.path) }
        }
        syncFolders(files + removing.map { File(path: $0, bytes: []) })
        throw InputError("\(path): cannot remove (\(reason)); every file was restored", at: nil)
      }
      removed.append((path, backup))
    }
    syncFolders(files + removing.map { File(path: $0, bytes: []) })
    for r in removed { unlink(r.backup) }
    for case let b? in backups { unlink(b) }
  }

  /// Removes temporaries and backups a killed run left in `folder`.
  public static func removeLeftovers(in folder: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(".") && (name.hasSuffix(tempSuffix) || name.hasSuffix(backupSuffix)) {
      unlink(folder + "/" + name)
    }
  }

  /// `dir/.name.kubezone-tmp`: hidden, so input globs and servers skip it.
  static func hidden(_ path: String, suffix: String) -> String {
    let url = URL(fileURLWithPath: path)
    return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + suffix
  }

  private static func writeDurably(_ bytes: [UInt8], to path: String, modeFrom target: String) throws(InputError) {
    var mode: mode_t = 0o644
    var info = stat()
    if stat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { mode = info.st_mode & 0o7777 }
    unlink(path)
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw InputError("\(path): cannot create (\(errnoText()))", at: nil) }
    defer { close(fd) }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { buffer in
        write(fd, buffer.baseAddress.map { $0 + written }, bytes.count - written)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError("\(path): cannot write (\(errnoText()))", at: nil)
      }
      written += n
    }
    // Set the mode explicitly, so a strict umask under cron does not make
    // the zone unreadable for the DNS server.
    guard fchmod(fd, mode) == 0, fsync(fd) == 0 else {
      throw InputError("\(path): cannot sync (\(errnoText()))", at: nil)
    }
  }

  private static func syncFolders(_ files: [File]) {
    let folders = Set(files.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().path })
    for folder in folders.sorted() {
      let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      if fd >= 0 {
        fsync(fd)
        close(fd)
      }
    }
  }

  private static func errnoText() -> String { String(cString: strerror(errno)) }
}
