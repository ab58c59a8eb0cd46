import A11yModel
import Testing

@Suite struct AccessibleNameTests {
    /// (markup with `#t`, expected name, expected source)
    static let cases: [(String, String, AccessibleName.Source)] = [
        // 2B aria-labelledby
        (
            "<button id=t aria-labelledby='a b'>x</button><span id=a>Hello</span><span id=b>world</span>",
            "Hello world", .ariaLabelledby
        ),
        ("<button id=t aria-labelledby=a>x</button><span id=a hidden>Secret</span>", "Secret", .ariaLabelledby),
        (
            "<button id=t aria-labelledby=a>x</button><div id=a hidden>One <span hidden>two</span></div>",
            "One two", .ariaLabelledby
        ),
        (
            "<button id=t aria-labelledby=a>x</button><div id=a>One <span hidden>two</span></div>", "One",
            .ariaLabelledby
        ),
        ("<button id=t aria-labelledby=missing>Text</button>", "Text", .contents),
        ("<button id=t aria-labelledby=a aria-label=L>x</button><span id=a> </span>", "L", .ariaLabel),
        (
            "<div id=t role=button aria-labelledby=a>x</div><span id=a aria-labelledby=t>Chain</span>", "Chain",
            .ariaLabelledby
        ),
        ("<button id=t aria-labelledby='t b'>Self</button><span id=b>and b</span>", "Self and b", .ariaLabelledby),
        (
            "<button id=t aria-labelledby=a>x</button><span id=a aria-label=Labelled>ignored</span>", "Labelled",
            .ariaLabelledby
        ),
        // 2C aria-label
        ("<button id=t aria-label='  Close  '>X</button>", "Close", .ariaLabel),
        ("<button id=t aria-label='   '>Text</button>", "Text", .contents),
        // 2D native
        ("<label for=t>Email</label><input id=t>", "Email", .nativeLabel),
        ("<label>Email <input id=t></label>", "Email", .nativeLabel),
        ("<label for=t>One</label><label for=t>Two</label><input id=t>", "One Two", .nativeLabel),
        ("<label>Qty <input id=t type=number value=3></label>", "Qty", .nativeLabel),
        (
            "<label for=t>Pick <select><option>A<option selected>B</select></label><input id=t>", "Pick B",
            .nativeLabel
        ),
        (
            "<label for=t>Flash <input type=text value=5> times</label><input id=t type=checkbox>", "Flash 5 times",
            .nativeLabel
        ),
        ("<label for=t>Vol <input type=range aria-valuetext=loud></label><input id=t>", "Vol loud", .nativeLabel),
        ("<label for=t>A<span hidden>B</span></label><input id=t>", "A", .nativeLabel),
        ("<img id=t src=a alt='A cat'>", "A cat", .alt),
        ("<img id=t src=a alt='' title=T>", "T", .title),
        ("<input id=t type=image src=a alt=Go>", "Go", .alt),
        ("<input id=t type=submit>", "Submit", .value),
        ("<input id=t type=reset>", "Reset", .value),
        ("<input id=t type=submit value=Send>", "Send", .value),
        ("<input id=t type=button>", "", .none),
        ("<table id=t><caption>Prices</caption><tr><td>1</td></tr></table>", "Prices", .caption),
        ("<fieldset id=t><legend>Address</legend><input></fieldset>", "Address", .legend),
        ("<figure id=t><img src=a alt=''><figcaption>Chart</figcaption></figure>", "Chart", .figcaption),
        ("<svg id=t role=img><title>Logo</title></svg>", "Logo", .title),
        ("<select id=t><optgroup label=g><option>a</optgroup></select>", "", .none),
        // 2F name from content
        ("<a id=t href=/x>Read <b>more</b></a>", "Read more", .contents),
        ("<a id=t href=/x><img src=a alt=Home></a>", "Home", .contents),
        ("<a id=t href=/x><span aria-label=Label>text</span></a>", "Label", .contents),
        ("<a id=t href=/x>A<div>B</div>C</a>", "A B C", .contents),
        ("<a id=t href=/x>A<br>B</a>", "A B", .contents),
        ("<h2 id=t>Hi <span aria-hidden=true>icon</span>there</h2>", "Hi there", .contents),
        ("<button id=t><span role=img aria-label=Save></span></button>", "Save", .contents),
        ("<h1 id=t><img src=a alt='ACT rules' role=presentation></h1>", "", .none),
        ("<h1 id=t><img src=a alt='ACT rules' role=presentation aria-label=Logo></h1>", "Logo", .contents),
        ("<div id=t>Text</div>", "", .none),
        ("<nav id=t>Links</nav>", "", .none),
        ("<details><summary id=t>More</summary></details>", "More", .contents),
        ("<ul role=listbox><li role=option id=t>One <b>two</b></li></ul>", "One two", .contents),
        // 2I title, placeholder last
        ("<input id=t title=Search placeholder=Type>", "Search", .title),
        ("<input id=t placeholder=Type>", "Type", .placeholder),
        ("<textarea id=t aria-placeholder=Msg></textarea>", "Msg", .placeholder),
        ("<iframe id=t title=Map src=x></iframe>", "Map", .title),
        ("<a id=t href=/x title=Tip></a>", "Tip", .title),
    ]

    @Test(arguments: cases) func name(markup: String, text: String, source: AccessibleName.Source) {
        let page = PageFixture.page(markup)
        let name = page.accessibleName(PageFixture.element("t", in: page))
        #expect(name.text == text, "\(markup)")
        #expect(name.source == source, "\(markup)")
    }

    @Test func generatedContentMakesContentNamesUncertain() {
        let page = PageFixture.page(
            "<a id=t href=/x>Go <i class=icon></i></a><a id=u href=/y>Plain</a><button id=v class=icon></button>",
            head: "<style>.icon::before { content: '→' }</style>"
        )
        #expect(page.accessibleName(PageFixture.element("t", in: page)).uncertain)
        #expect(!page.accessibleName(PageFixture.element("u", in: page)).uncertain)
        let empty = page.accessibleName(PageFixture.element("v", in: page))
        #expect(empty.isEmpty && empty.uncertain)
    }

    @Test func hiddenLabelStillNames() {
        let page = PageFixture.page("<label for=t hidden>Name <span>here</span></label><input id=t>")
        #expect(page.accessibleName(PageFixture.element("t", in: page)).text == "Name here")
    }

    @Test func descriptions() {
        let page = PageFixture.page(
            "<button id=t aria-describedby='d e'>Go</button><p id=d>Sends</p><p id=e hidden>now</p>"
                + "<button id=u title=Tip>Go</button><button id=v aria-description=' Desc '>Go</button>"
        )
        #expect(page.accessibleDescription(PageFixture.element("t", in: page)) == "Sends now")
        #expect(page.accessibleDescription(PageFixture.element("u", in: page)) == "Tip")
        #expect(page.accessibleDescription(PageFixture.element("v", in: page)) == "Desc")
    }

    @Test func labelsAreListed() {
        let page = PageFixture.page("<label id=a for=t>A</label><label id=b>B <input id=t></label>")
        let labels = page.labels(of: PageFixture.element("t", in: page))
        #expect(labels == [PageFixture.element("a", in: page), PageFixture.element("b", in: page)])
    }

    @Test func cyclesTerminate() {
        let page = PageFixture.page(
            "<div id=a role=button aria-labelledby=b>A</div><div id=b role=button aria-labelledby=c>B</div>"
                + "<div id=c role=button aria-labelledby=a>C</div>"
        )
        #expect(page.accessibleName(PageFixture.element("a", in: page)).text == "B")
        #expect(page.accessibleName(PageFixture.element("c", in: page)).text == "A")
    }
}
