import Foundation
import Testing

@testable import TLSZoo

/// The TLS zoo itself: the certificate factory's PKI verifies as designed, the catalogue is well-formed, and the
/// whole fleet starts, accepts connections and stops.
@Suite struct ZooTests {
    /// `openssl verify` of each leaf against the zoo root and intermediate, for `localhost`.
    @Test(arguments: [
        (ZooCertificates.Leaf.good, true), (.goodRSA, true), (.mustStaple, true), (.expired, false),
        (.wrongHost, false), (.selfSigned, false),
    ])
    func leafVerifiesOnlyWhenGood(leaf: ZooCertificates.Leaf, valid: Bool) throws {
        let certificates = try ZooCertificates.shared()
        let arguments = [
            "verify", "-CAfile", certificates.rootPath, "-untrusted", certificates.intermediatePath,
            "-verify_hostname", "localhost", try certificates.certificate(leaf).certificatePath,
        ]
        if valid {
            #expect(throws: Never.self) { try OpenSSLTool.run(arguments) }
        } else {
            #expect(throws: OpenSSLTool.Failure.self) { try OpenSSLTool.run(arguments) }
        }
    }

    @Test func factoryWritesEveryFile() throws {
        let certificates = try ZooCertificates.shared()
        var paths = [
            certificates.rootPath, certificates.intermediatePath, certificates.ocspResponsePath,
            certificates.weakDHParametersPath,
        ]
        for leaf in ZooCertificates.Leaf.allCases {
            let certificate = try certificates.certificate(leaf)
            #expect(!certificate.der.isEmpty, "\(leaf)")
            paths += [certificate.certificatePath, certificate.keyPath, certificates.servedChainPath(leaf)]
        }
        for path in paths {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            #expect(size > 0, "\(path) is missing or empty")
        }
        let leafOnly = try String(contentsOfFile: try certificates.certificate(.good).certificatePath, encoding: .utf8)
        let chain = try String(contentsOfFile: certificates.servedChainPath(.good), encoding: .utf8)
        #expect(leafOnly.components(separatedBy: "BEGIN CERTIFICATE").count == 2)
        #expect(chain.components(separatedBy: "BEGIN CERTIFICATE").count == 3)
    }

    @Test func catalogueUsesOnlyTheVocabulary() {
        let names = TLSZooServer.all.map(\.name)
        #expect(names.count >= 16)
        #expect(Set(names).count == names.count)
        let vocabulary = Set(ZooProperty.allCases.map(\.rawValue))
        for server in TLSZooServer.all {
            #expect(!server.expected.isEmpty, "\(server.name)")
            for (key, value) in server.expected {
                #expect(vocabulary.contains(key), "\(server.name): \(key)")
                #expect(value == "yes" || value == "no", "\(server.name): \(key)=\(value)")
            }
        }
        #expect(TLSZooServer.named("modern")?.expected[ZooProperty.tls13.rawValue] == "yes")
        #expect(TLSZooServer.named("no-such-server") == nil)
    }

    @Test func fleetStartsAcceptsAndStops() throws {
        let fleet = try TLSZooFleet.start()
        defer { fleet.stop() }
        #expect(fleet.servers.count == TLSZooServer.all.count)
        #expect(Set(fleet.servers.map(\.port)).count == fleet.servers.count)
        #expect(fleet.expectedPropertyCount == TLSZooServer.all.reduce(0) { $0 + $1.expected.count })
        for (spec, port) in fleet.servers {
            #expect(FreePort.isAccepting(port), "\(spec.name) on \(port): \(fleet.log(of: spec.name))")
        }
        #expect(fleet.targetLines.first == "\(fleet.servers[0].spec.name)=localhost:\(fleet.servers[0].port)")
        fleet.stop()
        for (spec, port) in fleet.servers {
            #expect(!FreePort.isAccepting(port), "\(spec.name) still accepts on \(port)")
        }
    }

    @Test func unknownServerNameIsRefused() {
        #expect(throws: OpenSSLTool.Failure.self) { _ = try TLSZooFleet.start(only: ["no-such-server"]) }
    }

    @Test func aSubsetStartsOnlyTheNamedServers() throws {
        let fleet = try TLSZooFleet.start(only: ["modern", "expired"])
        defer { fleet.stop() }
        #expect(fleet.servers.map(\.spec.name) == ["modern", "expired"])
        #expect(fleet.port(of: "expired").map(FreePort.isAccepting) == true)
        #expect(fleet.port(of: "intermediate-good") == nil)
    }
}
