import Foundation
import Yams

/// A YAML mapping read strictly: every key must be known, every value of the right shape, and every problem
/// reported with the file and line it is on.
struct YAMLMapping {
    let file: String
    let node: Node
    let pairs: [(key: String, value: Node)]
    /// The error code problems in this mapping are reported with.
    let code: PortcullisError.Code

    init(
        _ node: Node,
        file: String,
        what: String,
        code: PortcullisError.Code = .invalidRuleFile
    )
        throws(PortcullisError)
    {
        guard case .mapping(let mapping) = node else {
            throw PortcullisError(code, "\(what) must be a mapping", file: file, line: node.mark?.line)
        }
        self.code = code
        self.file = file
        self.node = node
        var pairs: [(key: String, value: Node)] = []
        for (key, value) in mapping {
            guard let name = key.string else {
                throw PortcullisError(
                    code,
                    "\(what) has a non-string key",
                    file: file,
                    line: key.mark?.line
                )
            }
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    var line: Int? { node.mark?.line }

    func error(_ reason: String, at node: Node? = nil) -> PortcullisError {
        PortcullisError(code, reason, file: file, line: (node ?? self.node).mark?.line)
    }

    /// Throws if the mapping has a key outside `allowed`, naming it (typos must not pass silently).
    func rejectUnknownKeys(_ allowed: Set<String>, in what: String) throws(PortcullisError) {
        for pair in pairs where !allowed.contains(pair.key) {
            let known = allowed.sorted().joined(separator: ", ")
            throw error("unknown key '\(pair.key)' in \(what) (known keys: \(known))", at: pair.value)
        }
    }

    func node(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func string(_ key: String, required: Bool = true) throws(PortcullisError) -> String? {
        guard let value = node(key) else {
            if required { throw error("missing required key '\(key)'") }
            return nil
        }
        guard case .scalar(let scalar) = value, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error("'\(key)' must be a non-empty string", at: value)
        }
        return scalar.string
    }

    func requiredString(_ key: String) throws(PortcullisError) -> String {
        guard let value = try string(key, required: true) else { throw error("missing required key '\(key)'") }
        return value
    }

    func stringList(_ key: String) throws(PortcullisError) -> [String] {
        guard let value = node(key) else { return [] }
        guard case .sequence(let sequence) = value else { throw error("'\(key)' must be a list", at: value) }
        var result: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else { throw error("'\(key)' entries must be strings", at: item) }
            result.append(scalar.string)
        }
        return result
    }
}

enum YAMLDocument {
    /// Parses `text` into a node tree, turning syntax errors into file:line errors.
    static func parse(
        _ text: String,
        file: String,
        code: PortcullisError.Code = .invalidRuleFile
    )
        throws(PortcullisError) -> Node?
    {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PortcullisError(
                code,
                "YAML syntax error: \(error.problemText)",
                file: file,
                line: error.line
            )
        } catch {
            throw PortcullisError(code, "YAML error: \(error)", file: file)
        }
    }
}

extension YamlError {
    fileprivate var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return nil
        }
    }

    fileprivate var problemText: String {
        switch self {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            return context.map { "\(problem) (\($0.text))" } ?? problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicated keys: \(duplicates.joined(separator: ", "))"
        default:
            return String(describing: self)
        }
    }
}
