import Foundation

/// A value computed on first use and kept: later calls return the same value without recomputing it.
///
/// For large fixture bodies that depend on a listener's origin (so they cannot be `static let`) and that most
/// zoo runs never request. Access is serialised by a lock; the computation runs at most once.
final class ComputedOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    private let make: @Sendable () -> Value

    /// Creates the holder; `make` runs on the first ``get()``.
    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value, computed now if this is the first call.
    func get() -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value {
            return value
        }
        let made = make()
        value = made
        return made
    }
}
