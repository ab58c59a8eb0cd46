import Foundation

/// Writes pretty-printed JSON straight into a ``ReportStream``, escaping strings on their UTF-8 bytes.
///
/// The JSON and SARIF reporters write their bulk (findings, results) through this instead of `JSONEncoder`,
/// which built the whole document in memory and was most of their time. The layout is the one `JSONEncoder`
/// gives with `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes` (two-space indent, `"key" : value`,
/// an empty container as `[`, a blank line and `]`), so small parts still encoded with `JSONEncoder`
/// (``encoded(_:)``) sit seamlessly inside streamed ones, and reports keep the bytes they always had.
///
/// Keys are written in the order the caller gives them: callers write them sorted, by construction.
/// Strings are escaped as RFC 8259 requires and no more: `"` and `\`, control characters below 0x20
/// (`\b \t \n \f \r` short, the rest as lowercase `\u00xx`); `/` and every non-ASCII scalar pass through.
struct JSONWriter {
    /// The stream every byte goes to, a chunk at a time.
    let stream: ReportStream
    /// Bytes not yet handed to the stream: collecting them here keeps the per-value cost to an array append.
    private var pending: [UInt8] = []
    /// How many pending bytes are handed to the stream at once.
    private static let chunkSize = 64 * 1024
    /// How many containers are open.
    private var depth = 0
    /// Whether the innermost open container has no member yet.
    private var isEmpty = true
    /// Whether a key was just written, so the next value follows it on the same line.
    private var afterKey = false

    /// A writer appending to `stream`.
    init(_ stream: ReportStream) {
        self.stream = stream
        pending.reserveCapacity(Self.chunkSize + 1024)
    }

    // MARK: Containers

    /// Opens an object (`{`) as the next value.
    mutating func beginObject() { open(UInt8(ascii: "{")) }

    /// Closes the innermost object.
    mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Opens an array (`[`) as the next value.
    mutating func beginArray() { open(UInt8(ascii: "[")) }

    /// Closes the innermost array.
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes the next member's key of the open object; its value must follow.
    mutating func key(_ name: StaticString) {
        nextMember()
        put(UInt8(ascii: "\""))
        put(name)
        put("\" : " as StaticString)
        afterKey = true
    }

    /// Writes a key that comes from data (a dictionary's key), escaped; its value must follow.
    mutating func key(_ name: String) {
        nextMember()
        escaped(name)
        put(" : " as StaticString)
        afterKey = true
    }

    // MARK: Values

    /// Writes a string value, escaped.
    mutating func string(_ text: String) {
        beginValue()
        escaped(text)
    }

    /// Writes an integer value.
    mutating func number(_ value: Int) {
        beginValue()
        put(String(value))
    }

    /// Writes `true` or `false`.
    mutating func bool(_ value: Bool) {
        beginValue()
        if value { put("true" as StaticString) } else { put("false" as StaticString) }
    }

    /// Writes an array of strings.
    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes `value` as `JSONEncoder` encodes it (sorted keys, unescaped slashes), indented to fit here.
    ///
    /// For the small parts of a document (targets, rules, TLS summaries); the bulk is written value by value.
    /// - Throws: An `EncodingError` when `value` cannot be represented in JSON (such as a non-finite number).
    mutating func encoded(_ value: some Encodable) throws {
        let data = try ReportEncoder.encoder().encode(value)
        beginValue()
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            // The encoder escapes newlines inside strings, so every newline byte is layout: indent what follows it,
            // unless it is the blank line of an empty container.
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                put(UnsafeBufferPointer(rebasing: bytes[start...index]))
                start = index + 1
                if start < bytes.count, bytes[start] != 0x0A { indent() }
            }
            put(UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        handOver()
    }

    /// Ends the document with a newline, as every report file ends, and hands every pending byte to the stream.
    mutating func finish() {
        put(0x0A)
        pending.withUnsafeBufferPointer { stream.append(contentsOf: $0) }
        pending.removeAll(keepingCapacity: true)
    }

    // MARK: Field shorthands (a key and its value)

    /// Writes `"name" : "value"`.
    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// Writes `"name" : "value"`, or nothing when `value` is nil (optional fields are omitted, never `null`).
    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        field(name, value)
    }

    /// Writes `"name" : value` for an integer.
    mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        number(value)
    }

    /// Writes `"name" : value` with `value` as `JSONEncoder` encodes it (see ``encoded(_:)``).
    ///
    /// - Throws: An `EncodingError` when `value` cannot be represented in JSON.
    mutating func encodedField(_ name: StaticString, _ value: some Encodable) throws {
        key(name)
        try encoded(value)
    }

    /// Writes `"name" : true|false`.
    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        beginValue()
        put(bracket)
        depth += 1
        isEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        // JSONEncoder writes an empty container with a blank line inside.
        put(isEmpty ? "\n\n" as StaticString : "\n" as StaticString)
        indent()
        put(bracket)
        isEmpty = false
        handOver()
    }

    /// Before a value: nothing after a key or at the top level, else the separator of the next array element.
    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if depth > 0 {
            nextMember()
        }
    }

    /// The separator and indentation before the next member of the open container.
    private mutating func nextMember() {
        put(isEmpty ? "\n" as StaticString : ",\n" as StaticString)
        isEmpty = false
        indent()
    }

    // MARK: Bytes

    private mutating func put(_ byte: UInt8) {
        pending.append(byte)
    }

    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        pending.append(contentsOf: bytes)
    }

    private mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { pending.append(contentsOf: $0) }
    }

    private mutating func put(_ text: String) {
        var text = text
        text.withUTF8 { pending.append(contentsOf: $0) }
    }

    /// Hands the pending bytes to the stream once a chunk has collected.
    private mutating func handOver() {
        guard pending.count >= Self.chunkSize else { return }
        pending.withUnsafeBufferPointer { stream.append(contentsOf: $0) }
        pending.removeAll(keepingCapacity: true)
    }

    private static let spaces: StaticString = "                                                                "

    private mutating func indent() {
        var remaining = depth * 2
        Self.spaces.withUTF8Buffer { spaces in
            while remaining > 0 {
                let count = min(remaining, spaces.count)
                put(UnsafeBufferPointer(rebasing: spaces[0..<count]))
                remaining -= count
            }
        }
    }

    /// Writes `text` quoted and escaped, appending each run of bytes that need no escape at once.
    private mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            put(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                    index += 1
                    continue
                }
                if runStart < index {
                    put(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                }
                escape(byte)
                index += 1
                runStart = index
            }
            if runStart < bytes.count {
                put(UnsafeBufferPointer(rebasing: bytes[runStart...]))
            }
            put(UInt8(ascii: "\""))
        }
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): put("\\\"" as StaticString)
        case UInt8(ascii: "\\"): put("\\\\" as StaticString)
        case 0x08: put("\\b" as StaticString)
        case 0x09: put("\\t" as StaticString)
        case 0x0A: put("\\n" as StaticString)
        case 0x0C: put("\\f" as StaticString)
        case 0x0D: put("\\r" as StaticString)
        default:
            put("\\u00" as StaticString)
            Self.hexDigits.withUTF8Buffer { digits in
                put(digits[Int(byte >> 4)])
                put(digits[Int(byte & 0x0F)])
            }
        }
    }
}
