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
        public func attribute(_ name: String) -> String? {
            for attribute in attributes where attribute.name == name { return attribute.value }
            return nil
        }

        /// Whether the attribute `name` (lower-case) is present.
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
    private var elements: [HTMLElement] = []

    /// Walks `document` once.
    public init(_ document: HTMLDocument) {
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
                let attributes = node.attributes.map { (name: $0.name.lowercased(), value: $0.value) }
                nodes.append(Node(name: node.name, attributes: attributes, parent: parent, depth: depth))
                elements.append(HTMLElement(document: document, node: node))
                byName[node.name, default: []].append(index)
                if let id = attributes.first(where: { $0.name == "id" })?.value { byID[id, default: []].append(index) }
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
    public func element(_ index: Int) -> HTMLElement { elements[index] }

    /// The elements named `name` (lower-case), in document order.
    public func indices(named name: String) -> [Int] { byName[name] ?? [] }

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
