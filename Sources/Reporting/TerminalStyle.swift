import PortcullisCore

/// ANSI styling for the terminal summary; with colour off every function returns its text unchanged.
struct TerminalStyle {
    /// Whether to emit ANSI SGR sequences at all.
    var color: Bool

    /// `text` wrapped in the SGR `codes` and a reset, or unchanged without colour.
    func apply(_ codes: String, _ text: String) -> String {
        color ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { apply("1", text) }

    func dim(_ text: String) -> String { apply("2", text) }

    func pass(_ text: String) -> String { apply("1;32", text) }

    func fail(_ text: String) -> String { apply("1;31", text) }

    /// `text` in the colour of `severity`: critical bold magenta, high red, medium yellow, low cyan, info dim.
    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .critical: return apply("1;35", text)
        case .high: return apply("31", text)
        case .medium: return apply("33", text)
        case .low: return apply("36", text)
        case .info: return apply("2", text)
        }
    }
}
