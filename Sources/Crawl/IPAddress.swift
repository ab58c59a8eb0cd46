import PortcullisCore

/// An IPv4 or IPv6 address parsed from a URL host or a resolver's answer, so the crawler can refuse to be steered
/// to loopback and private networks by a hostile page (SSRF), and so one address has one spelling.
///
/// IPv4 follows the WHATWG URL standard, as browsers and curl do: `0x7f.1`, `2130706433` and `0177.0.0.1` are all
/// `127.0.0.1`. IPv6 is printed lower-case with the longest zero run compressed (RFC 5952, without the dotted
/// IPv4 tail); zone identifiers are not accepted.
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    case v4(UInt32)
    case v6(high: UInt64, low: UInt64)

    /// Parses a literal: dotted IPv4 in any WHATWG form, or IPv6 with or without brackets. `nil` for host names
    /// and malformed literals.
    public init?(_ literal: String) {
        var bytes = Array(literal.utf8)
        if bytes.first == 0x5B && bytes.last == 0x5D { bytes = Array(bytes.dropFirst().dropLast()) }
        if bytes.contains(0x3A) {
            guard let address = IPAddress.parseIPv6(bytes) else { return nil }
            self = address
        } else if case .address(let value) = IPAddress.parseIPv4(bytes) {
            self = .v4(value)
        } else {
            return nil
        }
    }

    /// Whether the address is loopback, private, link-local or another special-use range that a scan must not
    /// reach unless it is a declared target: the SSRF guard's own classification (``AddressPolicy``), so the
    /// scope check and the connect-time check never disagree.
    public var isInternal: Bool { !AddressPolicy().allows(ip: description) }

    /// The canonical text, without brackets.
    public var description: String {
        switch self {
        case .v4(let value):
            return "\(value >> 24).\((value >> 16) & 0xFF).\((value >> 8) & 0xFF).\(value & 0xFF)"
        case .v6(let high, let low):
            let groups = (0..<8).map { index -> UInt16 in
                let word = index < 4 ? high : low
                return UInt16(truncatingIfNeeded: word >> (UInt64(3 - index % 4) * 16))
            }
            var bestStart = -1
            var bestLength = 1
            var index = 0
            while index < 8 {
                guard groups[index] == 0 else {
                    index += 1
                    continue
                }
                var end = index
                while end < 8 && groups[end] == 0 { end += 1 }
                if end - index > bestLength {
                    bestStart = index
                    bestLength = end - index
                }
                index = end
            }
            func hex(_ range: Range<Int>) -> String {
                range.map { String(groups[$0], radix: 16) }.joined(separator: ":")
            }
            guard bestStart >= 0 else { return hex(0..<8) }
            return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
        }
    }

    /// What the WHATWG IPv4 parser makes of a host.
    enum IPv4Parse: Equatable {
        /// Not a number-ending host: a domain name.
        case notIPv4
        /// Ends in a number but is not a valid address: the URL is invalid.
        case invalid
        case address(UInt32)
    }

    /// WHATWG URL §3.5 IPv4 parser: up to four parts in decimal, octal (leading `0`) or hex (`0x`), the last part
    /// filling the remaining bytes.
    static func parseIPv4(_ host: [UInt8]) -> IPv4Parse {
        var parts = host.split(separator: 0x2E, omittingEmptySubsequences: false).map(Array.init)
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        guard let last = parts.last, endsInNumber(last) else { return .notIPv4 }
        guard parts.count <= 4 else { return .invalid }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = parseNumber(part) else { return .invalid }
            numbers.append(number)
        }
        for number in numbers.dropLast() where number > 255 { return .invalid }
        let lastNumber = numbers[numbers.count - 1]
        guard lastNumber < UInt64(1) << (8 * UInt64(5 - numbers.count)) else { return .invalid }
        var value = lastNumber
        for (index, number) in numbers.dropLast().enumerated() {
            value += number << (8 * UInt64(3 - index))
        }
        return .address(UInt32(truncatingIfNeeded: value))
    }

    private static func endsInNumber(_ part: [UInt8]) -> Bool {
        if !part.isEmpty && part.allSatisfy(ASCII.isDigit) { return true }
        guard part.count >= 2, part[0] == 0x30, part[1] | 0x20 == 0x78 else { return false }
        return part.dropFirst(2).allSatisfy { ASCII.hexValue($0) != nil }
    }

    private static func parseNumber(_ part: [UInt8]) -> UInt64? {
        guard !part.isEmpty else { return nil }
        var digits = part[...]
        var radix: UInt64 = 10
        if part.count >= 2, part[0] == 0x30, part[1] | 0x20 == 0x78 {
            digits = part.dropFirst(2)
            radix = 16
        } else if part.count >= 2, part[0] == 0x30 {
            digits = part.dropFirst()
            radix = 8
        }
        var value: UInt64 = 0
        for byte in digits {
            guard let digit = ASCII.hexValue(byte), UInt64(digit) < radix else { return nil }
            value = value * radix + UInt64(digit)
            if value > UInt64(UInt32.max) { return value }  // too big either way; stop before overflowing
        }
        return value
    }

    /// RFC 4291 §2.2 text forms, including `::` and a dotted IPv4 tail.
    static func parseIPv6(_ bytes: [UInt8]) -> IPAddress? {
        guard bytes.count >= 2, bytes.count <= 45 else { return nil }
        let halves = split(bytes, on: [0x3A, 0x3A])
        guard halves.count <= 2 else { return nil }
        guard let head = groups(halves[0], allowIPv4Tail: halves.count == 1) else { return nil }
        var words = head
        if halves.count == 2 {
            guard let tail = groups(halves[1], allowIPv4Tail: true), head.count + tail.count <= 7 else { return nil }
            words += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard words.count == 8 else { return nil }
        let high = words[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = words[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return .v6(high: high, low: low)
    }

    private static func groups(_ bytes: [UInt8], allowIPv4Tail: Bool) -> [UInt16]? {
        if bytes.isEmpty { return [] }
        let pieces = bytes.split(separator: 0x3A, omittingEmptySubsequences: false)
        var words: [UInt16] = []
        for (index, piece) in pieces.enumerated() {
            if index == pieces.count - 1 && allowIPv4Tail && piece.contains(0x2E) {
                let octets = piece.split(separator: 0x2E, omittingEmptySubsequences: false)
                guard octets.count == 4 else { return nil }
                var value: UInt32 = 0
                for octet in octets {
                    guard (1...3).contains(octet.count), octet.allSatisfy(ASCII.isDigit),
                        let number = UInt32(String(decoding: octet, as: UTF8.self)), number <= 255
                    else { return nil }
                    value = value << 8 | number
                }
                words += [UInt16(value >> 16), UInt16(value & 0xFFFF)]
                continue
            }
            guard (1...4).contains(piece.count) else { return nil }
            var word: UInt16 = 0
            for byte in piece {
                guard let digit = ASCII.hexValue(byte) else { return nil }
                word = word << 4 | UInt16(digit)
            }
            words.append(word)
        }
        return words
    }

    private static func split(_ bytes: [UInt8], on separator: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if index + 1 < bytes.count && bytes[index] == separator[0] && bytes[index + 1] == separator[1] {
                result.append(current)
                current = []
                index += 2
            } else {
                current.append(bytes[index])
                index += 1
            }
        }
        result.append(current)
        return result
    }
}
