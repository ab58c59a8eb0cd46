public import PortcullisCore

/// A `Strict-Transport-Security` header analysed per RFC 6797: §6.1 syntax (quoted values, case-insensitive
/// directive names, each directive at most once, a non-conforming header ignored), §8.1 (only the first field
/// processed, ignored over plain HTTP) and §6.1.1 (`max-age=0` disables HSTS).
public struct StrictTransportSecurity: Sendable, Hashable {
    /// Six months in seconds, the Observatory's threshold (15768000).
    public static let sixMonths: UInt64 = 15_768_000
    /// One year in seconds (31536000), the recommended minimum and the preload list's requirement.
    public static let oneYear: UInt64 = 31_536_000

    /// How the user agent treats the header.
    public enum State: Sendable, Hashable {
        /// No `Strict-Transport-Security` field.
        case absent
        /// A field arrived over plain HTTP; UAs ignore it (RFC 6797 §8.1).
        case ignoredOverPlainHTTP
        /// The first field does not conform to §6.1, so the UA ignores it; the reason says why.
        case invalid(String)
        /// A conforming policy.
        case valid
    }

    /// How the header is treated.
    public var state: State
    /// `max-age` in seconds (saturating at `UInt64.max`), when the header is valid.
    public var maxAge: UInt64?
    /// Whether the valid policy carries `includeSubDomains`.
    public var includeSubDomains: Bool
    /// Whether the valid policy carries `preload`.
    public var preload: Bool
    /// Every problem found, most serious first.
    public var problems: [HeaderProblem]

    /// True when the policy is valid with `max-age` > 0 (the UA records the host as a Known HSTS Host).
    public var isEnforced: Bool { state == .valid && (maxAge ?? 0) > 0 }

    /// hstspreload.org's header requirements: max-age ≥ one year, `includeSubDomains` and `preload`.
    public var isPreloadEligible: Bool {
        state == .valid && (maxAge ?? 0) >= Self.oneYear && includeSubDomains && preload
    }

    /// Analyses the `Strict-Transport-Security` fields of one response received over HTTPS when `isHTTPS`.
    public init(headers: [HeaderField], isHTTPS: Bool) {
        let fields = FieldValues.values("Strict-Transport-Security", in: headers)
        self.init(fields: fields, isHTTPS: isHTTPS)
    }

    /// Analyses raw `Strict-Transport-Security` field values (one per field line, in wire order).
    public init(fields: [String], isHTTPS: Bool) {
        state = .absent
        maxAge = nil
        includeSubDomains = false
        preload = false
        problems = []
        guard let first = fields.first else {
            if isHTTPS { problems.append(HeaderProblem(.hstsMissing, "No Strict-Transport-Security header")) }
            return
        }
        guard isHTTPS else {
            state = .ignoredOverPlainHTTP
            problems.append(
                HeaderProblem(
                    .hstsOverPlainHTTP,
                    "Strict-Transport-Security sent over plain HTTP is "
                        + "ignored by user agents (RFC 6797 §8.1)"
                )
            )
            return
        }
        if fields.count > 1 {
            problems.append(
                HeaderProblem(
                    .hstsMultipleFields,
                    "\(fields.count) Strict-Transport-Security fields; "
                        + "only the first is processed (RFC 6797 §8.1)"
                )
            )
        }
        switch Self.parse(first) {
        case .failure(let reason):
            state = .invalid(reason.description)
            problems.insert(
                HeaderProblem(
                    .hstsInvalid,
                    "Strict-Transport-Security ignored: \(reason) "
                        + "(RFC 6797 §6.1): \(HeaderProblem.excerpt(first))"
                ),
                at: 0
            )
        case .success(let policy):
            state = .valid
            maxAge = policy.maxAge
            includeSubDomains = policy.includeSubDomains
            preload = policy.preload
            problems.insert(contentsOf: policyProblems(), at: 0)
        }
    }

    private func policyProblems() -> [HeaderProblem] {
        var found: [HeaderProblem] = []
        let age = maxAge ?? 0
        if age == 0 {
            found.append(
                HeaderProblem(
                    .hstsDisabled,
                    "max-age=0 removes the host from the HSTS cache "
                        + "(RFC 6797 §6.1.1)"
                )
            )
        } else if age < Self.sixMonths {
            found.append(HeaderProblem(.hstsMaxAgeBelowSixMonths, "max-age=\(age) is below six months (15768000)"))
        } else if age < Self.oneYear {
            found.append(HeaderProblem(.hstsMaxAgeBelowOneYear, "max-age=\(age) is below one year (31536000)"))
        }
        if age > 0 && !includeSubDomains {
            found.append(HeaderProblem(.hstsNoIncludeSubDomains, "includeSubDomains is not set"))
        }
        if preload && !isPreloadEligible {
            found.append(
                HeaderProblem(
                    .hstsPreloadNotEligible,
                    "preload is set but the policy lacks "
                        + "max-age ≥ 31536000 and includeSubDomains required for the preload list"
                )
            )
        }
        return found
    }

    /// The directives of a conforming policy.
    struct Policy {
        var maxAge: UInt64
        var includeSubDomains: Bool
        var preload: Bool
    }

    /// Parses one field value by the RFC 6797 §6.1 grammar; any non-conformance fails the whole header.
    static func parse(_ value: String) -> Result<Policy, ParseFailure> {
        let directives: [(name: String, value: String?)]
        switch Directives.parse(value) {
        case .failure(let failure): return .failure(failure)
        case .success(let parsed): directives = parsed
        }
        var seen = Set<String>()
        var maxAge: UInt64?
        var includeSubDomains = false
        var preload = false
        for directive in directives {
            let name = directive.name.lowercased()
            guard seen.insert(name).inserted else { return .failure(ParseFailure("directive \(name) repeated")) }
            switch name {
            case "max-age":
                guard let text = directive.value, let seconds = Self.deltaSeconds(text) else {
                    return .failure(ParseFailure("max-age is not delta-seconds"))
                }
                maxAge = seconds
            case "includesubdomains":
                guard directive.value == nil else { return .failure(ParseFailure("includeSubDomains has a value")) }
                includeSubDomains = true
            case "preload":
                preload = true
            default:
                continue  // §6.1 rule 3: unknown directives are ignored.
            }
        }
        guard let maxAge else { return .failure(ParseFailure("max-age missing")) }
        return .success(Policy(maxAge: maxAge, includeSubDomains: includeSubDomains, preload: preload))
    }

    /// `1*DIGIT` as seconds, saturating instead of overflowing.
    static func deltaSeconds(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var result: UInt64 = 0
        for byte in text.utf8 {
            let (times, overflowA) = result.multipliedReportingOverflow(by: 10)
            let (plus, overflowB) = times.addingReportingOverflow(UInt64(byte - 0x30))
            if overflowA || overflowB { return .max }
            result = plus
        }
        return result
    }
}

/// Why a header value failed its grammar.
public struct ParseFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public var description: String

    /// Creates a failure with `description`.
    public init(_ description: String) { self.description = description }
}

/// The `directive *( ";" [ directive ] )` grammar shared by RFC 6797 (HSTS) and similar headers, where a directive
/// is `token [ "=" ( token / quoted-string ) ]`, with optional whitespace around separators.
enum Directives {
    /// The directives in order (quoted values unescaped), or a failure when the value does not conform.
    static func parse(_ value: String) -> Result<[(name: String, value: String?)], ParseFailure> {
        let bytes = Array(value.utf8)
        var result: [(name: String, value: String?)] = []
        var index = 0
        func skipSpace() { while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 } }
        func readToken() -> String {
            let start = index
            while index < bytes.count && FieldValues.isTokenChar(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        while true {
            skipSpace()
            if index < bytes.count && bytes[index] != UInt8(ascii: ";") {
                let name = readToken()
                guard !name.isEmpty else { return .failure(ParseFailure("directive name is not a token")) }
                skipSpace()
                var directiveValue: String?
                if index < bytes.count && bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    skipSpace()
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                        guard let unquoted = readQuoted(bytes, &index) else {
                            return .failure(ParseFailure("unterminated quoted-string"))
                        }
                        directiveValue = unquoted
                    } else {
                        let token = readToken()
                        guard !token.isEmpty else { return .failure(ParseFailure("value of \(name) is empty")) }
                        directiveValue = token
                    }
                    skipSpace()
                }
                result.append((name, directiveValue))
            }
            if index >= bytes.count { return .success(result) }
            guard bytes[index] == UInt8(ascii: ";") else {
                return .failure(ParseFailure("unexpected character after a directive"))
            }
            index += 1
        }
    }

    /// Reads a quoted-string at `index`, returning its unescaped content, or nil when unterminated or holding a
    /// control character.
    static func readQuoted(_ bytes: [UInt8], _ index: inout Int) -> String? {
        var content: [UInt8] = []
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: content, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { return nil }
                content.append(bytes[index + 1])
                index += 2
                continue
            }
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F { return nil }
            content.append(byte)
            index += 1
        }
        return nil
    }
}
