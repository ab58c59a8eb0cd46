import Foundation
import NIOCore
import NIOPosix
import TLSProbe
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway P-256 certificate and key generated with `/usr/bin/openssl` for the loopback tests.
struct TestCertificate {
    let directory: URL
    var certificatePath: String { directory.appendingPathComponent("cert.pem").path }
    var keyPath: String { directory.appendingPathComponent("key.pem").path }
    /// The certificate's DER bytes, as a TLS ≤ 1.2 server must send them.
    let der: [UInt8]

    static func make() throws -> TestCertificate {
        let directory = try TestPaths.temporaryDirectory()
        let cert = directory.appendingPathComponent("cert.pem").path
        try OpenSSL.run([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=localhost",
            "-days", "1", "-keyout", directory.appendingPathComponent("key.pem").path, "-out", cert,
        ])
        let derPath = directory.appendingPathComponent("cert.der").path
        try OpenSSL.run(["x509", "-in", cert, "-outform", "DER", "-out", derPath])
        return TestCertificate(directory: directory, der: Array(try Data(contentsOf: URL(fileURLWithPath: derPath))))
    }
}

/// Runs `/usr/bin/openssl` synchronously with a bounded wait.
enum OpenSSL {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String], timeout: TimeInterval = 20) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "openssl \(arguments.first ?? "") timed out")
        }
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "openssl \(arguments.joined(separator: " ")) exited \(process.terminationStatus)"
            )
        }
    }
}

/// An `openssl s_server` on a free loopback port; `stop()` kills it.
final class OpenSSLServer {
    let port: Int
    private let process: Process
    private let input = Pipe()
    private var stopped = false
    let log: URL

    init(certificate: TestCertificate, arguments: [String]) throws {
        port = try Self.freePort()
        log = certificate.directory.appendingPathComponent("s_server-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments =
            ["s_server", "-accept", String(port), "-cert", certificate.certificatePath, "-key", certificate.keyPath]
            + arguments
        let output = try FileHandle(forWritingTo: log)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try? output.close()
        try waitUntilListening(timeout: 10)
    }

    /// Kills the server (SIGKILL cannot be ignored, so the wait that follows is bounded) and reaps it.
    func stop() {
        guard !stopped else { return }
        stopped = true
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }

    /// The server's log, for failure messages.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    private func waitUntilListening(timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard process.isRunning else { throw OpenSSL.Failure(description: "s_server exited: \(output)") }
            if let socket = try? LoopbackSocket(port: port) {
                socket.close()
                return
            }
            usleep(20_000)
        }
        throw OpenSSL.Failure(description: "s_server did not listen on \(port) within \(timeout) s")
    }

    /// Binds a NIO server on port 0 to learn a free port, then closes it.
    private static func freePort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0).wait()
        let port = channel.localAddress?.port ?? 0
        try channel.close().wait()
        guard port > 0 else { throw OpenSSL.Failure(description: "no free port") }
        return port
    }
}

/// A blocking loopback TCP socket with receive timeouts; enough to send a ClientHello and read the first flight.
struct LoopbackSocket {
    private let descriptor: Int32

    init(port: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw OpenSSL.Failure(description: "socket() failed") }
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
            throw OpenSSL.Failure(description: "connect to \(port) failed")
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
