/// The whole element tree of an ``HTMLDocument`` copied once into plain Swift arrays, for checks that visit every
/// element many times (the accessibility rules): one linear walk, no recursion (100,000 nesting levels are fine),
/// then constant-time access by index, tag name and id.
///
/// Like ``HTMLElement`` it is not Sendable: ``element(_:)`` hands back the libxml2 element for evidence (paths,
/// snippets), so use it in the task that parsed the document.
public struct DocumentSnapshot {
    /// One child of an element: another element (by index) or a run of text.
    public enum Child: Hashable, Sendable {
        /// The element at this index of ``nodes``.
        case element(Int)
        /// A text node's text (entities decoded).
        case text(String)
    }

    /// One element: its name, attributes and place in the tree.
    public struct Node: Sendable {
        /// The lower-case tag name.
        public let name: String
        /// Attributes with lower-case names, in source order (libxml2 keeps the first of duplicated names).
        public let attributes: [(name: String, value: String)]
        /// The parent's index; nil for the root element.
        public let parent: Int?
        /// Nesting depth: 0 for the root element.
        public let depth: Int
        /// Element and text children in document order.
        public internal(set) var children: [Child] = []

        /// The value of `name` (give it lower-case), nil when absent.
        @inlinable
        public func attribute(_ name: String) -> String? {
            for attribute in attributes where attribute.name == name { return attribute.value }
            return nil
        }

        /// Whether the attribute `name` (lower-case) is present.
        @inlinable
        public func hasAttribute(_ name: String) -> Bool { attributes.contains { $0.name == name } }

        /// Element children's indices, in order.
        public var elementChildren: [Int] {
            children.compactMap {
                if case .element(let index) = $0 { return index }
                return nil
            }
        }
    }

    /// Every element in document order; index 0 is the root element (when the document has one).
    public private(set) var nodes: [Node] = []
    /// Element indices by tag name, in document order.
    public private(set) var byName: [String: [Int]] = [:]
    /// Element indices by `id` value, in document order (several when ids repeat).
    public private(set) var byID: [String: [Int]] = [:]
    /// Element indices by the names of the attributes they carry, in document order: lets a rule about `role`,
    /// `tabindex` or `aria-*` visit only the elements that have them.
    public private(set) var byAttribute: [String: [Int]] = [:]
    /// The libxml2 node of each element and the document owning them (``element(_:)`` wraps them on demand).
    private var xmlNodes: [XMLNode] = []
    private let document: HTMLDocument
    private let paths = PathCache()

    /// Walks `document` once.
    public init(_ document: HTMLDocument) {
        self.document = document
        guard let root = document.root else { return }
        // Pre-order walk with an explicit stack: no recursion. Children are pushed in reverse, so entries pop in
        // document order and each is appended to its parent's children as it pops, keeping text and elements
        // interleaved as in the source.
        enum Entry {
            case element(XMLNode, parent: Int?, depth: Int)
            case text(String, parent: Int)
        }
        var stack: [Entry] = [.element(root.node, parent: nil, depth: 0)]
        while let entry = stack.popLast() {
            switch entry {
            case .text(let text, let parent):
                nodes[parent].children.append(.text(text))
            case .element(let node, let parent, let depth):
                let index = nodes.count
                // libxml2's HTML parser lower-cases names already; lower-case again only what is not.
                let attributes = node.attributes.map {
                    (
                        name: $0.name.utf8.contains(where: { (65...90).contains($0) }) ? $0.name.lowercased() : $0.name,
                        value: $0.value
                    )
                }
                let name = node.name
                nodes.append(Node(name: name, attributes: attributes, parent: parent, depth: depth))
                xmlNodes.append(node)
                byName[name, default: []].append(index)
                for attribute in attributes {
                    byAttribute[attribute.name, default: []].append(index)
                    if attribute.name == "id" { byID[attribute.value, default: []].append(index) }
                }
                if let parent { nodes[parent].children.append(.element(index)) }
                var children: [Entry] = []
                var child = node.firstChild
                while let current = child {
                    switch current.kind {
                    case .element: children.append(.element(current, parent: index, depth: depth + 1))
                    case .text: children.append(.text(current.content, parent: index))
                    case .comment, .other: break
                    }
                    child = current.nextSibling
                }
                stack.append(contentsOf: children.reversed())
            }
        }
    }

    /// The libxml2-backed element at `index`, for evidence: ``HTMLElement/cssPath``, snippets, outer HTML.
    public func element(_ index: Int) -> HTMLElement { HTMLElement(document: document, node: xmlNodes[index]) }

    /// The element's evidence path, exactly as ``HTMLElement/cssPath`` gives it, but computed from the snapshot and
    /// memoised per element (each path reuses its parent's), so paths for every element of a page cost linear
    /// time instead of one climb to the root each.
    public func path(_ index: Int) -> String {
        paths.prepare(count: nodes.count)
        if let known = paths.path(of: index) { return known }
        // Climb to the nearest ancestor whose path is known (or that anchors a path), then build downwards.
        var chain: [Int] = []
        var current: Int? = index
        var base: String?
        while let element = current {
            if let known = paths.path(of: element) {
                base = known
                break
            }
            if let id = nodes[element].attribute("id"), ElementPath.isSimpleIdentifier(id), byID[id]?.count == 1 {
                paths.store("#" + id, for: element)
                base = "#" + id
                break
            }
            chain.append(element)
            current = nodes[element].parent
        }
        for element in chain.reversed() {
            let step = self.step(element)
            let path = base.map { "\($0) > \(step)" } ?? step
            paths.store(path, for: element)
            base = path
        }
        return base ?? ""
    }

    /// The element's markup for evidence, at most about `maxLength` characters: start tags (attribute values
    /// capped), text and end tags in document order, stopping with `…` once the budget is spent. Costs
    /// O(`maxLength`) whatever the subtree's size, unlike serialising the whole subtree and cutting it.
    public func outerHTML(_ index: Int, maxLength: Int = 300) -> String {
        enum Step {
            case open(Int)
            case close(String)
            case text(String)
        }
        var output = ""
        var stack: [Step] = [.open(index)]
        while let step = stack.popLast() {
            switch step {
            case .open(let element):
                let node = nodes[element]
                output += MarkupSnippet.startTag(name: node.name, attributes: node.attributes)
                guard !Self.voidElements.contains(node.name) else { break }
                stack.append(.close(node.name))
                for child in node.children.reversed() {
                    switch child {
                    case .element(let child): stack.append(.open(child))
                    case .text(let text): stack.append(.text(text))
                    }
                }
            case .close(let name):
                output += "</\(name)>"
            case .text(let text):
                output += MarkupSnippet.escapeText(String(text.prefix(maxLength)))
            }
            if MarkupSnippet.longer(output, than: maxLength) { return MarkupSnippet.cap(output, to: maxLength) }
        }
        return output
    }

    /// Elements without end tags.
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr",
    ]

    /// `name` or `name:nth-of-type(k)` when the parent has several children of that name.
    private func step(_ index: Int) -> String {
        let name = nodes[index].name
        guard let parent = nodes[index].parent else { return name }
        let siblings = nodes[parent].children
        if siblings.count <= 64 {
            // Few siblings: counting them directly is cheaper than building the parent's table.
            var position = 0
            var count = 0
            for case .element(let sibling) in siblings where nodes[sibling].name == name {
                count += 1
                if sibling == index { position = count }
            }
            return count > 1 ? "\(name):nth-of-type(\(position))" : name
        }
        let (position, count) = paths.position(of: index, named: name, parent: parent) {
            nodes[parent].children.compactMap {
                guard case .element(let child) = $0 else { return nil }
                return (child, nodes[child].name)
            }
        }
        return count > 1 ? "\(name):nth-of-type(\(position))" : name
    }

    /// The elements named `name` (lower-case), in document order.
    public func indices(named name: String) -> [Int] { byName[name] ?? [] }

    /// The elements carrying the attribute `name` (lower-case), in document order.
    public func indices(withAttribute name: String) -> [Int] { byAttribute[name] ?? [] }

    /// The elements carrying some attribute whose name starts with `prefix` (`aria-`), in document order.
    public func indices(withAttributePrefix prefix: String) -> [Int] {
        let lists = byAttribute.filter { $0.key.hasPrefix(prefix) }.map(\.value)
        return lists.count == 1 ? lists[0] : Array(Set(lists.joined())).sorted()
    }

    /// The first element whose id is `id`, as `getElementById` finds it.
    public func index(ofID id: String) -> Int? { byID[id]?.first }

    /// The ancestors of `index`, parent first.
    public func ancestors(of index: Int) -> [Int] {
        var result: [Int] = []
        var current = nodes[index].parent
        while let ancestor = current {
            result.append(ancestor)
            current = nodes[ancestor].parent
        }
        return result
    }

    /// Every descendant element of `index` in document order (the element itself excluded).
    public func descendants(of index: Int) -> [Int] {
        var result: [Int] = []
        var stack = nodes[index].elementChildren.reversed() as [Int]
        while let next = stack.popLast() {
            result.append(next)
            stack.append(contentsOf: nodes[next].elementChildren.reversed())
        }
        return result
    }
}

/// Memoised element paths and sibling positions of one snapshot; a reference so ``DocumentSnapshot`` stays a
/// value whose reads can fill it. Arrays indexed by element, sized on first use.
private final class PathCache {
    private var known: [String?] = []
    /// Per element: its 1-based position among same-named siblings, 0 until its parent's children are indexed.
    private var positions: [Int] = []
    /// Per parent whose children were indexed: how many children carry each name.
    private var counts: [Int: [String: Int]] = [:]

    /// Sizes the tables for `count` elements (once).
    func prepare(count: Int) {
        guard known.count != count else { return }
        known = Array(repeating: nil, count: count)
        positions = Array(repeating: 0, count: count)
    }

    func path(of index: Int) -> String? { known[index] }

    func store(_ path: String, for index: Int) { known[index] = path }

    /// The element's 1-based position among same-named siblings and their count; `children` lists a parent's
    /// element children with their names, read once per parent.
    func position(
        of element: Int,
        named name: String,
        parent: Int,
        children: () -> [(index: Int, name: String)]
    ) -> (Int, Int) {
        if counts[parent] == nil {
            var childCounts: [String: Int] = [:]
            for (child, childName) in children() {
                let position = childCounts[childName, default: 0] + 1
                childCounts[childName] = position
                positions[child] = position
            }
            counts[parent] = childCounts
        }
        return (max(positions[element], 1), counts[parent]?[name] ?? 1)
    }
}
