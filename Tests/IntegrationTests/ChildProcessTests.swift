import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Children start with nothing of the test process but their three standard streams: an inherited socket kept
/// a connection open after the test closed it, and a serial `openssl s_server` then waited on it forever.
@Suite struct ChildProcessTests {
    @Test func aChildInheritsNoDescriptorBeyondTheStandardStreams() async throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket > 2)
        defer { close(socket) }
        #expect(fcntl(socket, F_GETFD) & FD_CLOEXEC == 0, "the probe descriptor must be inheritable by default")
        let check =
            "import os,sys\ntry:\n os.fstat(int(sys.argv[1])); print('inherited')\nexcept OSError: print('closed')"
        let finished = try await ChildProcess.run("/usr/bin/python3", ["-c", check, String(socket)], timeout: 20)
        #expect(finished.status == 0, "\(String(decoding: finished.errorOutput, as: UTF8.self))")
        #expect(String(decoding: finished.output, as: UTF8.self) == "closed\n")
    }
}
