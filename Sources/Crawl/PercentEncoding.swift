/// RFC 3986 §6.2.2 percent-encoding normalisation of a path or query.
///
/// Escapes of unreserved characters are decoded (`%7e` → `~`), every other escape gets upper-case hex (`%2f` →
/// `%2F`, which stays encoded because it is not the same as `/`), bytes that may not appear literally (space,
/// non-ASCII, `<`, `"`, …) are encoded, and a `%` that does not start a valid escape becomes `%25`. Escapes of
/// bytes that are not UTF-8 (`%FF`) are kept as they are: the server gave them meaning.
enum PercentEncoding {
    static func normalized(_ bytes: [UInt8], inQuery: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x25 {
                if index + 2 < bytes.count,
                    let high = ASCII.hexValue(bytes[index + 1]), let low = ASCII.hexValue(bytes[index + 2])
                {
                    let value = high << 4 | low
                    if ASCII.isUnreserved(value) {
                        output.append(value)
                    } else {
                        appendEscape(value, to: &output)
                    }
                    index += 3
                    continue
                }
                appendEscape(0x25, to: &output)
            } else if ASCII.isAllowedLiterally(byte, inQuery: inQuery) {
                output.append(byte)
            } else {
                appendEscape(byte, to: &output)
            }
            index += 1
        }
        return output
    }

    /// Decodes every valid escape (for host names, which browsers decode before checking).
    static func decoded(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x25) else { return bytes }
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count,
                let high = ASCII.hexValue(bytes[index + 1]), let low = ASCII.hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(0x25)
        output.append(ASCII.upperHex[Int(byte >> 4)])
        output.append(ASCII.upperHex[Int(byte & 0x0F)])
    }
}
