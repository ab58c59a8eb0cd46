/// `<meta http-equiv=refresh content="5; url='/next'">` read per the HTML standard's shared declarative
/// refresh steps, so the crawler follows exactly the refreshes a browser would.
public enum MetaRefresh {
    /// The URL reference of a refresh `content` value (unresolved, surrounding whitespace trimmed), or `nil` when
    /// there is none: a bare delay (`5`, a refresh of the page itself), an empty URL, or a value browsers reject
    /// (no leading delay such as `url=/x`, or garbage after the delay such as `5x; url=/x`).
    public static func target(_ content: String) -> String? {
        let input = Array(content.unicodeScalars.prefix(ReferenceResolver.maxReferenceBytes + 64))
        var position = 0
        func current() -> Unicode.Scalar? { position < input.count ? input[position] : nil }
        func skipWhitespace() {
            while let scalar = current(), isASCIIWhitespace(scalar) { position += 1 }
        }
        skipWhitespace()
        // The delay: digits, or at least a "." starting a fraction ("." alone is allowed by the standard).
        let digitsStart = position
        while let scalar = current(), ("0"..."9").contains(scalar) { position += 1 }
        if position == digitsStart, current() != "." { return nil }
        while let scalar = current(), ("0"..."9").contains(scalar) || scalar == "." { position += 1 }
        guard let separator = current() else { return nil }
        guard separator == ";" || separator == "," || isASCIIWhitespace(separator) else { return nil }
        skipWhitespace()
        if current() == ";" || current() == "," { position += 1 }
        skipWhitespace()
        guard position < input.count else { return nil }
        let (urlStart, quote) = locateURL(from: &position, in: input)
        var urlEnd = input.count
        if let quote, let closing = input[urlStart...].firstIndex(of: quote) {
            urlEnd = closing
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: input[urlStart..<urlEnd])
        let url = String(scalars).trimmingASCIIWhitespace
        return url.isEmpty ? nil : url
    }

    /// Where the URL starts at `position` and its opening quote, if it starts with `'` or `"`.
    private static func quoted(at position: Int, in input: [Unicode.Scalar]) -> (start: Int, quote: Unicode.Scalar?) {
        guard position < input.count, input[position] == "'" || input[position] == "\"" else {
            return (position, nil)
        }
        return (position + 1, input[position])
    }

    /// The standard's `url=` steps: an optional `url` `=` prefix (any case, whitespace around `=`), then an
    /// optional opening quote. Without a complete `url=` the URL is the rest of the value, as written.
    private static func locateURL(
        from position: inout Int,
        in input: [Unicode.Scalar]
    ) -> (start: Int, quote: Unicode.Scalar?) {
        let rest = position
        func isLetter(_ lower: Unicode.Scalar) -> Bool {
            guard position < input.count else { return false }
            let scalar = input[position]
            return scalar == lower || scalar.value == lower.value - 0x20
        }
        guard isLetter("u") else { return quoted(at: position, in: input) }
        position += 1
        guard isLetter("r") else { return (rest, nil) }
        position += 1
        guard isLetter("l") else { return (rest, nil) }
        position += 1
        while position < input.count, isASCIIWhitespace(input[position]) { position += 1 }
        guard position < input.count, input[position] == "=" else { return (rest, nil) }
        position += 1
        while position < input.count, isASCIIWhitespace(input[position]) { position += 1 }
        return quoted(at: position, in: input)
    }

    /// The HTML standard's ASCII whitespace: tab, line feed, form feed, carriage return, space.
    fileprivate static func isASCIIWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\r"
    }
}

extension String {
    /// The string without leading and trailing HTML ASCII whitespace.
    fileprivate var trimmingASCIIWhitespace: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, MetaRefresh.isASCIIWhitespace(first) { scalars.removeFirst() }
        while let last = scalars.last, MetaRefresh.isASCIIWhitespace(last) { scalars.removeLast() }
        return String(scalars)
    }
}
