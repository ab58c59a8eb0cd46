import Foundation
import PortcullisCore

/// The compact per-host TLS table of the terminal summary: one line per origin with protocols, weakest suite,
/// certificate expiry, Mozilla profile verdict and grade, so a fleet sweep reads at a glance.
enum TLSSweepTable {
    /// The table's lines (empty when no host was probed); `bold` styles the heading.
    static func lines(_ hosts: [TLSHostSummary], bold: (String) -> String) -> [String] {
        guard !hosts.isEmpty else { return [] }
        let header = ["host", "grade", "protocols", "weakest suite", "certificate", "profile", "handshakes"]
        var rows = [header]
        for host in hosts.sorted(by: { $0.host < $1.host }) {
            rows.append([
                host.host,
                host.grade,
                host.protocols.isEmpty ? "none" : host.protocols.map(shortName).joined(separator: " "),
                host.weakestSuite ?? "-",
                certificate(host),
                "\(host.profile): \(host.profileVerdict)",
                "\(host.handshakes) in \(String(format: "%.2f", host.seconds)) s",
            ])
        }
        let cleaned = rows.map { $0.map { TerminalSanitizer.neutralize(String($0.prefix(60))) } }
        let widths = header.indices.map { column in cleaned.map { $0[column].count }.max() ?? 0 }
        let formatted = cleaned.map { row in
            "  "
                + row.enumerated().map { index, cell in
                    index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                }.joined(separator: "  ")
        }
        var lines = ["", bold("TLS")]
        lines.append(formatted[0])
        lines += formatted.dropFirst()
        for host in hosts where !host.notes.isEmpty {
            lines.append(
                "  \(TerminalSanitizer.neutralize(host.host)) notes: "
                    + TerminalSanitizer.neutralize(host.notes.prefix(3).joined(separator: "; "))
            )
        }
        return lines
    }

    private static func shortName(_ version: String) -> String {
        version.replacingOccurrences(of: "TLSv", with: "").replacingOccurrences(of: "SSLv", with: "SSL")
    }

    private static func certificate(_ host: TLSHostSummary) -> String {
        guard let days = host.certificateDaysLeft else { return "-" }
        let trust = host.certificateTrusted == false ? ", untrusted" : ""
        return days < 0 ? "expired \(-days) d ago\(trust)" : "\(days) d left\(trust)"
    }
}
