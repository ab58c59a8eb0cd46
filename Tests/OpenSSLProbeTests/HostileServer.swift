import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A loopback TCP listener that misbehaves: it answers every connection with random bytes, resets it, sends the
/// start of a record and then nothing, or never accepts at all (the kernel still completes the TCP handshake, so
/// the client waits for a ServerHello that never comes).
final class HostileServer: Sendable {
    /// How the server misbehaves.
    enum Behaviour: Sendable {
        case randomBytes, reset, truncatedRecord, silent
    }

    /// The loopback port.
    let port: Int
    private let descriptor: Int32
    private let stopped = Atomic(false)
    private let finished = Mutex(false)

    /// Listens on a free 127.0.0.1 port and starts misbehaving.
    init(_ behaviour: Behaviour) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, ready else {
            if fd >= 0 { close(fd) }
            throw CocoaError(.fileWriteUnknown)
        }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        if behaviour == .silent {
            finished.withLock { $0 = true }
        } else {
            let thread = Thread { [self] in serve(behaviour) }
            thread.start()
        }
    }

    /// Stops accepting, waits (bounded) for the serving thread, and closes the listener.
    func stop() {
        guard !stopped.exchange(true, ordering: .sequentiallyConsistent) else { return }
        for _ in 0..<200 where !finished.withLock({ $0 }) { usleep(10_000) }
        close(descriptor)
    }

    private func serve(_ behaviour: Behaviour) {
        var held: [Int32] = []
        defer {
            for client in held { close(client) }
            finished.withLock { $0 = true }
        }
        while !stopped.load(ordering: .sequentiallyConsistent) {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 50) > 0 else { continue }
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { continue }
            usleep(20_000)  // let the ClientHello arrive
            var request = [UInt8](repeating: 0, count: 4_096)
            _ = recv(client, &request, request.count, Int32(MSG_DONTWAIT))
            switch behaviour {
            case .randomBytes:
                var noise = (0..<4_096).map { _ in UInt8.random(in: 0...255) }
                noise[0] = 0x16  // a handshake record type, so the client reads on into the garbage
                _ = send(client, &noise, noise.count, Int32(MSG_NOSIGNAL))
                close(client)
            case .reset:
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                _ = setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                close(client)
            case .truncatedRecord:
                var start: [UInt8] = [0x16, 0x03, 0x03, 0x3E, 0x80, 0x02, 0x00, 0x00, 0x46, 0x03, 0x03]
                _ = send(client, &start, start.count, Int32(MSG_NOSIGNAL))
                held.append(client)
            case .silent:
                held.append(client)
            }
        }
    }
}
