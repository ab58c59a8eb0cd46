import Foundation

/// The running zoo: one `openssl s_server` per `TLSZooServer` on loopback, all sharing the process's
/// `ZooCertificates`. Servers live until `stop()` (or deinit); starting waits at most about 10 s per server.
public final class TLSZooFleet: @unchecked Sendable {
    /// The certificates the servers use; `certificates.rootPath` is the trust anchor to give a scanner.
    public let certificates: ZooCertificates
    /// Each configuration with the loopback port its server accepts on, in `TLSZooServer.all` order.
    public let servers: [(spec: TLSZooServer, port: Int)]
    private let processes: [OpenSSLServer]

    private init(certificates: ZooCertificates, servers: [(TLSZooServer, OpenSSLServer)]) {
        self.certificates = certificates
        self.servers = servers.map { (spec: $0.0, port: $0.1.port) }
        self.processes = servers.map(\.1)
    }

    /// Starts the zoo servers (all, or those whose names are in `only`), launching every process before waiting for
    /// any, so the fleet is up in roughly the time of the slowest server. Throws for an unknown name or a server
    /// that does not come up; servers already started are stopped then.
    public static func start(only: [String]? = nil) throws -> TLSZooFleet {
        let specs: [TLSZooServer]
        if let only {
            specs = try only.map { name in
                guard let spec = TLSZooServer.named(name) else {
                    throw OpenSSLTool.Failure(description: "no zoo server named \(name)")
                }
                return spec
            }
        } else {
            specs = TLSZooServer.all
        }
        let certificates = try ZooCertificates.shared()
        var started: [(TLSZooServer, OpenSSLServer)] = []
        do {
            for spec in specs {
                started.append((spec, try launch(spec, certificates: certificates, waits: false)))
            }
            for index in started.indices {
                do {
                    try started[index].1.waitUntilListening(timeout: 10)
                } catch {
                    // A port handed out twice or a slow start: one sequential retry on a fresh port.
                    started[index].1.stop()
                    started[index].1 = try launch(started[index].0, certificates: certificates, waits: true)
                }
            }
        } catch {
            for (_, server) in started { server.stop() }
            throw error
        }
        return TLSZooFleet(certificates: certificates, servers: started)
    }

    /// Stops every server (idempotent).
    public func stop() {
        for process in processes { process.stop() }
    }

    deinit { stop() }

    /// The port of the server called `name`, if it is part of this fleet.
    public func port(of name: String) -> Int? { servers.first { $0.spec.name == name }?.port }

    /// How many expected properties the fleet's servers list in total (the denominator of a detection score).
    public var expectedPropertyCount: Int { servers.reduce(0) { $0 + $1.spec.expected.count } }

    /// The expected properties of every server, keyed by server name, as `sslyze_properties.py` prints its results.
    public var expectedProperties: [String: [String: String]] {
        Dictionary(uniqueKeysWithValues: servers.map { ($0.spec.name, $0.spec.expected) })
    }

    /// `name=localhost:port` lines, the target format of `Benchmarks/tls/sslyze_properties.py`.
    public var targetLines: [String] { servers.map { "\($0.spec.name)=localhost:\($0.port)" } }

    /// The log so far of the server called `name` (empty for an unknown name), for failure messages.
    public func log(of name: String) -> String {
        guard let index = servers.firstIndex(where: { $0.spec.name == name }) else { return "" }
        return processes[index].output
    }

    private static func launch(
        _ spec: TLSZooServer,
        certificates: ZooCertificates,
        waits: Bool
    ) throws -> OpenSSLServer {
        try OpenSSLServer(
            certificate: try certificates.certificate(spec.leaf),
            arguments: spec.arguments(certificates: certificates),
            waits: waits
        )
    }
}
