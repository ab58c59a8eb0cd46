import CompressNIO
import Foundation
import NIOCore

/// Inflates gzip data through a fixed 64 KiB window with a hard cap on the output, so a gzip bomb stops at the
/// cap instead of exhausting memory.
enum GzipInflater {
    /// What came out: the inflated bytes (at most the cap) and what went wrong, if anything.
    struct Outcome {
        var data: Data
        var problem: String?
    }

    /// Whether `data` starts with the gzip magic bytes `1f 8b`.
    static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// The inflated form of `data`, cut at `maxBytes`; a problem when the cap was hit or the data is corrupt.
    static func inflate(_ data: Data, maxBytes: Int) -> Outcome {
        let cap = max(0, maxBytes)
        let decompressor = CompressionAlgorithm.gzip().decompressor
        do {
            try decompressor.startStream()
        } catch {
            return Outcome(data: Data(), problem: "gzip decoder could not start: \(error)")
        }
        defer { try? decompressor.finishStream() }
        var input = ByteBuffer(bytes: data)
        var window = ByteBufferAllocator().buffer(capacity: 64 * 1024)
        var output = Data()
        while true {
            window.clear()
            let unread = input.readableBytes
            var windowFull = false
            var problem: String?
            do {
                try input.decompressStream(to: &window, with: decompressor)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                windowFull = true
            } catch {
                problem = "gzip data is corrupt after \(output.count + window.readableBytes) inflated bytes"
            }
            let produced = window.readableBytes
            if output.count + produced > cap {
                output.append(contentsOf: window.readableBytesView.prefix(cap - output.count))
                return Outcome(data: output, problem: "inflated size exceeds \(cap) bytes")
            }
            output.append(contentsOf: window.readableBytesView)
            if let problem {
                return Outcome(data: output, problem: problem)
            }
            let progressed = produced > 0 || input.readableBytes != unread
            // A full window may leave output pending inside zlib even when all input was read.
            guard windowFull || (progressed && input.readableBytes > 0) else { break }
        }
        return Outcome(data: output, problem: nil)
    }
}
