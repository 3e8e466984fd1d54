import Dispatch

/// Frees a large value on another thread, so the stages that follow do
/// not wait for it.
///
/// Freeing the inventory of 30,000 pods (their strings, label tables and
/// addresses: hundreds of thousands of blocks) took about 50 ms on the
/// critical path, while the zone stages that come next leave a core idle
/// for longer than that.
enum BackgroundRelease {
  /// Takes `value` and drops it on a background queue. If something else
  /// still holds the value's storage, only this reference goes.
  static func release<Value: Sendable>(_ value: consuming Value) {
    let box = Box(consume value)
    DispatchQueue.global(qos: .utility).async { box.clear() }
  }

  /// The last reference, handed over whole: clearing it on the background
  /// thread is what frees the value there, whichever thread drops the box.
  private final class Box<Value: Sendable>: @unchecked Sendable {
    // Set once here, cleared once on the queue; nothing reads it between.
    private var value: Value?

    init(_ value: consuming Value) { self.value = consume value }

    func clear() { value = nil }
  }
}
