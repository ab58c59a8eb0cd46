import AccessibilityChecks
import PortcullisCore
import Testing

@Suite struct DocumentAttributeRulesTests {
    typealias F = DocumentFixtures

    static func input(_ value: String, _ extra: String = "") -> String {
        "<label>Field<input autocomplete=\"\(value)\"\(extra)></label>"
    }

    static func spaced(_ style: String, text: String = "Some visible text") -> String {
        "<p style=\"\(style)\">\(text)</p>"
    }

    static let cases: [DocumentCase] = [
        .init("accesskeys", .passed, "<a href=/a accesskey=a>a</a><a href=/b accesskey=b>b</a>"),
        .init("accesskeys", .failed, "<a href=/a accesskey=s>a</a><button accesskey=\" S \">b</button>"),
        .init("accesskeys", .inapplicable, "<a href=/a>a</a>"),
        .init("tabindex", .passed, "<div tabindex=0>a</div><div tabindex=-1>b</div>"),
        .init("tabindex", .failed, "<div tabindex=\" 3\">a</div>"),
        .init("tabindex", .inapplicable, "<div tabindex=abc>a</div>"),
        .init("autocomplete-valid", .passed, input("username")),
        .init("autocomplete-valid", .passed, "<select autocomplete=bday-month><option>Jan</option></select>"),
        .init("autocomplete-valid", .passed, "<textarea autocomplete=Street-Address></textarea>"),
        .init("autocomplete-valid", .passed, input("work email")),
        .init("autocomplete-valid", .passed, input("section-partner email")),
        .init("autocomplete-valid", .passed, input("section-primary billing address-line1")),
        .init("autocomplete-valid", .passed, input("section-primary shipping work email")),
        .init("autocomplete-valid", .passed, input("current-password webauthn", " type=password")),
        .init("autocomplete-valid", .failed, input("badname")),
        .init("autocomplete-valid", .failed, input("work photo")),
        .init("autocomplete-valid", .failed, input("work shipping email")),
        .init("autocomplete-valid", .failed, input("work,email")),
        .init("autocomplete-valid", .failed, input("shipping")),
        .init("autocomplete-valid", .failed, input("address-line1 address-line2")),
        .init("autocomplete-valid", .failed, input("work")),
        .init("autocomplete-valid", .failed, input("email invalid")),
        .init("autocomplete-valid", .inapplicable, input("")),
        .init("autocomplete-valid", .inapplicable, input(" ")),
        .init("autocomplete-valid", .inapplicable, input("off")),
        .init("autocomplete-valid", .inapplicable, input("badname", " style=\"display:none\"")),
        .init("autocomplete-valid", .inapplicable, input("badname", " disabled")),
        .init("autocomplete-valid", .inapplicable, input("badname", " aria-disabled=true")),
        .init("autocomplete-valid", .inapplicable, input("email", " type=submit")),
        .init("autocomplete-valid", .inapplicable, input("transaction-amount", " type=hidden")),
        .init("inline-letter-spacing", .passed, spaced("letter-spacing: 0.15em !important")),
        .init(
            "inline-letter-spacing",
            .passed,
            spaced("letter-spacing: 0.1em !important; letter-spacing: 0.15em !important")
        ),
        .init("inline-letter-spacing", .passed, spaced("letter-spacing: 0.15em !important; letter-spacing: 0.1em")),
        .init("inline-letter-spacing", .passed, spaced("letter-spacing: 2px !important")),
        .init(
            "inline-letter-spacing",
            .passed,
            "<div style=\"font-size: 16px; letter-spacing: 2px !important\"><p style=\"font-size: 10px\">Text</p></div>"
        ),
        .init(
            "inline-letter-spacing",
            .passed,
            "<div style=\"letter-spacing: 0.1em !important\">"
                + "<p style=\"letter-spacing: 0.2em !important\">Text</p></div>"
        ),
        .init("inline-letter-spacing", .failed, spaced("letter-spacing: 0.1em !important")),
        .init("inline-letter-spacing", .failed, spaced("LETTER-SPACING: normal ! important")),
        .init("inline-letter-spacing", .failed, spaced("letter-spacing: initial !important")),
        .init("inline-letter-spacing", .failed, spaced("font-size: 20px; letter-spacing: 2px !important")),
        // Stylesheet font sizes: followed when every rule is simple and unconditional, else needs review.
        .init(
            "inline-letter-spacing",
            .failed,
            spaced("letter-spacing: 2px !important"),
            head: "<style>p { font-size: 20px }</style>"
        ),
        .init(
            "inline-letter-spacing",
            .passed,
            spaced("letter-spacing: 3px !important"),
            head: "<style>p { font-size: 25px }</style>"
        ),
        .init(
            "inline-letter-spacing",
            .passed,
            spaced("letter-spacing: 2px !important"),
            head: "<style>p{}</style>"
        ),
        .init(
            "inline-letter-spacing",
            .needsReview,
            spaced("letter-spacing: 2px !important"),
            head: "<style>@media screen { p { font-size: 30px } }</style>"
        ),
        .init(
            "inline-letter-spacing",
            .needsReview,
            spaced("letter-spacing: 2px !important"),
            head: "<link rel=stylesheet href=/site.css>"
        ),
        .init("inline-letter-spacing", .needsReview, spaced("letter-spacing: var(--s) !important")),
        .init("inline-letter-spacing", .inapplicable, "<div style=\"letter-spacing: 0.1em !important\"></div>"),
        .init("inline-letter-spacing", .inapplicable, spaced("display: none; letter-spacing: 0.1em !important")),
        .init(
            "inline-letter-spacing",
            .inapplicable,
            spaced("position: absolute; top: -999em; letter-spacing: 0.1em !important")
        ),
        .init("inline-letter-spacing", .inapplicable, spaced("letter-spacing: 0.1em")),
        .init(
            "inline-letter-spacing",
            .inapplicable,
            "<p style=\"letter-spacing: 0.1em\"><span style=\"letter-spacing: inherit !important\">Text</span></p>"
        ),
        .init("inline-word-spacing", .passed, spaced("word-spacing: 0.16em !important")),
        .init("inline-word-spacing", .failed, spaced("word-spacing: 0.1em !important")),
        .init("inline-word-spacing", .failed, spaced("word-spacing: normal !important")),
        .init("inline-line-height", .passed, spaced("line-height: 1.6 !important")),
        .init("inline-line-height", .passed, spaced("line-height: 160% !important"), head: "<style>p{}</style>"),
        .init("inline-line-height", .passed, spaced("line-height: 24px !important")),
        .init("inline-line-height", .passed, "<h1 style=\"line-height: 48px !important\">Heading is 32px</h1>"),
        .init("inline-line-height", .failed, spaced("line-height: 1.2 !important")),
        .init("inline-line-height", .failed, spaced("line-height: 120% !important")),
        .init("inline-line-height", .failed, spaced("font-size: 20px; line-height: 20px !important")),
        .init("inline-line-height", .failed, "<h1 style=\"line-height: 40px !important\">Heading is 32px</h1>"),
        .init("inline-line-height", .inapplicable, spaced("line-height: 1em /* !important */")),
        .init("inline-line-height", .inapplicable, spaced("line-height: 1em !important; white-space: nowrap")),
        .init("inline-line-height", .inapplicable, spaced("line-height: 1em !important; width: 1000px", text: "Short")),
        .init("inline-line-height", .failed, spaced("line-height: 1em !important; width: 40px", text: "Too long")),
    ]

    @Test(arguments: cases)
    func outcome(_ testCase: DocumentCase) {
        #expect(F.outcome(testCase.rule, html: testCase.html) == testCase.expected)
    }

    @Test func autocompleteFailureSaysWhy() throws {
        let html = F.document(Self.input("work photo"))
        let observation = try #require(F.observations("a11y.autocomplete-valid", html: html).first)
        #expect(observation.evidence.summary.contains("\"photo\" is not a contact field"))
    }

    @Test func duplicateAccesskeysFailEveryHolder() {
        let html = F.document("<a href=/1 accesskey=k>1</a><a href=/2 accesskey=k>2</a><a href=/3 accesskey=j>3</a>")
        let outcomes = F.observations("a11y.accesskeys", html: html).map(\.outcome)
        #expect(outcomes == [.failed, .failed, .passed])
    }

    @Test func spacingEvidenceGivesTheRatio() throws {
        let html = F.document(Self.spaced("letter-spacing: 1px !important"))
        let observation = try #require(F.observations("a11y.inline-letter-spacing", html: html).first)
        #expect(observation.evidence.summary.contains("0.063× the font size"))
    }
}
