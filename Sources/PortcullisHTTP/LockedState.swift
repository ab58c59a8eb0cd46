import Foundation

/// A value guarded by a lock: the only way to reach it is `withLock`, so every access is serialised.
///
/// Small and honest in the style of NIO's `NIOLockedValueBox`; portable where `Synchronization.Mutex`
/// would need a newer macOS.
final class LockedState<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
