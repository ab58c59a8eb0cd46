public import PortcullisHTML

/// A page as assistive technology would meet it, computed from markup alone: each element's role, whether it is
/// hidden, focusable, and its accessible name and description. Built once per page; every rule reads it.
///
/// Markup cannot always decide (a stylesheet may hide content, a script may build the DOM): such answers carry an
/// uncertainty so rules report "needs review" instead of guessing.
///
/// Cost: construction is a few linear passes over ``DocumentSnapshot/nodes`` (roles, hidden-ness, focus are then
/// array reads); names are computed on demand and memoised, and name-from-content results of subtrees are shared
/// between ancestors, so naming every element of a page stays linear in its size for ordinary markup.
public final class A11yPage {
    /// Whether rules should describe passing elements (the ACT harness and tests want them; a scan, where
    /// passes never become findings, turns this off so passes cost no evidence work).
    public var recordsPasses = true
    /// Elements by computed role, built by ``indices(withRoles:)`` on first use.
    private var roleIndex: [String: [Int]]?
    /// What rules derived from the page and share, by type (see ``derived(_:_:)``).
    private var derivedFacts: [ObjectIdentifier: Any] = [:]
    /// The element tree.
    public let snapshot: DocumentSnapshot
    /// Whether the page has `<script>` elements (the DOM a user meets may differ from the markup).
    public let hasScripts: Bool
    /// Whether the page has stylesheets (`<style>`, `<link rel=stylesheet>`) that may hide or move content.
    public let hasStylesheets: Bool
    /// Whether the font sizes the page's stylesheets set are all known: no external stylesheet, and every
    /// `font-size` in `<style>` on a simple, unconditional selector. Then ``styleSheetFontSize(of:)`` is the whole
    /// story and the initial size is the browser default.
    public let styleSheetFontSizesAreKnown: Bool
    private let styleSheetFontSizes: [Int: String]
    /// Whether the page's `<style>` generates content (`::before`/`::after { content: … }`), which names
    /// computed from content cannot see: names computed from the content of elements such a rule may match are
    /// marked uncertain.
    public let hasGeneratedContent: Bool

    /// The elements a stylesheet may give `::before`/`::after` content.
    let generatedContent: Set<Int>
    @usableFromInline let facts: RenderingFacts
    @usableFromInline let resolver: RoleResolver
    /// Per element: the index of its last descendant (pre-order), so "is in the subtree of" is two comparisons.
    let subtreeEnd: [Int]
    /// Memoised names (per element, sized on first use) and descriptions.
    var names: [AccessibleName?] = []
    var descriptions: [Int: String] = [:]
    /// Memoised text alternatives of subtrees met during traversals, by traversal kind.
    var traversalMemo: [NameTraversal: [Int: NamePart]] = [:]
    /// `<label for>` by the id they name, and each element's nearest `<label>` ancestor; built when first needed.
    lazy var labelsByFor: [String: [Int]] = {
        var result: [String: [Int]] = [:]
        for label in snapshot.indices(named: "label") {
            if let target = snapshot.nodes[label].attribute("for") { result[target, default: []].append(label) }
        }
        return result
    }()
    lazy var nearestLabelAncestor: [Int?] = {
        var result: [Int?] = []
        result.reserveCapacity(snapshot.nodes.count)
        for node in snapshot.nodes {
            guard let parent = node.parent else {
                result.append(nil)
                continue
            }
            result.append(snapshot.nodes[parent].name == "label" ? parent : result[parent])
        }
        return result
    }()

    /// Builds the page model from a parsed document.
    public init(document: HTMLDocument) {
        let snapshot = DocumentSnapshot(document)
        self.snapshot = snapshot
        hasScripts = !snapshot.indices(named: "script").isEmpty
        hasStylesheets =
            !snapshot.indices(named: "style").isEmpty
            || snapshot.indices(named: "link").contains {
                snapshot.nodes[$0].attribute("rel")?.lowercased().split(separator: " ").contains("stylesheet") == true
            }
        let sheet = StyleSheetRules(snapshot)
        let externalSheets = snapshot.indices(named: "link").contains {
            snapshot.nodes[$0].attribute("rel")?.lowercased().split(separator: " ").contains("stylesheet") == true
        }
        styleSheetFontSizesAreKnown = !externalSheets && !sheet.fontSizeUncertain
        styleSheetFontSizes = sheet.fontSize.mapValues(\.value)
        hasGeneratedContent = sheet.hasGeneratedContent
        generatedContent = sheet.generatedContent
        let facts = RenderingFacts(snapshot, sheet: sheet)
        self.facts = facts
        // One reverse pass: subtree extents and whether a subtree holds any non-blank text.
        var end = Array(snapshot.nodes.indices)
        var hasText = [Bool](repeating: false, count: snapshot.nodes.count)
        for index in snapshot.nodes.indices.reversed() {
            let node = snapshot.nodes[index]
            if !hasText[index] {
                for child in node.children {
                    guard case .text(let text) = child else { continue }
                    if text.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C })
                    {
                        hasText[index] = true
                        break
                    }
                }
            }
            guard let parent = node.parent else { continue }
            end[parent] = max(end[parent], end[index])
            if hasText[index] { hasText[parent] = true }
        }
        subtreeEnd = end
        resolver = RoleResolver(snapshot, focusable: facts.focusable, subtreeHasText: hasText)
    }

    /// The element count.
    @inlinable
    public var count: Int { snapshot.nodes.count }

    /// The page's `Value`, built by `make` on first use and then shared by every rule asking for the same type:
    /// several rules need one derived structure (a heading outline, the table models, `aria-owns` ownership), and
    /// building each once per page keeps the whole rule set close to one pass.
    public func derived<Value>(_ type: Value.Type, _ make: (A11yPage) -> Value) -> Value {
        let key = ObjectIdentifier(type)
        if let known = derivedFacts[key] as? Value { return known }
        let value = make(self)
        derivedFacts[key] = value
        return value
    }

    /// The element at `index`.
    @inlinable
    public func node(_ index: Int) -> DocumentSnapshot.Node { snapshot.nodes[index] }

    /// The role tokens of the `role` attribute, lower-cased, in order.
    public func explicitRoleTokens(of index: Int) -> [String] {
        (snapshot.nodes[index].attribute("role") ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(
            String.init
        )
    }

    /// The implicit role per HTML-AAM / HTML-ARIA (`a[href]` → `link`, `h1` → `heading`, `img alt=""` →
    /// `presentation`, `td` → `cell`/`gridcell` by its table's role, …), nil when none.
    @inlinable
    public func implicitRole(of index: Int) -> String? { resolver.implicitRoles[index] }

    /// The role assistive technology gets: the first valid, non-abstract explicit token, else the implicit role;
    /// `none`/`presentation` are ignored (conflict resolution) on focusable elements or ones with global ARIA
    /// attributes; rows, cells and list items of a presentational table or list are `none` too.
    @inlinable
    public func role(of index: Int) -> String? { resolver.roles[index] }

    /// The `font-size` a `<style>` rule gives the element (the winning declaration, lower-case), nil when none
    /// does; inline `style` attributes still override it.
    public func styleSheetFontSize(of index: Int) -> String? { styleSheetFontSizes[index] }

    /// The elements whose computed role is one of `roles`, in document order: one lookup per role in an index
    /// built on first use, instead of a pass over every element per rule.
    public func indices(withRoles roles: Set<String>) -> [Int] {
        if roleIndex == nil {
            var index: [String: [Int]] = [:]
            for (element, role) in resolver.roles.enumerated() {
                if let role { index[role, default: []].append(element) }
            }
            roleIndex = index
        }
        let lists = roles.compactMap { roleIndex?[$0] }
        return lists.count == 1 ? lists[0] : lists.joined().sorted()
    }

    /// Whether the element's role is `none` or `presentation`.
    public func isPresentational(_ index: Int) -> Bool { RoleVocabulary.isPresentational(resolver.roles[index]) }

    /// Whether the element is hidden from assistive technology, and how sure that is.
    @inlinable
    public func hidden(_ index: Int) -> Hiddenness { facts.hiddenness[index] }

    /// Why the element is not rendered (`display: none`-like or `visibility: hidden`), nil when it is rendered as
    /// far as markup tells. Unlike ``hidden(_:)`` it ignores `aria-hidden`.
    @inlinable
    public func notRenderedReason(_ index: Int) -> String? { facts.notRendered[index] }

    /// Whether the element is a disabled form control (own `disabled`, a disabled fieldset, a disabled optgroup).
    @inlinable
    public func isDisabled(_ index: Int) -> Bool { facts.disabled[index] }

    /// Whether the element is inside an `inert` subtree.
    @inlinable
    public func isInert(_ index: Int) -> Bool { facts.inert[index] }

    /// The `tabindex` as HTML parses it, nil when absent or invalid.
    @inlinable
    public func tabindex(of index: Int) -> Int? { facts.tabindex[index] }

    /// Whether the element is focusable (natively or by `tabindex`), not disabled, inert or unrendered.
    @inlinable
    public func isFocusable(_ index: Int) -> Bool { facts.focusable[index] }

    /// Whether the element is in sequential focus navigation (focusable and `tabindex` not negative).
    public func isInSequentialFocusOrder(_ index: Int) -> Bool {
        facts.focusable[index] && (facts.tabindex[index] ?? 0) >= 0
    }

    /// The nearest ancestor of `index` (not the element itself) that `matches`, looking at most `limit` levels up:
    /// the bounded climb rules use to find an enclosing label, link, map or table.
    public func nearestAncestor(of index: Int, within limit: Int, where matches: (Int) -> Bool) -> Int? {
        var current = snapshot.nodes[index].parent
        var steps = 0
        while let ancestor = current, steps < limit {
            if matches(ancestor) { return ancestor }
            current = snapshot.nodes[ancestor].parent
            steps += 1
        }
        return nil
    }

    /// Whether `descendant` is inside the subtree of `ancestor` (or is it).
    public func isInSubtree(_ descendant: Int, of ancestor: Int) -> Bool {
        ancestor <= descendant && descendant <= subtreeEnd[ancestor]
    }

    /// The `<label>` elements labelling the element, in document order: `<label for>` naming its id (when it is
    /// the element that id finds) and a wrapping `<label>` without `for`. Only labelable elements have labels.
    public func labels(of index: Int) -> [Int] {
        let node = snapshot.nodes[index]
        guard Self.labelable.contains(node.name), !(node.name == "input" && node.attribute("type") == "hidden") else {
            return []
        }
        var result: [Int] = []
        if let id = node.attribute("id"), snapshot.index(ofID: id) == index { result = labelsByFor[id] ?? [] }
        if let wrapping = nearestLabelAncestor[index] {
            let target = snapshot.nodes[wrapping].attribute("for")
            if target == nil || target == node.attribute("id"), !result.contains(wrapping) { result.append(wrapping) }
        }
        return result.sorted()
    }

    /// HTML's labelable elements.
    private static let labelable: Set<String> = [
        "button", "input", "meter", "output", "progress", "select", "textarea",
    ]
}

/// Whether an element is hidden from assistive technology.
public enum Hiddenness: Sendable, Hashable {
    /// Exposed (as far as markup tells).
    case exposed
    /// Hidden for certain: `hidden`, `aria-hidden="true"`, inline `display:none` / `visibility:hidden`,
    /// `<template>`, an ancestor of those, or non-rendered elements (`head`, `script`, …).
    case hidden(String)
    /// Maybe hidden: a stylesheet or script may hide it; the reason says what markup cannot decide.
    case uncertain(String)

    /// Whether it is certainly hidden.
    public var isHidden: Bool {
        if case .hidden = self { return true }
        return false
    }
}

/// An accessible name and where it came from.
public struct AccessibleName: Sendable, Hashable {
    /// Where the name came from (accname 1.2 step).
    public enum Source: String, Sendable, Hashable {
        case none, ariaLabelledby, ariaLabel, nativeLabel, alt, caption, legend, figcaption, contents, title,
            placeholder, value
    }

    /// The name, whitespace-normalised; empty when there is none.
    public var text: String
    /// Which step gave it.
    public var source: Source
    /// Whether markup alone could not decide it (CSS-generated content, hidden-by-stylesheet references).
    public var uncertain: Bool

    /// Creates a name.
    public init(text: String, source: Source, uncertain: Bool = false) {
        self.text = text
        self.source = source
        self.uncertain = uncertain
    }

    /// Whether the name is empty.
    public var isEmpty: Bool { text.isEmpty }
}
