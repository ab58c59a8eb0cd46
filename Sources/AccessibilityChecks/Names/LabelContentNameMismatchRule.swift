public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a widget named from content whose `aria-label`/`aria-labelledby` name does not contain its visible text,
/// so speech-input users saying what they see cannot activate it (WCAG 2.5.3; axe `label-content-name-mismatch`;
/// ACT 2ee8b8).
///
/// Applies to exposed elements whose role is a widget supporting name from content, that have visible text and
/// whose name comes from `aria-label` or `aria-labelledby`. Both texts are compared as words (lower case,
/// punctuation and symbols dropped): the visible words must appear, in order and contiguous, in the name.
/// Static approximation: icon-font glyphs and ligatures are left out of the visible text, and a mismatch that
/// might be due to them, to text a stylesheet may hide or clip (a styled descendant on a page with stylesheets),
/// to a single letter that may be a symbol ("X" for close), or to abbreviations ("Ave."), is needs review.
/// Parenthesised supplementary text ("Search by date (YYYY-MM-DD)") need not be in the name, and hyphenated
/// compounds may be written as one word.
public struct LabelContentNameMismatchRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.label-content-name-mismatch"
    static let roles: Set<String> = [
        "button", "checkbox", "gridcell", "link", "menuitem", "menuitemcheckbox", "menuitemradio", "option",
        "radio", "switch", "tab", "treeitem",
    ]

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// How the visible text relates to the name.
    enum Match {
        /// The visible words appear in the name (hyphenated compounds may be written as one word).
        case contained
        /// They do once parenthesised supplementary text (a format hint such as "(YYYY-MM-DD)") is left out.
        case containedWithoutParenthetical
        /// They would if abbreviations ("Ave.") stood for longer words of the name: markup cannot tell.
        case abbreviation
        /// They do not.
        case mismatch
    }

    /// One observation per applicable widget.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var iconFont: Bool?
        return NameRuleSupport.indices(of: page, withRoles: Self.roles).compactMap { index in
            let node = page.node(index)
            guard node.hasAttribute("aria-label") || node.hasAttribute("aria-labelledby") else { return nil }
            let hidden = page.hidden(index)
            guard !hidden.isHidden else { return nil }
            let name = page.accessibleName(index)
            guard name.source == .ariaLabel || name.source == .ariaLabelledby else { return nil }
            let visible = VisibleText(page, index, skipIcons: true)
            let visibleWords = Self.words(visible.text)
            guard !visibleWords.isEmpty else { return nil }
            let role = NameRuleSupport.roleLabel(page, index)
            let match = Self.match(name: name.text, visible: visible.text)
            func observe(_ outcome: Observation.Outcome, _ summary: String) -> Observation {
                A11yObservation.element(Self.id, outcome, page: page, index: index, url: url, summary: summary)
            }
            switch match {
            case .contained:
                return observe(
                    .passed,
                    "Element (role \(role)) name \"\(name.text)\" contains its visible label "
                        + "\"\(visible.text)\""
                )
            case .containedWithoutParenthetical:
                return observe(
                    .passed,
                    "Element (role \(role)) name \"\(name.text)\" contains its visible label "
                        + "\"\(visible.text)\" apart from parenthesised supplementary text"
                )
            case .abbreviation:
                return observe(
                    .needsReview,
                    "Element (role \(role)) shows \"\(visible.text)\" with abbreviations; "
                        + "check they stand for the words of its name \"\(name.text)\""
                )
            case .mismatch:
                break
            }
            let singleSymbol =
                visibleWords.count == 1 && visibleWords[0].count == 1
                && visibleWords[0].first?.isLetter == true
            if iconFont == nil { iconFont = Self.usesIconFont(page) }
            let ligature = visibleWords.count == 1 && iconFont == true
            var doubtful =
                visible.hadIcons || visible.uncertain || visible.truncated || name.uncertain
                || singleSymbol || ligature || (page.hasStylesheets && visible.styled)
            if case .uncertain = hidden { doubtful = true }
            if doubtful {
                return observe(
                    .needsReview,
                    "Element (role \(role)) name \"\(name.text)\" does not contain the "
                        + "text \"\(visible.text)\"; icons, symbols or stylesheet-hidden text may explain it"
                )
            }
            return observe(
                .failed,
                "Element (role \(role)) shows \"\(visible.text)\" but its accessible name is "
                    + "\"\(name.text)\" (from \(name.source.rawValue)), which does not contain it"
            )
        }
    }

    /// How `visible` relates to `name`.
    static func match(name: String, visible: String) -> Match {
        if contains(words(name), words(visible)) { return .contained }
        let joinedName = name.replacingOccurrences(of: "-", with: "")
        let joinedVisible = visible.replacingOccurrences(of: "-", with: "")
        if contains(words(joinedName), words(joinedVisible)) { return .contained }
        let core = withoutParentheticals(visible)
        if core != visible, !words(core).isEmpty, contains(words(name), words(core)) {
            return .containedWithoutParenthetical
        }
        let abbreviated = abbreviations(visible)
        if !abbreviated.isEmpty, containsAbbreviated(words(name), words(visible), abbreviated) { return .abbreviation }
        return .mismatch
    }

    /// The lower-cased words (letters and digits) of `text`.
    static func words(_ text: String) -> [Substring] {
        let lowered = text.lowercased()
        return lowered.split { !($0.isLetter || $0.isNumber) }
    }

    /// Whether `needle` occurs as a contiguous run in `haystack`.
    static func contains(_ haystack: [Substring], _ needle: [Substring]) -> Bool {
        containsAbbreviated(haystack, needle, [])
    }

    /// As ``contains(_:_:)``, letting the needle words at `abbreviated` positions match longer words they start.
    static func containsAbbreviated(_ haystack: [Substring], _ needle: [Substring], _ abbreviated: Set<Int>) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) {
            let matches = needle.indices.allSatisfy { offset in
                let word = haystack[start + offset]
                return word == needle[offset] || (abbreviated.contains(offset) && word.hasPrefix(needle[offset]))
            }
            if matches { return true }
        }
        return false
    }

    /// The positions (in ``words(_:)``) of words written with a trailing full stop, like "Ave.".
    static func abbreviations(_ text: String) -> Set<Int> {
        var result: Set<Int> = []
        var position = -1
        var inWord = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if !inWord { position += 1 }
                inWord = true
            } else {
                if inWord, character == ".", position >= 0 { result.insert(position) }
                inWord = false
            }
        }
        return result
    }

    /// `text` without parenthesised or bracketed parts.
    static func withoutParentheticals(_ text: String) -> String {
        var depth = 0
        var result = ""
        for character in text {
            if character == "(" || character == "[" {
                depth += 1
            } else if character == ")" || character == "]" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                result.append(character)
            }
        }
        return result
    }

    /// Whether the page loads an icon font (a stylesheet link or style block naming icons), whose ligatures draw
    /// a glyph for a word: a single visible word may then be an icon, not text.
    static func usesIconFont(_ page: A11yPage) -> Bool {
        let links = page.snapshot.indices(named: "link").contains {
            page.node($0).attribute("href")?.lowercased().contains("icon") == true
        }
        return links
            || page.snapshot.indices(named: "style").contains { index in
                page.node(index).children.contains {
                    if case .text(let text) = $0 { return text.lowercased().contains("icon") }
                    return false
                }
            }
    }
}
