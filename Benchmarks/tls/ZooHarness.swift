import Foundation

/// Runs the TLS zoo until its standard input closes, for `compare-sslyze.sh` (not a SwiftPM target: the script
/// compiles this file together with `Sources/TLSZoo` with `swiftc`).
///
/// Prints `ROOT=<root CA path>` and then one `name=localhost:port` line per server, writes the expected properties
/// as JSON to the path given as the first argument, and stops every server when stdin reaches end of file.
@main
struct ZooHarness {
    static func main() throws {
        let started = Date()
        let fleet = try TLSZooFleet.start()
        defer { fleet.stop() }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let summary =
            "zoo: \(fleet.servers.count) servers, \(fleet.expectedPropertyCount) properties, up in \(seconds) s\n"
        FileHandle.standardError.write(Data(summary.utf8))
        if let path = CommandLine.arguments.dropFirst().first {
            let json = try JSONSerialization.data(withJSONObject: fleet.expectedProperties, options: [.sortedKeys])
            try json.write(to: URL(fileURLWithPath: path))
        }
        let lines = ["ROOT=\(fleet.certificates.rootPath)"] + fleet.targetLines
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        _ = FileHandle.standardInput.readDataToEndOfFile()
    }
}
