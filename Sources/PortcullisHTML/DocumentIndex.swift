/// Whole-document facts for ids and element paths: which ids are unique and the first element with each id
/// (one pass at creation), and each element's position among same-named siblings (computed per parent on first
/// need, then cached). Keeps element paths linear overall, even for hostile documents with huge sibling lists.
final class DocumentIndex {
    /// An element's place among its parent's element children that share its name.
    struct SiblingPosition: Equatable {
        /// 1-based position among same-named siblings.
        var index: Int
        /// How many same-named siblings there are (including the element).
        var count: Int
    }

    private var firstByID: [String: XMLNode] = [:]
    private var idCounts: [String: Int] = [:]
    private var positions: [XMLNode: SiblingPosition] = [:]
    private var indexedParents: Set<XMLNode> = []

    /// Indexes the ids of `elements`, which must be every element of the document in document order.
    init(elements: [XMLNode]) {
        for element in elements {
            guard let id = element.attribute(lowercasedName: "id") else { continue }
            idCounts[id, default: 0] += 1
            if firstByID[id] == nil {
                firstByID[id] = element
            }
        }
    }

    /// The first element (document order) whose `id` attribute is exactly `id`.
    func firstElement(withID id: String) -> XMLNode? {
        firstByID[id]
    }

    /// Whether exactly one element carries `id`.
    func isUnique(id: String) -> Bool {
        idCounts[id] == 1
    }

    /// How many siblings ``position(of:)`` compares directly before indexing the whole parent instead.
    static let directScanLimit = 64

    /// The element's position among same-named siblings (1 of 1 for the root).
    ///
    /// Scans the neighbouring siblings directly (no allocation) when there are few; a parent with more children
    /// is indexed once, so hostile pages with huge sibling lists stay linear.
    func position(of node: XMLNode) -> SiblingPosition {
        guard let parent = node.parentElement else { return SiblingPosition(index: 1, count: 1) }
        if !indexedParents.contains(parent), let direct = directPosition(of: node) {
            return direct
        }
        if !indexedParents.contains(parent) {
            indexChildren(of: parent)
        }
        return positions[node] ?? SiblingPosition(index: 1, count: 1)
    }

    /// The position found by comparing siblings one by one; nil when there are more than ``directScanLimit``.
    private func directPosition(of node: XMLNode) -> SiblingPosition? {
        var before = 0
        var after = 0
        var steps = 0
        var sibling = node.previousSibling
        while let current = sibling {
            steps += 1
            if steps > Self.directScanLimit { return nil }
            if current.isElement(namedLike: node) { before += 1 }
            sibling = current.previousSibling
        }
        sibling = node.nextSibling
        while let current = sibling {
            steps += 1
            if steps > Self.directScanLimit { return nil }
            if current.isElement(namedLike: node) { after += 1 }
            sibling = current.nextSibling
        }
        return SiblingPosition(index: before + 1, count: before + after + 1)
    }

    /// Records the same-name positions of all of `parent`'s element children in one pass.
    private func indexChildren(of parent: XMLNode) {
        indexedParents.insert(parent)
        var seen: [String: Int] = [:]
        var ordered: [(node: XMLNode, name: String, index: Int)] = []
        var child = parent.firstChild
        while let current = child {
            if current.kind == .element {
                let name = current.name
                let index = seen[name, default: 0] + 1
                seen[name] = index
                ordered.append((current, name, index))
            }
            child = current.nextSibling
        }
        for entry in ordered {
            positions[entry.node] = SiblingPosition(index: entry.index, count: seen[entry.name] ?? entry.index)
        }
    }
}
