public import Foundation

/// Paths of the checkout and the built products, found from this file and the running test binary.
public enum TestPaths {
    /// The folder holding Package.swift.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<10 where !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
        {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// The shipped rule catalog.
    public static let rules = root.appendingPathComponent("Rules")

    /// The `shared/` folder that sits beside the checkout (corpora, schemas).
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// The built `portcullis` executable, next to the test binary.
    public static let executable: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("portcullis")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return root.appendingPathComponent(".build/debug/portcullis")
    }()

    /// A fresh temporary folder.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
