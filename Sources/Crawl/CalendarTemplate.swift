/// The date-like parts of a URL and the template left when they are replaced by `{date}` (see ``TrapGuard``).
struct CalendarTemplate {
    /// Host, path and query keys with the date parts replaced.
    var template: String
    /// The date parts, joined.
    var value: String

    static let dateKeys: Set<String> = ["year", "month", "day", "week", "date", "yr", "mon"]

    /// `nil` when the URL has no date-like part.
    init?(authority: [UInt8], segments: [String], pairs: [String]) {
        var templateParts: [String] = []
        var values: [String] = []
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            if Self.isYear(segment), index + 1 < segments.count, Self.isNumber(segments[index + 1], in: 1...12) {
                var value = segment + "/" + segments[index + 1]
                index += 2
                if index < segments.count, Self.isNumber(segments[index], in: 1...31) {
                    value += "/" + segments[index]
                    index += 1
                }
                templateParts.append("{date}")
                values.append(value)
                continue
            }
            if Self.containsYearMonth(segment) {
                templateParts.append("{date}")
                values.append(segment)
            } else {
                templateParts.append(segment)
            }
            index += 1
        }
        var queryParts: [String] = []
        for pair in pairs {
            let key = String(pair.prefix { $0 != "=" })
            let value = pair.dropFirst(key.count + 1)
            let numericDateKey =
                Self.dateKeys.contains(key.lowercased()) && !value.isEmpty && value.allSatisfy(\.isASCIIDigit)
            if numericDateKey || Self.containsYearMonth(Substring(value)) {
                queryParts.append(key + "={date}")
                values.append(pair)
            } else {
                queryParts.append(pair)
            }
        }
        guard !values.isEmpty else { return nil }
        template =
            String(decoding: authority, as: UTF8.self) + "/" + templateParts.joined(separator: "/") + "?"
            + queryParts.sorted().joined(separator: "&")
        value = values.joined(separator: "|")
    }

    private static func isYear(_ text: String) -> Bool {
        guard text.utf8.count == 4, let year = Int(text) else { return false }
        return (1900...2199).contains(year)
    }

    private static func isNumber(_ text: String, in range: ClosedRange<Int>) -> Bool {
        guard (1...2).contains(text.utf8.count), text.allSatisfy(\.isASCIIDigit), let value = Int(text) else {
            return false
        }
        return range.contains(value)
    }

    /// Whether `text` contains four digits, `-`, and one or two digits (`2024-05`, `2024-05-01`).
    static func containsYearMonth(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 6 else { return false }
        for start in 0...(bytes.count - 6) where bytes[start + 4] == 0x2D {
            if start > 0 && ASCII.isDigit(bytes[start - 1]) { continue }
            if bytes[start..<(start + 4)].allSatisfy(ASCII.isDigit) && ASCII.isDigit(bytes[start + 5]) {
                return true
            }
        }
        return false
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
