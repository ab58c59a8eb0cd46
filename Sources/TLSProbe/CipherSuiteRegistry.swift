public import Foundation

/// The IANA cipher-suite registry as data, loaded from `Rules/tls-cipher-suites.tsv`.
///
/// Columns (tab-separated, `#` comments, `-` for none): code (`0xC02F`), IANA name, OpenSSL name, key exchange,
/// authentication, encryption, MAC, flags (comma-separated `CipherSuite.Flag` raw values), minimum and maximum
/// protocol (`SSLv3` … `TLSv1.3`).
public struct CipherSuiteRegistry: Sendable {
    /// A line of the registry file that does not parse.
    public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
        /// 1-based line number.
        public var line: Int
        /// What was wrong.
        public var reason: String

        /// "line N: reason".
        public var description: String { "tls-cipher-suites.tsv line \(line): \(reason)" }
    }

    /// Every suite in file order.
    public let suites: [CipherSuite]
    private let byCode: [UInt16: CipherSuite]

    /// Builds a registry from suites; later duplicates of a code are ignored (the loader rejects them).
    public init(suites: [CipherSuite]) {
        self.suites = suites
        self.byCode = Dictionary(suites.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The suite with `code`, or nil for a code not in the registry.
    public subscript(code: UInt16) -> CipherSuite? { byCode[code] }

    /// Suites usable in `version`, excluding signalling values, in registry order.
    public func suites(for version: TLSVersion) -> [CipherSuite] {
        suites.filter { $0.isUsable(in: version) && !$0.flags.contains(.signaling) }
    }

    /// Reads and parses the registry file.
    public static func load(file: URL) throws -> CipherSuiteRegistry {
        try parse(String(contentsOf: file, encoding: .utf8))
    }

    /// Parses registry text; throws `LoadError` for a malformed line or a duplicate code.
    public static func parse(_ text: String) throws(LoadError) -> CipherSuiteRegistry {
        var suites: [CipherSuite] = []
        var seen: Set<UInt16> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let suite = try parseLine(line, number: index + 1)
            guard seen.insert(suite.code).inserted else {
                throw LoadError(line: index + 1, reason: "duplicate code \(line.prefix(6))")
            }
            suites.append(suite)
        }
        return CipherSuiteRegistry(suites: suites)
    }

    private static func parseLine(_ line: String, number: Int) throws(LoadError) -> CipherSuite {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 10 else {
            throw LoadError(line: number, reason: "expected 10 fields, got \(fields.count)")
        }
        guard fields[0].hasPrefix("0x"), fields[0].count == 6, let code = UInt16(fields[0].dropFirst(2), radix: 16)
        else { throw LoadError(line: number, reason: "bad code \(fields[0])") }
        var flags: Set<CipherSuite.Flag> = []
        if fields[7] != "-" {
            for name in fields[7].split(separator: ",") {
                guard let flag = CipherSuite.Flag(rawValue: String(name)) else {
                    throw LoadError(line: number, reason: "unknown flag \(name)")
                }
                flags.insert(flag)
            }
        }
        guard let minimum = TLSVersion(name: fields[8]), let maximum = TLSVersion(name: fields[9]), minimum <= maximum
        else { throw LoadError(line: number, reason: "bad protocol range \(fields[8])–\(fields[9])") }
        return CipherSuite(
            code: code,
            ianaName: fields[1],
            openSSLName: fields[2] == "-" ? nil : fields[2],
            keyExchange: fields[3],
            authentication: fields[4],
            encryption: fields[5],
            mac: fields[6],
            flags: flags,
            minimumVersion: minimum,
            maximumVersion: maximum
        )
    }
}
