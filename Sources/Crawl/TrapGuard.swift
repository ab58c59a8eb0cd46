public import Foundation

/// Spots crawler traps before fetching and near-duplicate pages after.
///
/// Before a URL is queued (``verdict(for:referrer:)``), in this order:
/// - `too-long-url`: more than `maxURLLength` bytes.
/// - `repeated-path-segments`: one path segment occurs more than `maxRepeatedSegments` times (`/a/b/a/b/a/b/a/b`,
///   `/x/x/x/x`): relative links that keep nesting.
/// - `growing-query`: more than `maxQueryParameters` parameters; or a query that extends its referrer's query
///   (same path, the referrer's query is a prefix of a longer one) when the referrer's own query had already
///   grown that way. One step of growth (`?page=2` → `?page=2&sort=name`) passes; two in a row is the
///   ever-growing pattern. `?page=9` → `?page=10` is not growth.
/// - `calendar`: date-like parts — a year (1900–2199) segment followed by a month segment (`/2024/05/`), a segment
///   or query value containing `YYYY-MM` (`/calendar/2031-12`, `?date=2024-05-01`), or a numeric `year`, `month`,
///   `day`, `week` or `date` parameter (`?month=5&year=2031`). URLs sharing a template (the URL with those parts
///   replaced) may have `maxCalendarPages` distinct date values; more are refused. At most
///   ``maxCalendarTemplates`` templates are tracked; URLs of further templates pass.
///
/// After a page is fetched (``recordContent(_:url:)``), `duplicate-content` when its normalised content hashes the
/// same as an earlier page's. Normalisation: ASCII whitespace is removed; a run of letters, digits and `_-+/=`
/// that contains a digit and is 16 bytes or longer is removed entirely (nonces, CSRF tokens, hashes,
/// timestamps, session ids). So pages that differ only in whitespace or such tokens are duplicates, while pages of a
/// catalogue that differ in their numbers (`Product 1` / `Product 2`) are not: dropping every digit made a real
/// catalogue, and the benchmark site, look like a trap. Only 64-bit hashes are kept.
public struct TrapGuard: Sendable {
    public let maxURLLength: Int
    public let maxRepeatedSegments: Int
    public let maxQueryParameters: Int
    public let maxCalendarPages: Int
    /// How many calendar templates are tracked at most (bounds memory on sites with endless templates).
    public let maxCalendarTemplates = 4096

    private var grownQueries = CompactURLSet()
    private var calendarValues: [UInt64: [UInt64]] = [:]
    private var contentHashes = CompactURLSet()

    /// A guard with the given limits (each at least 1).
    public init(
        maxURLLength: Int = 2048,
        maxRepeatedSegments: Int = 3,
        maxQueryParameters: Int = 16,
        maxCalendarPages: Int = 20
    ) {
        self.maxURLLength = max(1, maxURLLength)
        self.maxRepeatedSegments = max(1, maxRepeatedSegments)
        self.maxQueryParameters = max(1, maxQueryParameters)
        self.maxCalendarPages = max(1, maxCalendarPages)
    }

    /// Checks a normalised URL before it is queued; `nil` when it looks fine.
    public mutating func verdict(for url: URL, referrer: URL?) -> TrapVerdict? {
        let text = url.absoluteString
        let length = text.utf8.count
        if length > maxURLLength {
            return TrapVerdict(kind: TrapVerdict.tooLongURL, detail: "\(length) bytes (max \(maxURLLength))")
        }
        let parts = URIReference(parsing: Array(text.utf8), baseScheme: nil)
        let segments = parts.path.split(separator: 0x2F).map { String(decoding: $0, as: UTF8.self) }
        if let verdict = repeatedSegmentVerdict(segments) { return verdict }
        let query = parts.query ?? []
        let pairs = query.split(separator: 0x26).map { String(decoding: $0, as: UTF8.self) }
        if pairs.count > maxQueryParameters {
            return TrapVerdict(
                kind: TrapVerdict.growingQuery,
                detail: "\(pairs.count) query parameters (max \(maxQueryParameters))"
            )
        }
        if let referrer, let verdict = growthVerdict(text: text, parts: parts, referrer: referrer) { return verdict }
        return calendarVerdict(authority: parts.authority ?? [], segments: segments, pairs: pairs)
    }

    /// Records a fetched page's content; returns a verdict when it is a near-duplicate of a page already seen.
    /// Content that normalises to nothing is not recorded.
    ///
    /// Duplicates count within one origin only: the same page served over `http://` and `https://` is two pages
    /// with different headers, and both must be crawled.
    public mutating func recordContent(_ body: Data, url: URL) -> TrapVerdict? {
        guard let content = ContentFingerprint.hash(body) else { return nil }
        let origin = "\(url.scheme ?? "")://\(url.host(percentEncoded: false) ?? ""):\(url.port ?? 0)"
        let mixed = StableHash.mix(content ^ StableHash.fnv1a(origin))
        let hash = mixed == 0 ? 1 : mixed
        if contentHashes.insert(hash: hash) { return nil }
        let hex = String(hash, radix: 16)
        return TrapVerdict(
            kind: TrapVerdict.duplicateContent,
            detail: "same normalised content as an earlier page (hash \(hex))"
        )
    }

    private func repeatedSegmentVerdict(_ segments: [String]) -> TrapVerdict? {
        guard segments.count > maxRepeatedSegments else { return nil }
        var counts: [String: Int] = [:]
        for segment in segments {
            let count = counts[segment, default: 0] + 1
            counts[segment] = count
            if count > maxRepeatedSegments {
                return TrapVerdict(
                    kind: TrapVerdict.repeatedPathSegments,
                    detail: "path segment '\(segment.prefix(64))' repeated \(count) times (max \(maxRepeatedSegments))"
                )
            }
        }
        return nil
    }

    private mutating func growthVerdict(text: String, parts: URIReference, referrer: URL) -> TrapVerdict? {
        guard let query = parts.query, !query.isEmpty else { return nil }
        let referrerText = referrer.absoluteString
        let referrerParts = URIReference(parsing: Array(referrerText.utf8), baseScheme: nil)
        guard let referrerQuery = referrerParts.query, !referrerQuery.isEmpty, query.count > referrerQuery.count,
            query.starts(with: referrerQuery), referrerParts.path == parts.path,
            referrerParts.authority == parts.authority
        else { return nil }
        if grownQueries.contains(hash: StableHash.fnv1a(referrerText)) {
            return TrapVerdict(
                kind: TrapVerdict.growingQuery,
                detail: "query keeps growing on the same path (\(query.count) bytes, referrer \(referrerQuery.count))"
            )
        }
        grownQueries.insert(hash: StableHash.fnv1a(text))
        return nil
    }

    private mutating func calendarVerdict(authority: [UInt8], segments: [String], pairs: [String]) -> TrapVerdict? {
        guard let calendar = CalendarTemplate(authority: authority, segments: segments, pairs: pairs) else {
            return nil
        }
        let templateHash = StableHash.fnv1a(calendar.template)
        let valueHash = StableHash.fnv1a(calendar.value)
        guard var values = calendarValues[templateHash] else {
            if calendarValues.count < maxCalendarTemplates { calendarValues[templateHash] = [valueHash] }
            return nil
        }
        if values.contains(valueHash) { return nil }
        guard values.count < maxCalendarPages else {
            return TrapVerdict(
                kind: TrapVerdict.calendar,
                detail: "more than \(maxCalendarPages) dates under \(calendar.template.prefix(200))"
            )
        }
        values.append(valueHash)
        calendarValues[templateHash] = values
        return nil
    }
}
