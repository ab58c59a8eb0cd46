#if canImport(Glibc)
import Glibc
#endif

/// A non-blocking TCP connection to an IP literal whose every wait is bounded by a deadline; closed on deinit.
final class TCPSocket {
    private var descriptor: Int32

    /// Connects to `address` (IPv4 or IPv6 literal) and `port` before `deadline`.
    init(address: String, port: Int, deadline: Deadline) throws(ProbeFailure) {
        descriptor = try Self.connected(address: address, port: port, deadline: deadline)
    }

    deinit { close() }

    /// Closes the connection now (idempotent); later sends and receives fail as if the peer had closed.
    func close() {
        guard descriptor >= 0 else { return }
        _ = posixClose(descriptor)
        descriptor = -1
    }

    /// Sends all of `bytes` before `deadline` (MSG_NOSIGNAL: a closed peer is an error, not a SIGPIPE).
    func send(_ bytes: UnsafeRawBufferPointer, deadline: Deadline) throws(ProbeFailure) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let sent = posixSend(descriptor, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if sent > 0 {
                offset += sent
            } else if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                guard Self.wait(descriptor, for: Int16(POLLOUT), until: deadline) else {
                    throw ProbeFailure(kind: .timeout, description: "timed out sending to the server")
                }
            } else {
                throw ProbeFailure(kind: .closed, description: "the server closed the connection (\(Self.lastError))")
            }
        }
    }

    /// Waits until readable before `deadline`, then reads into `buffer`; returns the count, 0 at end of stream.
    func receive(into buffer: UnsafeMutableRawBufferPointer, deadline: Deadline) throws(ProbeFailure) -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return count }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                throw ProbeFailure(kind: .closed, description: "the connection failed (\(Self.lastError))")
            }
            guard Self.wait(descriptor, for: Int16(POLLIN), until: deadline) else {
                throw ProbeFailure(kind: .timeout, description: "timed out waiting for the server")
            }
        }
    }

    /// Whether `name` is an IPv4 or IPv6 address literal (which is never sent as SNI).
    static func isIPLiteral(_ name: String) -> Bool {
        var ipv4 = in_addr()
        var ipv6 = in6_addr()
        return inet_pton(AF_INET, name, &ipv4) == 1 || inet_pton(AF_INET6, name, &ipv6) == 1
    }

    private static var lastError: String { String(cString: strerror(errno)) }

    private static func connected(address: String, port: Int, deadline: Deadline) throws(ProbeFailure) -> Int32 {
        guard (1...65_535).contains(port) else {
            throw ProbeFailure(kind: .connect, description: "invalid port \(port)")
        }
        guard let (storage, length) = socketAddress(address, port: port) else {
            throw ProbeFailure(kind: .connect, description: "\(address) is not an IP address literal")
        }
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let descriptor = socket(Int32(storage.ss_family), type, 0)
        guard descriptor >= 0 else {
            throw ProbeFailure(kind: .connect, description: "socket() failed: \(lastError)")
        }
        var noDelay: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = storage
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, length) }
        }
        var failure: ProbeFailure?
        if result != 0, errno != EINPROGRESS {
            failure = ProbeFailure(kind: .connect, description: "connect failed: \(lastError)")
        } else if result != 0, !wait(descriptor, for: Int16(POLLOUT), until: deadline) {
            failure = ProbeFailure(kind: .timeout, description: "connect timed out")
        } else {
            var error: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &size)
            if error != 0 {
                failure = ProbeFailure(
                    kind: .connect,
                    description: "connect failed: \(String(cString: strerror(error)))"
                )
            }
        }
        if let failure {
            _ = posixClose(descriptor)
            throw failure
        }
        return descriptor
    }

    /// Waits until `descriptor` is ready for `events` (or in error) before `deadline`; false on timeout.
    private static func wait(_ descriptor: Int32, for events: Int16, until deadline: Deadline) -> Bool {
        while true {
            let timeout = deadline.remainingMilliseconds
            if timeout == 0 { return false }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, timeout)
            if ready > 0 { return true }
            if ready == 0 || errno != EINTR { return false }
        }
    }

    /// The `sockaddr` for an IPv4 or IPv6 literal (brackets allowed around IPv6), or nil for anything else.
    private static func socketAddress(_ address: String, port: Int) -> (sockaddr_storage, socklen_t)? {
        var storage = sockaddr_storage()
        let portBytes = in_port_t(UInt16(port).bigEndian)
        let isIPv4 = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                ipv4.pointee.sin_family = sa_family_t(AF_INET)
                ipv4.pointee.sin_port = portBytes
                return inet_pton(AF_INET, address, &ipv4.pointee.sin_addr) == 1
            }
        }
        if isIPv4 { return (storage, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        storage = sockaddr_storage()
        var literal = Substring(address)
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = literal.dropFirst().dropLast() }
        let text = String(literal)
        let isIPv6 = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                ipv6.pointee.sin6_family = sa_family_t(AF_INET6)
                ipv6.pointee.sin6_port = portBytes
                return inet_pton(AF_INET6, text, &ipv6.pointee.sin6_addr) == 1
            }
        }
        return isIPv6 ? (storage, socklen_t(MemoryLayout<sockaddr_in6>.size)) : nil
    }
}

/// Glibc's `close`, reachable from inside `TCPSocket` whose own `close` shadows it.
private func posixClose(_ descriptor: Int32) -> Int32 { close(descriptor) }

/// Glibc's `send`, reachable from inside `TCPSocket` whose own `send` shadows it.
private func posixSend(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
    send(descriptor, base, count, flags)
}
