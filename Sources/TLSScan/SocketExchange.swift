import Foundation
import TLSProbe

#if canImport(Glibc)
import Glibc
#endif

/// One blocking-but-bounded exchange over a non-blocking POSIX socket: connect, send the ClientHello, read until the
/// first flight is complete, close. Every wait goes through `poll` with the time left, every read is capped.
///
/// Runs on the transport's own dispatch queue, never on Swift's cooperative pool.
enum SocketExchange {
    static func run(_ hello: [UInt8], target: ProbeTarget, limits: ProbeLimits) -> HandshakeOutcome {
        guard (1...65_535).contains(target.port) else { return .connectFailed("port \(target.port) out of range") }
        guard let address = SocketAddress(target.address, port: target.port) else {
            return .connectFailed("not an IP address: \(target.address)")
        }
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return .connectFailed("socket(): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var noDelay: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))

        if let failure = connect(fd, address, deadline: Deadline(after: limits.connectTimeout)) {
            return .connectFailed(failure)
        }
        let deadline = Deadline(after: limits.handshakeTimeout)
        if let failure = send(fd, hello, deadline: deadline) { return failure }
        return receive(fd, limits: limits, deadline: deadline)
    }

    /// Nil on success, else the reason.
    private static func connect(_ fd: Int32, _ address: SocketAddress, deadline: Deadline) -> String? {
        let status = address.withSockaddr { Glibc.connect(fd, $0, $1) }
        if status != 0 {
            guard errno == EINPROGRESS || errno == EINTR else { return String(cString: strerror(errno)) }
            guard wait(fd, for: Int16(POLLOUT), until: deadline) else { return "connect timed out" }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { return String(cString: strerror(error)) }
        }
        return nil
    }

    private static func send(_ fd: Int32, _ bytes: [UInt8], deadline: Deadline) -> HandshakeOutcome? {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                sent += count
                continue
            }
            guard count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                return .reset(partialBytes: 0)
            }
            guard wait(fd, for: Int16(POLLOUT), until: deadline) else { return .timedOut(partialBytes: 0) }
        }
        return nil
    }

    private static func receive(_ fd: Int32, limits: ProbeLimits, deadline: Deadline) -> HandshakeOutcome {
        let maximum = max(limits.maximumFlightBytes, 16)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var flight = ServerFlight.parse([], maximumBytes: maximum)
        while true {
            guard wait(fd, for: Int16(POLLIN), until: deadline) else {
                return flight.response == nil ? .timedOut(partialBytes: received.count) : .flight(flight)
            }
            let wanted = min(buffer.count, maximum + 1 - received.count)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, wanted, 0) }
            if count > 0 {
                received += buffer[0..<count]
                flight = ServerFlight.parse(received, maximumBytes: maximum)
                if flight.isComplete { return .flight(flight) }
                continue
            }
            if count == 0 {
                if flight.response != nil { return .flight(flight) }
                return received.isEmpty ? .closedWithoutAnswer : .truncated(partialBytes: received.count)
            }
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
            return flight.response == nil ? .reset(partialBytes: received.count) : .flight(flight)
        }
    }

    /// Polls `fd` for `events`; false when the deadline passes first. Errors and hang-ups count as ready so the next
    /// system call reports them.
    private static func wait(_ fd: Int32, for events: Int16, until deadline: Deadline) -> Bool {
        while true {
            let remaining = deadline.remainingMilliseconds
            guard remaining > 0 else { return false }
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let status = poll(&descriptor, 1, Int32(clamping: remaining))
            if status > 0 { return true }
            if status == 0 { return false }
            if errno != EINTR { return true }
        }
    }
}

/// A monotonic deadline in milliseconds.
struct Deadline {
    private let end: UInt64

    init(after duration: Duration) {
        end = DispatchTime.now().uptimeNanoseconds / 1_000_000 + UInt64(duration.pollMilliseconds)
    }

    var remainingMilliseconds: Int {
        let now = DispatchTime.now().uptimeNanoseconds / 1_000_000
        return now >= end ? 0 : Int(end - now)
    }
}

/// An IPv4 or IPv6 socket address parsed from a literal.
struct SocketAddress {
    private var v4 = sockaddr_in()
    private var v6 = sockaddr_in6()
    let family: Int32

    init?(_ literal: String, port: Int) {
        let networkPort = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        if inet_pton(AF_INET, literal, &v4.sin_addr) == 1 {
            family = AF_INET
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = networkPort
        } else if inet_pton(AF_INET6, literal.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), &v6.sin6_addr)
            == 1
        {
            family = AF_INET6
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = networkPort
        } else {
            return nil
        }
    }

    func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        if family == AF_INET {
            var copy = v4
            return withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    body($0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        var copy = v6
        return withUnsafePointer(to: &copy) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                body($0, socklen_t(MemoryLayout<sockaddr_in6>.size))
            }
        }
    }
}
