import A11yModel
import Testing

@Suite struct HiddennessTests {
    /// (markup with one element `#t`, expected: "exposed", "hidden" or "uncertain")
    static let cases: [(String, String)] = [
        ("<p id=t>x</p>", "exposed"),
        ("<p id=t hidden>x</p>", "hidden"),
        ("<div hidden=until-found><p id=t>x</p></div>", "hidden"),
        ("<div aria-hidden=true><p id=t>x</p></div>", "hidden"),
        ("<div aria-hidden=TRUE><p id=t>x</p></div>", "hidden"),
        ("<div aria-hidden=false><p id=t>x</p></div>", "exposed"),
        ("<div style='display:none'><p id=t>x</p></div>", "hidden"),
        ("<div style='display: block'><p id=t>x</p></div>", "exposed"),
        ("<div style='visibility:hidden'><p id=t>x</p></div>", "hidden"),
        ("<div style='visibility:collapse'><p id=t>x</p></div>", "hidden"),
        ("<div style='visibility:hidden'><p id=t style='visibility:visible'>x</p></div>", "exposed"),
        ("<div style='display:none'><p id=t style='visibility:visible'>x</p></div>", "hidden"),
        ("<div style='opacity:0'><p id=t>x</p></div>", "exposed"),
        ("<template><p id=t>x</p></template>", "hidden"),
        ("<noscript><p id=t>x</p></noscript>", "hidden"),
        ("<input id=t type=hidden>", "hidden"),
        ("<details><summary id=t>s</summary><p>x</p></details>", "exposed"),
        ("<details><summary>s</summary><p id=t>x</p></details>", "hidden"),
        ("<details open><summary>s</summary><p id=t>x</p></details>", "exposed"),
        ("<details><summary>s</summary><summary id=t>second</summary></details>", "hidden"),
        ("<dialog><p id=t>x</p></dialog>", "hidden"),
        ("<dialog open><p id=t>x</p></dialog>", "exposed"),
    ]

    @Test(arguments: cases) func hiddenness(markup: String, expected: String) {
        let page = PageFixture.page(markup)
        #expect(Self.kind(page.hidden(PageFixture.element("t", in: page))) == expected, "\(markup)")
    }

    /// (style sheet, markup with `#t`, expected)
    static let sheetCases: [(String, String, String)] = [
        (".gone { display: none }", "<p id=t class='a gone'>x</p>", "hidden"),
        ("#t { visibility: hidden }", "<p id=t>x</p>", "hidden"),
        ("div p { display:none }", "<div><span><p id=t>x</p></span></div>", "hidden"),
        ("div p { display:none }", "<section><p id=t>x</p></section>", "exposed"),
        ("[data-x] { display:none }", "<p id=t data-x>x</p>", "hidden"),
        ("p { display:none } p.show { display:block }", "<p id=t class=show>x</p>", "exposed"),
        ("p.show { display:block } p { display:none }", "<p id=t class=show>x</p>", "exposed"),
        ("p { display:none }", "<p id=t style='display:block'>x</p>", "exposed"),
        ("div > p { display:none }", "<div><p id=t>x</p></div>", "uncertain"),
        ("p:hover { display:none }", "<div><p id=t>x</p></div>", "uncertain"),
        ("@media screen { p { display:none } }", "<p id=t>x</p>", "uncertain"),
        ("/* p { display:none } */ .offscreen { position:absolute; left:-9999px }", "<p id=t>x</p>", "exposed"),
        ("p { color: red }", "<p id=t>x</p>", "exposed"),
    ]

    @Test(arguments: sheetCases) func styleSheet(css: String, markup: String, expected: String) {
        let page = PageFixture.page(markup, head: "<style>\(css)</style>")
        #expect(Self.kind(page.hidden(PageFixture.element("t", in: page))) == expected, "\(css) \(markup)")
    }

    @Test func generatedContentIsNoticed() {
        #expect(PageFixture.page("<p>x</p>", head: "<style>p::before { content: 'A' }</style>").hasGeneratedContent)
        #expect(!PageFixture.page("<p>x</p>", head: "<style>p { color: red }</style>").hasGeneratedContent)
    }

    static func kind(_ hiddenness: Hiddenness) -> String {
        switch hiddenness {
        case .exposed: "exposed"
        case .hidden: "hidden"
        case .uncertain: "uncertain"
        }
    }
}

@Suite struct FocusTests {
    /// (markup with `#t`, focusable, in sequential order)
    static let cases: [(String, Bool, Bool)] = [
        ("<a id=t href=/x>x</a>", true, true),
        ("<a id=t>x</a>", false, false),
        ("<map><area id=t href=/x alt=x></map>", true, true),
        ("<button id=t>x</button>", true, true),
        ("<button id=t disabled>x</button>", false, false),
        ("<fieldset disabled><input id=t></fieldset>", false, false),
        ("<fieldset disabled><legend><input id=t></legend></fieldset>", true, true),
        ("<fieldset disabled><legend>a</legend><legend><input id=t></legend></fieldset>", false, false),
        ("<div inert><button id=t>x</button></div>", false, false),
        ("<div style='display:none'><button id=t>x</button></div>", false, false),
        ("<div style='visibility:hidden'><button id=t>x</button></div>", false, false),
        ("<div aria-hidden=true><button id=t>x</button></div>", true, true),
        ("<input id=t>", true, true),
        ("<input id=t type=hidden>", false, false),
        ("<select id=t><option>a</select>", true, true),
        ("<textarea id=t></textarea>", true, true),
        ("<iframe id=t src=x></iframe>", true, true),
        ("<details><summary id=t>s</summary></details>", true, true),
        ("<details><summary>s</summary><summary id=t>s2</summary></details>", false, false),
        ("<video id=t controls></video>", true, true),
        ("<video id=t></video>", false, false),
        ("<div id=t contenteditable>x</div>", true, true),
        ("<div id=t contenteditable=false>x</div>", false, false),
        ("<div id=t tabindex=0>x</div>", true, true),
        ("<div id=t tabindex=-1>x</div>", true, false),
        ("<div id=t tabindex=' 3px'>x</div>", true, true),
        ("<div id=t tabindex=abc>x</div>", false, false),
        ("<a id=t href=/x tabindex=-1>x</a>", true, false),
        ("<span id=t>x</span>", false, false),
    ]

    @Test(arguments: cases) func focus(markup: String, focusable: Bool, sequential: Bool) {
        let page = PageFixture.page(markup)
        let index = PageFixture.element("t", in: page)
        #expect(page.isFocusable(index) == focusable, "\(markup)")
        #expect(page.isInSequentialFocusOrder(index) == sequential, "\(markup)")
    }

    @Test func disabledStates() {
        let page = PageFixture.page("<select><optgroup disabled label=g><option id=t>a</optgroup></select>")
        #expect(page.isDisabled(PageFixture.element("t", in: page)))
    }
}
