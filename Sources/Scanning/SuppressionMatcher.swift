import Foundation
import PortcullisCore
import PortcullisHTML

/// Applies the plan's suppressions to observations: marks each failed observation a suppression covers (rule, page
/// URL, and element when the suppression names elements), so the finding is reported as suppressed with its reason.
struct SuppressionMatcher: Sendable {
    private struct Entry: Sendable {
        var suppression: Suppression
        /// The XPath naming the elements (a selector is translated once), nil for page-wide entries.
        var xpath: String?
    }

    private let entries: [Entry]

    /// Translates selectors and trial-runs every XPath, so a broken entry fails the scan at start with its
    /// `file:line` instead of silently matching nothing.
    init(_ suppressions: [Suppression]) throws(PortcullisError) {
        let probe = HTMLDocument(html: "<html><body></body></html>")
        var entries: [Entry] = []
        for suppression in suppressions {
            var xpath = suppression.xpath
            do {
                if let selector = suppression.selector { xpath = try CSSSelector.xpath(selector) }
                if let xpath { _ = try probe.select(xpath) }
            } catch {
                throw PortcullisError(
                    .invalidConfiguration,
                    "suppression for \(suppression.rule) at \(suppression.source): \(error.reason)"
                )
            }
            entries.append(Entry(suppression: suppression, xpath: xpath))
        }
        self.entries = entries
    }

    private init(entries: [Entry]) { self.entries = entries }

    /// The entries that apply to the provider named `provider` in a scan started at `date`: scoped to it (or to
    /// every provider) and not expired.
    func applicable(provider: String, asOf date: Date) -> SuppressionMatcher {
        SuppressionMatcher(
            entries: entries.filter {
                $0.suppression.covers(provider: provider) && !$0.suppression.isExpired(asOf: date)
            }
        )
    }

    /// A note for each entry that expired before `date`, and for each other entry whose label marks none of
    /// `findings` (it covered nothing in the scan), in the order the entries were written.
    func notes(findings: [Finding], asOf date: Date) -> [WaiverNote] {
        let used = Set(findings.compactMap(\.suppression))
        return entries.compactMap { entry in
            let suppression = entry.suppression
            let kind: WaiverNote.Kind
            if suppression.isExpired(asOf: date) {
                kind = .expired
            } else if !used.contains(suppression.label) {
                kind = .stale
            } else {
                return nil
            }
            return WaiverNote(kind: kind, rule: suppression.rule, label: suppression.label, source: suppression.source)
        }
    }

    /// Whether there is nothing to apply.
    var isEmpty: Bool { entries.isEmpty }

    /// `observations` with the covered ones marked (matching each observation's own URL); `document` resolves
    /// element-naming entries (without it only page-wide entries apply).
    func apply(_ observations: [Observation], document: HTMLDocument?) -> [Observation] {
        guard !entries.isEmpty else { return observations }
        var paths: [Int: Set<String>] = [:]
        func elementPaths(_ index: Int) -> Set<String> {
            if let known = paths[index] { return known }
            let found = Set(
                ((try? document?.select(entries[index].xpath ?? "")) ?? []).map(\.cssPath)
            )
            paths[index] = found
            return found
        }
        return observations.map { observation in
            guard observation.outcome == .failed || observation.outcome == .needsReview else { return observation }
            for (index, entry) in entries.enumerated()
            where entry.suppression.covers(observation.ruleID) && entry.suppression.covers(url: observation.url) {
                if entry.xpath != nil {
                    guard let path = observation.elementPath, document != nil, elementPaths(index).contains(path)
                    else { continue }
                }
                var marked = observation
                marked.waiver = entry.suppression
                return marked
            }
            return observation
        }
    }
}
