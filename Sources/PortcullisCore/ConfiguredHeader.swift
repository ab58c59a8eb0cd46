import Foundation

/// A request header a user configured (plan file or `--header`), with `env:NAME` values read from the
/// environment so credentials never sit in files or shell history.
public enum ConfiguredHeader {
    /// The header `name: value`; throws why it cannot be sent (invalid name, unset variable, line break).
    public static func make(
        name: String,
        value raw: String,
        environment: [String: String]
    )
        throws(PortcullisError) -> HeaderField
    {
        guard name.range(of: #"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"#, options: .regularExpression) != nil else {
            throw PortcullisError(.invalidConfiguration, "'\(name)' is not a valid header name")
        }
        var value = raw
        if raw.hasPrefix("env:") {
            let variable = String(raw.dropFirst(4))
            guard let fromEnvironment = environment[variable], !fromEnvironment.isEmpty else {
                throw PortcullisError(
                    .invalidConfiguration,
                    "header '\(name)': environment variable \(variable) is not set"
                )
            }
            value = fromEnvironment
        }
        guard !value.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            throw PortcullisError(.invalidConfiguration, "header '\(name)' contains a line break")
        }
        return HeaderField(name: name, value: value)
    }
}
