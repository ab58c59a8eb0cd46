/// Decoding of XML character data: the five predefined entities and numeric character references only.
enum XMLText {
    /// `bytes` with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#N;` `&#xN;` replaced by what they stand for;
    /// anything else (unknown entities, a lone `&`, invalid code points) is kept as written.
    static func decodeEntities(_ bytes: some Collection<UInt8>) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return Array(bytes) }
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            guard input[index] == UInt8(ascii: "&"),
                let semicolon = input[index..<min(input.count, index + 12)].firstIndex(of: UInt8(ascii: ";")),
                let decoded = decode(input[(index + 1)..<semicolon])
            else {
                output.append(input[index])
                index += 1
                continue
            }
            output += decoded
            index = semicolon + 1
        }
        return output
    }

    /// The UTF-8 bytes an entity name (between `&` and `;`) stands for, or nil when it is not one we decode.
    private static func decode(_ name: ArraySlice<UInt8>) -> [UInt8]? {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        case let text where text.hasPrefix("#x") || text.hasPrefix("#X"):
            return scalar(UInt32(text.dropFirst(2), radix: 16))
        case let text where text.hasPrefix("#"):
            return scalar(UInt32(text.dropFirst(), radix: 10))
        default:
            return nil
        }
    }

    private static func scalar(_ value: UInt32?) -> [UInt8]? {
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return Array(String(Character(scalar)).utf8)
    }
}
