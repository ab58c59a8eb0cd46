import Foundation
import OpenSSLProbe
import PortcullisCore
import TLSChecks
import TLSProbe
import TLSScan

/// The TLS host probe as a scan runs it, once per HTTPS origin: resolve within the address policy, probe,
/// and turn the result into facts, observations and the summary row.
struct TLSHostProbe: Sendable {
    /// What probing one origin gave.
    struct Outcome: Sendable {
        var origin: Origin
        var scan: TLSHostScan?
        var problem: ScanProblem?
    }

    let scanner: TLSHostScanner
    let judge: TLSJudge
    let policy: AddressPolicy

    /// Probes `origin` (an `https` origin); unreachable or refused addresses become a problem, not a crash.
    func probe(_ origin: Origin) async -> Outcome {
        let url = Self.url(of: origin)
        let addresses: [String]
        do {
            addresses = try await HostResolver.resolve(origin.host)
        } catch {
            return Outcome(
                origin: origin,
                problem: ScanProblem(url: url.absoluteString, kind: "tls-probe", message: "\(error)")
            )
        }
        let requestPolicy = policy.forRequest(to: url)
        guard let address = addresses.first(where: { requestPolicy.allows(ip: $0) }) else {
            let reason = addresses.first.flatMap { requestPolicy.refusalReason(ip: $0) } ?? "no address"
            return Outcome(
                origin: origin,
                problem: ScanProblem(url: url.absoluteString, kind: "address-refused", message: reason)
            )
        }
        let target = ProbeTarget(serverName: origin.host, address: address, port: origin.port ?? 443)
        let scan = await scanner.scan(target)
        guard scan.enumeration.protocols.contains(where: \.supported) || scan.handshake.version != nil else {
            let notes = (scan.enumeration.notes + [scan.handshake.error].compactMap { $0 }).prefix(3)
            return Outcome(
                origin: origin,
                scan: scan,
                problem: ScanProblem(
                    url: url.absoluteString,
                    kind: "tls-probe",
                    message: "no TLS handshake succeeded: " + notes.joined(separator: "; ")
                )
            )
        }
        return Outcome(origin: origin, scan: scan)
    }

    /// `https://host:port/` of an origin, where its TLS findings are located.
    static func url(of origin: Origin) -> URL {
        URL(string: origin.description + "/") ?? URL(fileURLWithPath: "/")
    }
}
