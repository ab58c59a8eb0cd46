public import Foundation

/// Runs `Tests/Support/validate_json_schema.py` (python3 + jsonschema) on a document and reports the verdict.
public struct SchemaValidator {
    /// What the validator said: its exit status and everything it printed.
    public struct Outcome {
        public var status: Int32
        public var output: String

        public var isValid: Bool { status == 0 }
        /// The validator ran and found the document invalid (not a setup failure, which exits 2).
        public var isInvalid: Bool { status == 1 }
    }

    /// The Portcullis JSON report schema.
    public static var reportSchema: URL {
        TestPaths.root.appendingPathComponent("Reports/portcullis-report.schema.json")
    }

    /// The OASIS SARIF 2.1.0 schema in the shared folder beside the repository.
    public static var sarifSchema: URL { TestPaths.shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json") }

    static var script: URL { TestPaths.root.appendingPathComponent("Tests/Support/validate_json_schema.py") }

    /// Validates `document` against `schema`, waiting at most `timeout` seconds for python.
    public static func validate(_ document: Data, against schema: URL, timeout: TimeInterval = 60) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("portcullis-reporting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let instance = scratch.appendingPathComponent("instance.json")
        try document.write(to: instance)
        let result = try ChildProcess.runBlocking(
            "python3",
            [script.path, schema.path, instance.path],
            timeout: timeout
        )
        if result.status == -1 { return Outcome(status: -1, output: "validator timed out after \(timeout) s") }
        let output = String(decoding: result.output + result.errorOutput, as: UTF8.self)
        return Outcome(status: result.status, output: output)
    }
}
