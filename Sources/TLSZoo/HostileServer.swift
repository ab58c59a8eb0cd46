import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A loopback TCP server that answers every ClientHello badly (garbage, truncated or oversized records, silence,
/// resets, endless flights), to prove the probes stay bounded.
public final class HostileServer: @unchecked Sendable {
    /// How the server misbehaves on each connection.
    public enum Behaviour: String, CaseIterable, Sendable, CustomStringConvertible {
        /// 300 random bytes that are not a TLS record, then close.
        case randomBytes
        /// A handshake record header announcing 64 bytes, 10 of them, then close.
        case truncatedRecord
        /// The start of a large handshake record, then nothing: the connection stays open.
        case stalledRecord
        /// A record header announcing 65535 bytes (over the TLS limit), and some bytes; the connection stays open.
        case hugeLength
        /// Reads the hello and never answers.
        case silent
        /// Reads the hello and resets the connection (SO_LINGER 0).
        case reset
        /// An SSLv2-only server: an SSLv2 SERVER-HELLO to an SSLv2 CLIENT-HELLO, a protocol_version alert otherwise.
        case sslv2Only
        /// A ServerHello announcing almost 1 MiB, then handshake records without end (at most 4 MiB).
        case endlessFlight
        /// A well-formed TLS 1.2 flight whose ServerHello always picks TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (offered
        /// or not) and whose Certificate message carries 100 garbage "certificates" of 900 bytes each.
        case hundredCertificateChain

        /// The behaviour's name, for test output.
        public var description: String { rawValue }

        /// The behaviours that must make every probe fail.
        public static let hostile: [Behaviour] = [
            .randomBytes, .truncatedRecord, .hugeLength, .silent, .reset, .endlessFlight,
        ]
    }

    /// The loopback port it listens on.
    public let port: Int
    private let behaviour: Behaviour
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private var held: [Int32] = []
    private let finished = DispatchSemaphore(value: 0)

    /// Listens on a free 127.0.0.1 port and starts misbehaving on every connection.
    public init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 64) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in
            acceptLoop()
            finished.signal()
        }
        thread.start()
    }

    /// Stops accepting, closes every held connection and the listener, and waits for the thread.
    public func stop() {
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        guard first else { return }
        finished.wait()
        for fd in held { close(fd) }
        close(listener)
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        while !isStopped {
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            handle(connection)
        }
    }

    private func handle(_ fd: Int32) {
        if behaviour == .silent {
            held.append(fd)
            return
        }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 4096)
        var count = 0
        if poll(&descriptor, 1, 1000) > 0 { count = recv(fd, &buffer, buffer.count, 0) }
        switch behaviour {
        case .randomBytes:
            send(fd, [0x47] + (0..<299).map { _ in UInt8.random(in: 0...255) })
        case .truncatedRecord:
            send(fd, [0x16, 0x03, 0x03, 0x00, 0x40] + [UInt8](repeating: 0x02, count: 10))
        case .stalledRecord:
            send(fd, [0x16, 0x03, 0x03, 0x3E, 0x80, 0x02, 0x00, 0x00, 0x46, 0x03, 0x03])
            held.append(fd)
            return
        case .hugeLength:
            send(fd, [0x16, 0x03, 0x03, 0xFF, 0xFF] + [UInt8](repeating: 0x02, count: 100))
            held.append(fd)
            return
        case .reset:
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        case .endlessFlight:
            var record: [UInt8] = [0x16, 0x03, 0x03, 0x40, 0x00, 0x02, 0x0F, 0xFF, 0xF0]
            record += [UInt8](repeating: 0x41, count: 16_384 - 4)
            let filler: [UInt8] = [0x16, 0x03, 0x03, 0x40, 0x00] + [UInt8](repeating: 0x41, count: 16_384)
            var sent = 0
            while sent < 4 << 20, !isStopped, send(fd, sent == 0 ? record : filler) { sent += filler.count }
        case .hundredCertificateChain:
            send(fd, Self.hundredCertificateFlight)
        case .sslv2Only:
            send(
                fd,
                count > 0 && buffer[0] & 0x80 != 0 ? Self.sslv2ServerHello : [0x15, 0x03, 0x01, 0x00, 0x02, 2, 70]
            )
        case .silent:
            break
        }
        close(fd)
    }

    /// SERVER-HELLO: type 4, no session hit, X.509, version 2, a 4-byte "certificate", RC4-MD5, 16-byte connection id.
    private static let sslv2ServerHello: [UInt8] = {
        let body: [UInt8] =
            [0x04, 0x00, 0x01, 0x00, 0x02, 0x00, 0x04, 0x00, 0x03, 0x00, 0x10] + [0x30, 0x02, 0x05, 0x00]
            + [0x01, 0x00, 0x80] + [UInt8](repeating: 0x11, count: 16)
        return [0x80 | UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
    }()

    /// ServerHello (TLS 1.2, suite 0xC02F, renegotiation_info) + Certificate (100 × 900 garbage bytes) +
    /// ServerHelloDone, split into records of at most 16 KiB.
    private static let hundredCertificateFlight: [UInt8] = {
        func u24(_ value: Int) -> [UInt8] {
            [UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        }
        let extensions: [UInt8] = [0xFF, 0x01, 0x00, 0x01, 0x00]
        let hello: [UInt8] =
            [0x03, 0x03] + [UInt8](repeating: 0x5A, count: 32) + [0x00] + [0xC0, 0x2F, 0x00]
            + [0x00, UInt8(extensions.count)] + extensions
        let garbage = [UInt8](repeating: 0x30, count: 1) + [UInt8](repeating: 0xA5, count: 899)
        let list = (0..<100).flatMap { _ in u24(garbage.count) + garbage }
        let certificate = u24(list.count) + list
        let handshake =
            [0x02] + u24(hello.count) + hello + [0x0B] + u24(certificate.count) + certificate + [0x0E, 0, 0, 0]
        var records: [UInt8] = []
        var offset = 0
        while offset < handshake.count {
            let chunk = handshake[offset..<min(offset + 16_384, handshake.count)]
            records += [0x16, 0x03, 0x03, UInt8(chunk.count >> 8), UInt8(chunk.count & 0xFF)] + chunk
            offset += chunk.count
        }
        return records
    }()

    @discardableResult
    private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    deinit { stop() }
}
