import Foundation
import PortcullisCore

/// The one ordering every reporter uses, so the same scan always renders to the same bytes
/// whatever order concurrent checks delivered their results in.
enum ReportOrder {
    /// Findings most severe first, then by rule id, origin, fingerprint and message; locations sorted.
    static func findings(_ findings: [Finding]) -> [Finding] {
        indices(findings).map { index in
            var sorted = findings[index]
            sorted.locations = sortedLocations(sorted.locations)
            return sorted
        }
    }

    /// Problems by URL, then kind, then message.
    static func problems(_ problems: [ScanProblem]) -> [ScanProblem] {
        problems.sorted { ($0.url, $0.kind, $0.message) < ($1.url, $1.kind, $1.message) }
    }

    /// Rules by id, duplicates (same id) dropped after the first.
    static func rules(_ rules: [Rule]) -> [Rule] {
        var seen = Set<RuleID>()
        return rules.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
    }
}

extension ReportOrder {
    /// The indices of `findings` in report order (most severe first, then rule id, origin, fingerprint and message;
    /// equal findings keep their order), without moving the findings themselves.
    ///
    /// Sorting 100,000 findings by value copies (and reference-counts) each one about seventeen times. Here each
    /// finding gets a plain-integer sort key instead: severity, the rank of its rule id and of its origin among
    /// the distinct ones, and the first 16 bytes of an ASCII fingerprint; only findings equal in all of that are
    /// compared as strings (full fingerprint, then message), as ``findings(_:)`` does.
    static func indices(_ findings: [Finding]) -> [Int] {
        let ruleRanks = ranks(findings.map(\.ruleID.rawValue))
        let originRanks = ranks(findings.map(\.origin))
        var keys = findings.indices.map { index in
            FindingSortKey(
                findings[index],
                index: index,
                ruleRank: ruleRanks[index],
                originRank: originRanks[index]
            )
        }
        findings.withUnsafeBufferPointer { findings in
            keys.sort { lhs, rhs in
                if lhs.primary != rhs.primary { return lhs.primary < rhs.primary }
                if lhs.asciiFingerprint && rhs.asciiFingerprint {
                    if lhs.fingerprintHead != rhs.fingerprintHead { return lhs.fingerprintHead < rhs.fingerprintHead }
                    if lhs.fingerprintTail != rhs.fingerprintTail { return lhs.fingerprintTail < rhs.fingerprintTail }
                }
                let left = findings[lhs.index]
                let right = findings[rhs.index]
                if left.fingerprint != right.fingerprint { return left.fingerprint < right.fingerprint }
                if left.message != right.message { return left.message < right.message }
                return lhs.index < rhs.index
            }
        }
        return keys.map(\.index)
    }

    /// Whether `lhs` comes before `rhs` in report order, or `nil` when neither does (equal sort keys).
    static func precedes(_ lhs: borrowing Finding, _ rhs: borrowing Finding) -> Bool? {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.ruleID.rawValue != rhs.ruleID.rawValue { return lhs.ruleID.rawValue < rhs.ruleID.rawValue }
        if lhs.origin != rhs.origin { return lhs.origin < rhs.origin }
        if lhs.fingerprint != rhs.fingerprint { return lhs.fingerprint < rhs.fingerprint }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return nil
    }

    /// For each of `values`, its position among the distinct values sorted as strings.
    private static func ranks(_ values: [String]) -> [Int] {
        var rank: [String: Int] = [:]
        for value in values where rank[value] == nil { rank[value] = 0 }
        for (position, value) in rank.keys.sorted().enumerated() { rank[value] = position }
        return values.map { rank[$0] ?? 0 }
    }

    /// `locations` sorted as ``findings(_:)`` sorts every finding's locations; already sorted ones are not copied.
    static func sortedLocations(_ locations: [Location]) -> [Location] {
        func less(_ lhs: Location, _ rhs: Location) -> Bool {
            (lhs.url, lhs.elementPath ?? "", lhs.snippet ?? "") < (rhs.url, rhs.elementPath ?? "", rhs.snippet ?? "")
        }
        var index = 1
        while index < locations.count {
            if less(locations[index], locations[index - 1]) { return locations.sorted(by: less) }
            index += 1
        }
        return locations
    }
}

/// The integer part of a finding's place in report order (see ``ReportOrder/indices(_:)``): no references, so
/// sorting moves plain bytes.
private struct FindingSortKey {
    /// Severity (most severe first), then rule id rank, then origin rank, packed so one comparison orders them.
    var primary: UInt64
    /// The fingerprint's first 16 bytes, big-endian, zero-padded: compared as integers, they order two ASCII
    /// fingerprints as strings do, or tie.
    var fingerprintHead: UInt64 = 0
    var fingerprintTail: UInt64 = 0
    /// Whether the whole fingerprint is ASCII (so byte order is string order).
    var asciiFingerprint: Bool
    /// The finding's position in the scan result.
    var index: Int

    init(_ finding: Finding, index: Int, ruleRank: Int, originRank: Int) {
        // Ranks run 0 (info) to 4 (critical); 255 - rank puts the most severe first.
        let severity = UInt64(255 - finding.severity.rank)
        primary = severity << 56 | UInt64(ruleRank & 0xFFF_FFFF) << 28 | UInt64(originRank & 0xFFF_FFFF)
        self.index = index
        var ascii = true
        var head: UInt64 = 0
        var tail: UInt64 = 0
        for (position, byte) in finding.fingerprint.utf8.enumerated() {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if position < 8 {
                head |= UInt64(byte) << (56 - 8 * position)
            } else if position < 16 {
                tail |= UInt64(byte) << (56 - 8 * (position - 8))
            }
        }
        asciiFingerprint = ascii
        fingerprintHead = head
        fingerprintTail = tail
    }
}

/// Timestamps and durations as every report writes them.
enum ReportTime {
    /// ISO 8601 in UTC with milliseconds, such as `2025-01-31T09:30:00.250Z`, rounded to the nearest millisecond
    /// (the formatter truncates): a timestamp read back from a report (a binary double a hair below its
    /// millisecond) is written again exactly as it was.
    static func iso8601(_ date: Date) -> String {
        // The whole millisecond, nudged a hundredth of one up so the truncating formatter cannot fall below it.
        let rounded = Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000 + 0.000_01)
        return rounded.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// Seconds from start to finish, never negative: the difference of the two timestamps as written (each
    /// rounded to the millisecond), so a report read back and written again gives the same duration.
    static func durationSeconds(_ result: ScanResult) -> Double {
        let milliseconds = max(0, milliseconds(result.finishedAt) - milliseconds(result.startedAt))
        return Double(milliseconds) / 1000
    }

    /// The date in whole milliseconds since 1970, rounded as ``iso8601(_:)`` writes it.
    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}

/// Finding totals by severity and by family, with every known key present even at zero.
struct FindingCounts: Sendable, Hashable {
    /// Number of findings per severity; every severity is a key.
    var bySeverity: [Severity: Int]
    /// Number of findings per family; every family is a key.
    var byFamily: [Family: Int]

    init(_ findings: [Finding]) {
        var bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        var byFamily = Dictionary(uniqueKeysWithValues: Family.allCases.map { ($0, 0) })
        for finding in findings {
            bySeverity[finding.severity, default: 0] += 1
            byFamily[finding.family, default: 0] += 1
        }
        self.bySeverity = bySeverity
        self.byFamily = byFamily
    }

    /// How many findings are at or above `threshold`.
    func count(atOrAbove threshold: Severity) -> Int {
        bySeverity.filter { $0.key >= threshold }.values.reduce(0, +)
    }
}
