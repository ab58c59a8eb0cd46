import RawStructuredFieldValues

/// RFC 8941 parsing of a header's combined field lines (joined with ", " as §4.2 requires); nil on any error,
/// which is how HTML and Permissions Policy treat a parse failure ("get a structured field value" returns null).
enum StructuredField {
    /// The value as an Item, or nil.
    static func item(_ combined: String) -> Item? {
        var parser = StructuredFieldValueParser(Array(combined.utf8))
        return try? parser.parseItemFieldValue()
    }

    /// The value as a Dictionary, or nil.
    static func dictionary(_ combined: String) -> OrderedMap<String, ItemOrInnerList>? {
        var parser = StructuredFieldValueParser(Array(combined.utf8))
        return try? parser.parseDictionaryFieldValue()
    }

    /// The token of an item, or nil when the bare item is not a token.
    static func token(_ item: Item) -> String? {
        if case .token(let value) = item.rfc9651BareItem { return value }
        return nil
    }
}
