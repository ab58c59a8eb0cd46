import Foundation
import TLSProbe
import TLSZoo

#if canImport(Glibc)
import Glibc
#endif

/// A blocking loopback TCP socket with receive timeouts; enough to send a ClientHello and read the first flight.
struct LoopbackSocket {
    private let descriptor: Int32

    init(port: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw OpenSSLTool.Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            Glibc.close(fd)
            throw OpenSSLTool.Failure(description: "connect to \(port) failed")
        }
        descriptor = fd
    }

    func close() { _ = Glibc.close(descriptor) }

    /// Sends `hello` and reads until the flight is complete, the peer closes, or `timeout` passes.
    func exchange(_ hello: [UInt8], timeout: TimeInterval = 5) -> (flight: ServerFlight, bytes: Int) {
        _ = hello.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let deadline = Date().addingTimeInterval(timeout)
        var flight = ServerFlight.parse(received)
        while !flight.isComplete, Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                break
            }
            received += buffer[0..<count]
            flight = ServerFlight.parse(received)
        }
        return (flight, received.count)
    }
}
