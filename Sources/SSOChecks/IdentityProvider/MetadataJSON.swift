import Foundation

/// A JSON value typed strictly: `true` is a boolean, `"true"` a string and `1` a number, never each other.
enum MetadataJSON: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([MetadataJSON])
    case object([String: MetadataJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([MetadataJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: MetadataJSON].self))
        }
    }

    /// The string, when this is a JSON string.
    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The strings of a JSON array of strings (other members skipped); nil when this is not an array.
    var strings: [String]? {
        guard case .array(let values) = self else { return nil }
        return values.compactMap(\.string)
    }

    /// A short name of the JSON type, for evidence.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Why a body is not a usable JSON object.
struct MetadataJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, as a phrase for evidence.
    var reason: String

    var description: String { reason }
}

/// Reads a response body as a JSON object, refusing what would be unsafe or meaningless to parse.
enum MetadataJSONReader {
    /// Bodies at or above this size are taken as truncated by the prober's 1 MB cap.
    static let sizeCap = 1_048_576
    /// Deeper nesting is refused before parsing (a stack-exhaustion guard; real metadata nests 2-3 levels).
    static let maximumDepth = 32

    /// The top-level object of `body`.
    static func object(from body: Data) throws(MetadataJSONError) -> [String: MetadataJSON] {
        if body.isEmpty { throw MetadataJSONError(reason: "the body is empty") }
        if body.count >= sizeCap {
            throw MetadataJSONError(reason: "the body reached the \(sizeCap)-byte cap (\(body.count) bytes): truncated")
        }
        let depth = nestingDepth(of: body)
        if depth > maximumDepth {
            throw MetadataJSONError(reason: "JSON nested \(depth) levels deep (more than \(maximumDepth))")
        }
        let value: MetadataJSON
        do {
            value = try JSONDecoder().decode(MetadataJSON.self, from: body)
        } catch {
            throw MetadataJSONError(reason: "the body is not JSON (\(preview(body)))")
        }
        guard case .object(let object) = value else {
            throw MetadataJSONError(reason: "the JSON is \(value.typeName), not an object")
        }
        return object
    }

    /// The deepest nesting of arrays and objects, ignoring brackets inside strings.
    static func nestingDepth(of body: Data) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in body {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return deepest
    }

    /// The first characters of `body`, single-line, for evidence.
    static func preview(_ body: Data) -> String {
        let text = String(decoding: body.prefix(60), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        return "starts \"\(text)\(body.count > 60 ? "…" : "")\""
    }
}
