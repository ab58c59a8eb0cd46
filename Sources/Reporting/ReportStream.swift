public import Foundation

/// The bytes of one report as a renderer produces them, kept in memory or passed on to a file in chunks.
///
/// Reports of a large fleet scan run to hundreds of megabytes; renderers append to a stream instead of building
/// one giant string, and a file-backed stream writes every ``flushThreshold`` bytes, so memory stays flat.
/// A stream belongs to one renderer at a time (it is not `Sendable`).
public final class ReportStream {
    /// How many buffered bytes a file-backed stream collects before it writes them out.
    public static let flushThreshold = 1 << 20

    /// The bytes not yet written out (for an in-memory stream: every byte).
    private var buffer: [UInt8] = []
    private let handle: FileHandle?
    private let path: String
    private var flushError: (any Error)?

    /// A stream that keeps every byte in memory; read them with ``bytes``.
    public init() {
        handle = nil
        path = ""
        buffer.reserveCapacity(64 * 1024)
    }

    /// A stream that writes to the open file `handle` (named `path` in errors) as it fills.
    public init(writingTo handle: FileHandle, path: String) {
        self.handle = handle
        self.path = path
        buffer.reserveCapacity(Self.flushThreshold + 64 * 1024)
    }

    /// Every byte written so far, for an in-memory stream.
    public var bytes: Data { Data(buffer) }

    /// Appends the UTF-8 bytes of `text`.
    @inlinable public func write(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends the UTF-8 bytes of `text` (a static string needs no copy).
    @inlinable public func write(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends one byte.
    public func write(byte: UInt8) {
        buffer.append(byte)
        flushIfFull()
    }

    /// Appends `bytes`.
    public func write(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        flushIfFull()
    }

    /// Appends the decimal digits of `number`.
    public func write(decimal number: Int) {
        write(String(number))
    }

    /// Appends a buffer of bytes; the fast path under every `write`.
    @usableFromInline func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        flushIfFull()
    }

    /// Writes out every buffered byte of a file-backed stream.
    ///
    /// - Throws: ``ReportWriteError`` naming the file when a write failed, now or earlier.
    public func flush() throws(ReportWriteError) {
        flushNow()
        if let flushError { throw ReportWriteError(path: path, reason: "cannot write report: \(flushError)") }
    }

    private func flushIfFull() {
        if handle != nil, buffer.count >= Self.flushThreshold { flushNow() }
    }

    private func flushNow() {
        guard let handle, !buffer.isEmpty else { return }
        if flushError == nil {
            do { try handle.write(contentsOf: buffer) } catch { flushError = error }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
