import Foundation

/// Finds a charset declared by a `<meta>` tag in raw bytes, before any decoding (a simplified form of the HTML
/// standard's prescan): `<meta charset=X>`, or `<meta http-equiv="content-type" content="...; charset=X">`.
/// Comments are skipped. Works on bytes only, so it cannot be confused by invalid text.
enum MetaCharsetScanner {
    /// The first declared charset label in `bytes`, as written (not normalised), or nil.
    static func scan<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        let buffer = Array(bytes)
        var index = 0
        while index < buffer.count {
            guard buffer[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if starts(buffer, at: index, with: "<!--") {
                index = skipComment(buffer, from: index + 4)
            } else if starts(buffer, at: index, with: "<meta"), index + 5 < buffer.count,
                isTagNameEnd(buffer[index + 5])
            {
                let (attributes, end) = readAttributes(buffer, from: index + 5)
                if let label = charset(in: attributes) {
                    return label
                }
                index = end
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The charset a meta tag's attributes declare, if they declare one.
    private static func charset(in attributes: [(name: String, value: String)]) -> String? {
        if let direct = attributes.first(where: { $0.name == "charset" }), !direct.value.isEmpty {
            return direct.value
        }
        let isContentType = attributes.contains {
            $0.name == "http-equiv" && $0.value.lowercased() == "content-type"
        }
        guard isContentType, let content = attributes.first(where: { $0.name == "content" }) else { return nil }
        return charsetParameter(in: content.value)
    }

    /// The value after `charset=` in a Content-Type-like string, without quotes or trailing parameters.
    static func charsetParameter(in content: String) -> String? {
        let lowered = content.lowercased()
        guard let range = lowered.range(of: "charset") else { return nil }
        var rest = lowered[range.upperBound...].drop(while: { $0 == " " || $0 == "\t" })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        if let quote = rest.first, quote == "\"" || quote == "'" {
            let inner = rest.dropFirst().prefix(while: { $0 != quote })
            return inner.isEmpty ? nil : String(inner)
        }
        let value = rest.prefix(while: { $0 != ";" && $0 != " " && $0 != "\t" })
        return value.isEmpty ? nil : String(value)
    }

    /// Reads `name=value` pairs (names lower-cased) up to the closing `>`; returns them and the index after it.
    private static func readAttributes(_ buffer: [UInt8], from start: Int) -> ([(name: String, value: String)], Int) {
        var attributes: [(name: String, value: String)] = []
        var index = start
        while index < buffer.count {
            while index < buffer.count, isSpace(buffer[index]) || buffer[index] == UInt8(ascii: "/") {
                index += 1
            }
            guard index < buffer.count, buffer[index] != UInt8(ascii: ">") else { return (attributes, index + 1) }
            let nameStart = index
            while index < buffer.count, !isSpace(buffer[index]), buffer[index] != UInt8(ascii: "="),
                buffer[index] != UInt8(ascii: ">"), index == nameStart || buffer[index] != UInt8(ascii: "/")
            {
                index += 1
            }
            let name = String(decoding: buffer[nameStart..<index], as: UTF8.self).lowercased()
            while index < buffer.count, isSpace(buffer[index]) { index += 1 }
            var value = ""
            if index < buffer.count, buffer[index] == UInt8(ascii: "=") {
                index += 1
                while index < buffer.count, isSpace(buffer[index]) { index += 1 }
                if index < buffer.count, buffer[index] == UInt8(ascii: "\"") || buffer[index] == UInt8(ascii: "'") {
                    let quote = buffer[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < buffer.count, buffer[index] != quote { index += 1 }
                    value = String(decoding: buffer[valueStart..<index], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < buffer.count, !isSpace(buffer[index]), buffer[index] != UInt8(ascii: ">") {
                        index += 1
                    }
                    value = String(decoding: buffer[valueStart..<index], as: UTF8.self)
                }
            }
            if !name.isEmpty, !attributes.contains(where: { $0.name == name }) {
                attributes.append((name: name, value: value))
            }
        }
        return (attributes, index)
    }

    private static func skipComment(_ buffer: [UInt8], from start: Int) -> Int {
        var index = start
        while index < buffer.count {
            if starts(buffer, at: index, with: "-->") { return index + 3 }
            index += 1
        }
        return buffer.count
    }

    /// Whether `buffer` has `literal` (ASCII, compared ignoring case) at `index`.
    private static func starts(_ buffer: [UInt8], at index: Int, with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= buffer.count else { return false }
        return literal.withUTF8Buffer { expected in
            for offset in 0..<count where lower(buffer[index + offset]) != expected[offset] {
                return false
            }
            return true
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func isTagNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "/")
    }
}
