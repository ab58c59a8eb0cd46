import CertificateAnalysis
import Foundation
import Testing

/// Loading PEM bundles: the system bundle, a test root, and the errors that name the file.
@Suite struct TrustStoreTests {
    @Test func loadsTheSystemBundle() throws {
        guard FileManager.default.fileExists(atPath: TrustStore.systemBundlePath) else {
            print("no system bundle at \(TrustStore.systemBundlePath); skipped")
            return
        }
        let started = Date()
        let store = try TrustStore.load(pemFiles: [TrustStore.systemBundlePath])
        let milliseconds = Int(Date().timeIntervalSince(started) * 1_000)
        print("system bundle: \(store.count) anchors loaded in \(milliseconds) ms")
        #expect(store.count > 50)
    }

    @Test func loadsAGeneratedRoot() throws {
        let pki = try TestPKI.shared.get()
        let store = try pki.withRootPEMFile { try TrustStore.load(pemFiles: [$0, $0]) }
        #expect(store.count == 1)
    }

    @Test(arguments: [
        ("", "no CERTIFICATE block"),
        ("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n", "invalid base64"),
        ("-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n", "certificate 1:"),
        ("-----BEGIN CERTIFICATE-----\nMAMCAQE=\n", "missing END line"),
    ])
    func badBundlesNameTheFileAndTheFault(text: String, expected: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).pem").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let error = try #require(throws: TrustStoreError.self) { try TrustStore.load(pemFiles: [file]) }
        #expect(error.file == file)
        #expect(error.reason.contains(expected))
    }

    @Test func missingFileIsAnError() throws {
        let error = try #require(throws: TrustStoreError.self) {
            try TrustStore.load(pemFiles: ["/nonexistent/bundle.pem"])
        }
        #expect(error.description.hasPrefix("/nonexistent/bundle.pem: cannot read"))
    }
}
