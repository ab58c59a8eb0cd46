import Foundation

/// Estimates how many bits of entropy a random-looking token (`state`, `nonce`, PKCE challenge) carries, from the
/// outside, without seeing the generator.
///
/// The estimate for one value is `length × log2(alphabet)`, where the alphabet is the union of the character
/// classes present (hex with a letter a-f → 16; digits 10, lower 26, upper 26, `-_` 2, `+/` 2, `.~` 2,
/// anything else 32), so it is an upper bound. It is then capped by structure: a value made of one repeated unit
/// counts as that unit once, and a value with only one distinct character counts as 0. A UUID counts as its 122
/// random bits at most.
/// Across several samples, ``estimate(samples:)`` first strips the prefix and suffix every sample shares (a
/// timestamp, a counter, a fixed label), so only the part that actually varies counts, and returns the minimum.
enum EntropyEstimator {
    /// The estimate for one value.
    static func bits(_ value: String) -> Double {
        var text = Substring(value)
        while text.hasSuffix("=") { text.removeLast() }
        let scalars = Array(text.unicodeScalars)
        guard Set(scalars).count > 1 else { return 0 }
        let unit = shortestRepeatingUnit(scalars)
        let perCharacter = log2(Double(alphabetSize(scalars)))
        var bits = Double(unit) * perCharacter
        if isUUID(value) { bits = min(bits, 122) }
        return bits
    }

    /// The smallest estimate over `samples`, counting only the part that differs between them.
    static func estimate(samples: [String]) -> Double {
        guard samples.count > 1 else { return samples.first.map(bits) ?? 0 }
        let arrays = samples.map { Array($0.unicodeScalars) }
        let shortest = arrays.map(\.count).min() ?? 0
        var prefix = 0
        while prefix < shortest, arrays.allSatisfy({ $0[prefix] == arrays[0][prefix] }) { prefix += 1 }
        var suffix = 0
        while suffix < shortest - prefix,
            arrays.allSatisfy({ $0[$0.count - 1 - suffix] == arrays[0][arrays[0].count - 1 - suffix] })
        {
            suffix += 1
        }
        return arrays.map { array -> Double in
            let varying = array[prefix..<(array.count - suffix)]
            var text = ""
            text.unicodeScalars.append(contentsOf: varying)
            // Structure of the whole value still caps the varying part (a UUID stays at most 122 bits).
            return min(bits(text), bits(String(String.UnicodeScalarView(array))))
        }.min() ?? 0
    }

    private static func alphabetSize(_ scalars: [Unicode.Scalar]) -> Int {
        let hex = scalars.allSatisfy { $0.properties.isASCIIHexDigit }
        let mixedCaseHex =
            scalars.contains { "abcdef".unicodeScalars.contains($0) }
            && scalars.contains { "ABCDEF".unicodeScalars.contains($0) }
        let hasHexLetter = scalars.contains { !("0"..."9").contains($0) }
        if hex && hasHexLetter && !mixedCaseHex { return 16 }
        var size = 0
        if scalars.contains(where: { ("0"..."9").contains($0) }) { size += 10 }
        if scalars.contains(where: { ("a"..."z").contains($0) }) { size += 26 }
        if scalars.contains(where: { ("A"..."Z").contains($0) }) { size += 26 }
        if scalars.contains(where: { $0 == "-" || $0 == "_" }) { size += 2 }
        if scalars.contains(where: { $0 == "+" || $0 == "/" }) { size += 2 }
        if scalars.contains(where: { $0 == "." || $0 == "~" }) { size += 2 }
        let known = CharacterSet(charactersIn: "-_+/.~").union(.init(charactersIn: "0"..."9"))
            .union(.init(charactersIn: "a"..."z")).union(.init(charactersIn: "A"..."Z"))
        if scalars.contains(where: { !known.contains($0) }) { size += 32 }
        return max(size, 2)
    }

    private static func shortestRepeatingUnit(_ scalars: [Unicode.Scalar]) -> Int {
        let count = scalars.count
        for unit in 1...max(count / 2, 1) where count % unit == 0 && unit < count {
            if (unit..<count).allSatisfy({ scalars[$0] == scalars[$0 % unit] }) { return unit }
        }
        return count
    }

    private static func isUUID(_ value: String) -> Bool {
        let groups = value.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12]
            && groups.allSatisfy { $0.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit) }
    }
}
