/// The image candidate URLs of a `srcset` attribute (`a.png 1x, b.png 2x`, `c.png 480w`), per the HTML
/// standard's srcset parsing: candidates split at commas that follow a URL or end descriptors, descriptors
/// (which may hold parenthesised commas) skipped, trailing commas of a URL removed.
enum SrcsetParser {
    /// The candidate URLs as written (unresolved), in order, at most `limit` of them.
    static func urls(_ srcset: String, limit: Int = 1000) -> [String] {
        let scalars = Array(srcset.unicodeScalars)
        var urls: [String] = []
        var position = 0
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\r"
        }
        while position < scalars.count, urls.count < limit {
            while position < scalars.count, isSpace(scalars[position]) || scalars[position] == "," {
                position += 1
            }
            guard position < scalars.count else { break }
            let start = position
            while position < scalars.count, !isSpace(scalars[position]) { position += 1 }
            var end = position
            var endsWithComma = false
            while end > start, scalars[end - 1] == "," {
                end -= 1
                endsWithComma = true
            }
            if end > start {
                var url = String.UnicodeScalarView()
                url.append(contentsOf: scalars[start..<end])
                urls.append(String(url))
            }
            guard !endsWithComma else { continue }
            // Descriptors: up to the next comma outside parentheses.
            var depth = 0
            while position < scalars.count {
                let scalar = scalars[position]
                position += 1
                if scalar == "(" {
                    depth += 1
                } else if scalar == ")" {
                    depth = max(0, depth - 1)
                } else if scalar == ",", depth == 0 {
                    break
                }
            }
        }
        return urls
    }
}
