import Foundation

/// Runs blocking libssl work on a dedicated thread, never on Swift's cooperative pool, and resumes the caller.
enum BlockingThread {
    /// Runs `body` on a new thread and returns its result.
    static func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = "portcullis-openssl-probe"
            thread.start()
        }
    }
}
