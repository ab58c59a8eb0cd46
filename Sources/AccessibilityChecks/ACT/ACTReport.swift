import Foundation

/// The ACT implementation report: per ACT rule, how many cases agree, disagree or could not be told, and W3C's
/// consistency verdict; totals, and the rendered table.
public struct ACTReport: Sendable {
    /// One ACT rule's line.
    public struct Line: Sendable, Hashable {
        public var ruleId: String
        public var ruleName: String
        public var implementedBy: [String]
        public var cases: Int
        public var agree: Int
        public var disagree: Int
        public var cantTell: Int
        public var falselyFailed: Int
        public var consistency: ACTConsistency
    }

    /// Every result.
    public let results: [ACTRunner.Result]
    /// Per ACT rule, sorted by id.
    public let lines: [Line]

    /// Summarises `results`.
    public init(_ results: [ACTRunner.Result]) {
        self.results = results
        lines = Dictionary(grouping: results, by: \.testCase.ruleId).map { ruleId, results in
            Line(
                ruleId: ruleId,
                ruleName: results.first?.testCase.ruleName ?? "",
                implementedBy: results.first?.rules ?? [],
                cases: results.count,
                agree: results.filter(\.agrees).count,
                disagree: results.filter { $0.outcome != nil && $0.outcome != .cantTell && !$0.agrees }.count,
                cantTell: results.filter { $0.outcome == .cantTell }.count,
                falselyFailed: results.filter(\.falselyFailed).count,
                consistency: ACTConsistency(results)
            )
        }.sorted { $0.ruleId < $1.ruleId }
    }

    /// Cases that agree.
    public var agreeing: Int { lines.reduce(0) { $0 + $1.agree } }
    /// Cases in total.
    public var total: Int { results.count }
    /// Cases where we said failed but the page passes.
    public var falselyFailed: Int { lines.reduce(0) { $0 + $1.falselyFailed } }

    /// The report as a Markdown table, with totals.
    public var markdown: String {
        var text = "| ACT rule | name | our rules | cases | agree | disagree | can't tell | consistency |\n"
        text += "|---|---|---|---|---|---|---|---|\n"
        for line in lines {
            text +=
                "| \(line.ruleId) | \(line.ruleName) | \(line.implementedBy.joined(separator: ", ")) | \(line.cases) | "
                + "\(line.agree) | \(line.disagree) | \(line.cantTell) | \(line.consistency.rawValue) |\n"
        }
        let percent = total == 0 ? 0 : Double(agreeing) * 100 / Double(total)
        text += "\nAgree on \(agreeing) of \(total) cases (\(String(format: "%.1f", percent)) %); "
        text += "failed where the page passes: \(falselyFailed).\n"
        return text
    }
}
