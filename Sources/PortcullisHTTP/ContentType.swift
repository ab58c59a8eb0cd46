/// Reads the parts of a `Content-Type` value the scanner needs: media type and charset.
///
/// Parameters are parsed as RFC 9110 defines them (`;`-separated, names case-insensitive, values
/// plain tokens or quoted strings with backslash escapes), so `text/html; charset="utf-8"` and
/// `text/html;CHARSET=UTF-8` give the same answer.
struct ContentType: Sendable, Hashable {
    /// The media type, lower-cased, without parameters: `text/html`.
    var mediaType: String
    /// Parameter names (lower-cased) and values in order.
    var parameters: [Parameter]

    /// One `name=value` parameter.
    struct Parameter: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// Parses a header value; never fails, missing parts are empty.
    init(parsing value: String) {
        var scalars = Substring(value).unicodeScalars[...]
        var type = ""
        while let scalar = scalars.first, scalar != ";" {
            type.unicodeScalars.append(scalar)
            scalars.removeFirst()
        }
        mediaType = type.trimmingCharacters(in: " \t").lowercased()
        parameters = []
        while !scalars.isEmpty {
            scalars.removeFirst()  // the ';'
            var name = ""
            while let scalar = scalars.first, scalar != "=", scalar != ";" {
                name.unicodeScalars.append(scalar)
                scalars.removeFirst()
            }
            guard scalars.first == "=" else { continue }
            scalars.removeFirst()
            while let scalar = scalars.first, scalar == " " || scalar == "\t" {
                scalars.removeFirst()
            }
            var parameterValue = ""
            if scalars.first == "\"" {
                scalars.removeFirst()
                while let scalar = scalars.popFirst(), scalar != "\"" {
                    if scalar == "\\", let escaped = scalars.popFirst() {
                        parameterValue.unicodeScalars.append(escaped)
                    } else {
                        parameterValue.unicodeScalars.append(scalar)
                    }
                }
                while let scalar = scalars.first, scalar != ";" {
                    scalars.removeFirst()
                }
            } else {
                while let scalar = scalars.first, scalar != ";" {
                    parameterValue.unicodeScalars.append(scalar)
                    scalars.removeFirst()
                }
                parameterValue = parameterValue.trimmingCharacters(in: " \t")
            }
            let key = name.trimmingCharacters(in: " \t").lowercased()
            if !key.isEmpty {
                parameters.append(Parameter(name: key, value: parameterValue))
            }
        }
    }

    /// The `charset` parameter, lower-cased, or `nil` when absent or empty.
    var charset: String? {
        guard let value = parameters.first(where: { $0.name == "charset" })?.value, !value.isEmpty else {
            return nil
        }
        return value.lowercased()
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) {
            slice.removeFirst()
        }
        while let last = slice.last, set.contains(last) {
            slice.removeLast()
        }
        return String(slice)
    }
}
