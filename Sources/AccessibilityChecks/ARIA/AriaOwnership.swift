import A11yModel
import PortcullisHTML

/// The owned-element structure of a page (WAI-ARIA 1.2 "owned element"): DOM children plus `aria-owns` targets,
/// an element claimed by `aria-owns` belonging to its claimant only. Built once per page in one pass over the
/// `aria-owns` attributes; the first claim of an element wins, self-claims and claims of an ancestor are ignored.
struct AriaOwnership {
    /// The claimant of each element claimed through `aria-owns`.
    private(set) var owner: [Int: Int] = [:]
    /// The elements each claimant claims, in `aria-owns` order.
    private(set) var claimed: [Int: [Int]] = [:]
    /// Claimants whose `aria-owns` names an id missing from the markup (a script may add it).
    private(set) var missingReferences: Set<Int> = []

    /// The page's ownership, built once per page and shared by the rules reading it.
    static func of(_ page: A11yPage) -> AriaOwnership { page.derived(AriaOwnership.self, AriaOwnership.init) }

    /// Reads every `aria-owns` of `page`.
    init(_ page: A11yPage) {
        var subtreeEnd: [Int] = []
        for index in page.snapshot.indices(withAttribute: "aria-owns") {
            guard let value = page.node(index).attribute("aria-owns") else { continue }
            for token in value.split(whereSeparator: \.isWhitespace).prefix(1_000) {
                guard let target = page.snapshot.index(ofID: String(token)) else {
                    missingReferences.insert(index)
                    continue
                }
                if subtreeEnd.isEmpty { subtreeEnd = Self.subtreeEnds(page) }
                // A claim of an ancestor would make a cycle: ignore it (pre-order: `target` is an ancestor of
                // `index` when index falls inside target's subtree range).
                let claimsAncestor = target < index && index <= subtreeEnd[target]
                guard target != index, owner[target] == nil, !claimsAncestor else { continue }
                owner[target] = index
                claimed[index, default: []].append(target)
            }
        }
    }

    /// The owned elements of `index`: its element children not claimed elsewhere, then what it claims.
    func ownedElements(of index: Int, in page: A11yPage) -> [Int] {
        page.node(index).elementChildren.filter { owner[$0] == nil || owner[$0] == index } + (claimed[index] ?? [])
    }

    /// The owning element of `index`: its claimant, else its DOM parent.
    func owningElement(of index: Int, in page: A11yPage) -> Int? { owner[index] ?? page.node(index).parent }

    /// For each element, the last index of its subtree (pre-order), from one reverse pass.
    private static func subtreeEnds(_ page: A11yPage) -> [Int] {
        var end = Array(0..<page.count)
        var index = page.count - 1
        while index >= 0 {
            if let parent = page.node(index).parent, end[index] > end[parent] { end[parent] = end[index] }
            index -= 1
        }
        return end
    }
}
