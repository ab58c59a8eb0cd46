/// Counts the connections of one enumeration and keeps its notes, deduplicated and bounded.
actor ProbeLog {
    private(set) var handshakes = 0
    private(set) var notes: [String] = []
    private var dropped = 0

    func countHandshake() { handshakes += 1 }

    func note(_ text: String) {
        guard !notes.contains(text) else { return }
        if notes.count < TLSEnumeration.maximumNotes - 1 {
            notes.append(String(text.prefix(300)))
        } else {
            dropped += 1
        }
    }

    /// The notes, with a last line saying how many were left out.
    var finalNotes: [String] { dropped == 0 ? notes : notes + ["\(dropped) more notes omitted"] }
}
