/// A year and month as the bad provider's events calendar writes them in URLs: `YYYY-MM` (`?month=2026-01`).
///
/// The calendar links every month to the one before and after it, the classic infinite crawler trap; years
/// stay within ``years`` so the arithmetic never overflows and the text stays short, which still leaves
/// millions of distinct months to walk.
struct CalendarMonth: Sendable, Hashable {
    /// The years a month may have.
    static let years = 1...9_999_999
    /// Where the calendar starts when no valid month is asked for.
    static let start = CalendarMonth(year: 2026, month: 1)

    /// The year, within ``years``.
    let year: Int
    /// The month, 1...12.
    let month: Int

    private init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` (at least four year digits, two month digits); `nil` for anything else.
    init?(parsing text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count >= 4, parts[0].count <= 7, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]),
            Self.years.contains(year), (1...12).contains(month)
        else {
            return nil
        }
        self.init(year: year, month: month)
    }

    /// The following month, or `nil` after the last supported year.
    var next: CalendarMonth? {
        if month < 12 { return CalendarMonth(year: year, month: month + 1) }
        return year < Self.years.upperBound ? CalendarMonth(year: year + 1, month: 1) : nil
    }

    /// The preceding month, or `nil` before the first supported year.
    var previous: CalendarMonth? {
        if month > 1 { return CalendarMonth(year: year, month: month - 1) }
        return year > Self.years.lowerBound ? CalendarMonth(year: year - 1, month: 12) : nil
    }

    /// `YYYY-MM` with the year zero-padded to four digits.
    var text: String {
        let yearText = String(year)
        let monthText = month < 10 ? "0\(month)" : String(month)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + monthText
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0-9 (not any Unicode number).
    fileprivate var isASCIIDigit: Bool {
        ("0"..."9").contains(self)
    }
}
