/// Builds the CSS-like evidence path of an element (see ``HTMLElement/cssPath``).
enum ElementPath {
    /// The longest id used as a path anchor; longer ids are treated as not simple.
    static let maximumIDLength = 64

    /// The path of `node`, using `index` for id uniqueness and sibling positions.
    static func cssPath(of node: XMLNode, index: DocumentIndex) -> String {
        var steps: [String] = []
        var current: XMLNode? = node
        while let element = current {
            if let id = element.attribute(lowercasedName: "id"), isSimpleIdentifier(id), index.isUnique(id: id) {
                steps.append("#" + id)
                break
            }
            let position = index.position(of: element)
            let name = element.name
            steps.append(position.count > 1 ? "\(name):nth-of-type(\(position.index))" : name)
            current = element.parentElement
        }
        return steps.reversed().joined(separator: " > ")
    }

    /// Whether `id` can be written as `#id` in CSS without escaping: an ASCII letter or `_` first, then ASCII
    /// letters, digits, `-` or `_`.
    static func isSimpleIdentifier(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, bytes.count <= maximumIDLength, isLetter(first) || first == UInt8(ascii: "_")
        else { return false }
        return bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
