import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore
import TestSupport
import Testing

/// Each accessible-name rule on small documents: passed, failed, inapplicable (no observation), needs review.
@Suite struct NameRulesTests {
    typealias F = NameRuleFixtures
    typealias Case = (rule: String, body: String, expected: [Observation.Outcome])

    static let images: [Case] = [
        ("a11y.image-alt", "<img src=a.png>", [.failed]),
        ("a11y.image-alt", "<img src=a.png alt=\"Logo\">", [.passed]),
        ("a11y.image-alt", "<img src=a.png alt=\"\">", [.passed]),
        ("a11y.image-alt", "<img src=a.png alt=\" \">", [.failed]),
        ("a11y.image-alt", "<img src=a.png aria-hidden=true>", []),
        ("a11y.image-alt", "<div hidden><img src=a.png></div>", []),
        ("a11y.image-alt", "<span id=l>Company logo</span><img src=a.png aria-labelledby=l>", [.passed]),
        ("a11y.role-img-alt", "<div role=img></div>", [.failed]),
        ("a11y.role-img-alt", "<div role=img aria-label=\"Chart\"></div>", [.passed]),
        ("a11y.role-img-alt", "<div role=img aria-label=\"Chart\" hidden></div>", []),
        ("a11y.svg-img-alt", "<svg role=img><title>Sales</title></svg>", [.passed]),
        ("a11y.svg-img-alt", "<svg role=img><circle r=1></circle></svg>", [.failed]),
        ("a11y.svg-img-alt", "<svg><circle r=1></circle></svg>", []),
        ("a11y.svg-img-alt", "<svg><circle role=graphics-symbol r=1></circle></svg>", [.failed]),
        ("a11y.role-img-alt", "<svg><circle role=img r=1></circle></svg>", []),
        ("a11y.input-image-alt", "<input type=image src=go.png alt=\"Search\">", [.passed]),
        ("a11y.input-image-alt", "<input type=image src=go.png>", [.failed]),
        ("a11y.input-image-alt", "<input type=text aria-label=x>", []),
        ("a11y.object-alt", "<object data=\"a.mp4\" title=\"Intro film\"></object>", [.passed]),
        ("a11y.object-alt", "<object data=\"a.png\"><img src=a.png alt=\"logo\"></object>", [.failed]),
        ("a11y.object-alt", "<object data=\"page.html\"></object>", []),
        ("a11y.object-alt", "<object data=\"/stream\"></object>", [.needsReview]),
        ("a11y.object-alt", "<object type=\"image/png\" role=presentation data=a.png></object>", []),
        ("a11y.area-alt", "<img usemap=#m src=m.png alt=map><map name=m><area href=/a alt=\"Area\"></map>", [.passed]),
        ("a11y.area-alt", "<img usemap=#m src=m.png alt=map><map name=m><area href=/a></map>", [.failed]),
        ("a11y.area-alt", "<map name=m><area alt=\"x\"></map>", []),
        ("a11y.image-redundant-alt", "<a href=/><img src=h.png alt=\"Home\"> Home</a>", [.failed]),
        ("a11y.image-redundant-alt", "<a href=/><img src=h.png alt=\"House icon\"> Home</a>", [.passed]),
        ("a11y.image-redundant-alt", "<p><img src=h.png alt=\"Home\"> Home</p>", []),
    ]

    static let controls: [Case] = [
        ("a11y.button-name", "<button>Save</button>", [.passed]),
        ("a11y.button-name", "<button></button>", [.failed]),
        ("a11y.button-name", "<button aria-label=\"Close\"><svg></svg></button>", [.passed]),
        ("a11y.button-name", "<button hidden></button>", []),
        ("a11y.input-button-name", "<input type=button>", [.failed]),
        ("a11y.input-button-name", "<input type=button value=\"Go\">", [.passed]),
        ("a11y.input-button-name", "<input type=text>", []),
        ("a11y.aria-command-name", "<div role=button tabindex=0></div>", [.failed]),
        ("a11y.aria-command-name", "<span role=link tabindex=0>Next</span>", [.passed]),
        ("a11y.aria-command-name", "<div role=menu><div role=menuitem></div></div>", [.failed]),
        ("a11y.aria-command-name", "<button></button>", []),
        ("a11y.aria-command-name", "<div role=menu><button role=menuitem></button></div>", [.failed]),
        ("a11y.link-name", "<a href=/a>About</a>", [.passed]),
        ("a11y.link-name", "<a href=/a></a>", [.failed]),
        ("a11y.link-name", "<a href=/a><img src=x.png alt=\"Home\"></a>", [.passed]),
        ("a11y.link-name", "<a href=/a><img src=x.png alt=\"\"></a>", [.failed]),
        ("a11y.link-name", "<a name=anchor></a>", []),
        ("a11y.link-name", "<a href=/r role=doc-biblioref><img src=x.png alt=\"\"></a>", [.failed]),
        ("a11y.link-name", "<a href=/a aria-hidden=true tabindex=-1></a>", []),
        ("a11y.identical-links-same-purpose", "<a href=/a>More</a><a href=/a>More</a>", [.passed, .passed]),
        ("a11y.identical-links-same-purpose", "<a href=/a>More</a><a href=/b>more</a>", [.needsReview, .needsReview]),
        ("a11y.identical-links-same-purpose", "<a href=/a>One</a><a href=/b>Two</a>", []),
        ("a11y.summary-name", "<details><summary>Shipping</summary>x</details>", [.passed]),
        ("a11y.summary-name", "<details><summary></summary>x</details>", [.failed]),
        ("a11y.summary-name", "<details><summary role=button></summary>x</details>", []),
        ("a11y.summary-name", "<summary></summary>", []),
        ("a11y.summary-name", "<details><summary role=none></summary>x</details>", [.failed]),
        ("a11y.empty-heading", "<h1>Welcome</h1>", [.passed]),
        ("a11y.empty-heading", "<h2></h2>", [.failed]),
        ("a11y.empty-heading", "<div role=heading aria-level=2>Title</div>", [.passed]),
        ("a11y.empty-heading", "<h2 hidden></h2>", []),
        ("a11y.aria-dialog-name", "<div role=dialog aria-label=\"Sign in\">x</div>", [.passed]),
        ("a11y.aria-dialog-name", "<div role=dialog>x</div>", [.failed]),
        ("a11y.aria-meter-name", "<div role=meter aria-valuenow=3></div>", [.failed]),
        ("a11y.aria-progressbar-name", "<div role=progressbar aria-label=\"Upload\"></div>", [.passed]),
        ("a11y.aria-tooltip-name", "<div role=tooltip>Copied</div>", [.passed]),
        (
            "a11y.aria-tab-name", "<div role=tablist><div role=tab>Details</div><div role=tab></div></div>",
            [.passed, .failed]
        ),
        ("a11y.aria-tab-name", "<div role=tablist><button role=tab aria-label=\"Reviews\"></button></div>", [.passed]),
        ("a11y.aria-treeitem-name", "<ul role=tree><li role=treeitem></li></ul>", [.failed]),
    ]

    static let forms: [Case] = [
        ("a11y.label", "<label for=e>Email</label><input id=e>", [.passed]),
        ("a11y.label", "<label>Email <input></label>", [.passed]),
        ("a11y.label", "<input>", [.failed]),
        ("a11y.label", "<textarea></textarea>", [.failed]),
        ("a11y.label", "<input placeholder=\"Search\">", [.passed]),
        ("a11y.label", "<input type=hidden><input type=submit>", []),
        ("a11y.select-name", "<select><option>a</option></select>", [.failed]),
        ("a11y.select-name", "<select aria-label=\"Country\"><option>a</option></select>", [.passed]),
        ("a11y.aria-input-field-name", "<div role=textbox contenteditable></div>", [.failed]),
        ("a11y.aria-input-field-name", "<div role=combobox aria-label=\"City\" aria-expanded=false></div>", [.passed]),
        ("a11y.aria-input-field-name", "<input>", []),
        ("a11y.aria-toggle-field-name", "<div role=checkbox aria-checked=false tabindex=0></div>", [.failed]),
        ("a11y.aria-toggle-field-name", "<div role=switch aria-checked=true tabindex=0>Wi-Fi</div>", [.passed]),
        ("a11y.label-title-only", "<input title=\"Email\">", [.failed]),
        ("a11y.label-title-only", "<label>Email <input title=\"Email\"></label>", [.passed]),
        ("a11y.label-title-only", "<input>", []),
        ("a11y.form-field-multiple-labels", "<label for=e>A</label><label for=e>B</label><input id=e>", [.failed]),
        ("a11y.form-field-multiple-labels", "<label for=e>A</label><input id=e>", [.passed]),
        (
            "a11y.form-field-multiple-labels", "<label for=e>A</label><label for=e hidden>B</label><input id=e>",
            [.passed]
        ),
        ("a11y.form-field-multiple-labels", "<input id=e>", []),
        ("a11y.frame-title", "<iframe src=a.html title=\"Map\"></iframe>", [.passed]),
        ("a11y.frame-title", "<iframe src=a.html></iframe>", [.failed]),
        ("a11y.frame-title", "<iframe src=a.html tabindex=-1></iframe>", []),
        ("a11y.frame-title", "<iframe src=a.html role=none></iframe>", []),
        (
            "a11y.frame-title-unique", "<iframe src=a title=Ad></iframe><iframe src=b title=ad></iframe>",
            [.needsReview, .needsReview]
        ),
        (
            "a11y.frame-title-unique", "<iframe src=a title=Ad></iframe><iframe src=a title=Ad></iframe>",
            [.passed, .passed]
        ),
        ("a11y.frame-title-unique", "<iframe src=a title=A></iframe><iframe src=b title=B></iframe>", []),
    ]

    static let labelInName: [Case] = [
        ("a11y.label-content-name-mismatch", "<button aria-label=\"Send message\">Send</button>", [.passed]),
        ("a11y.label-content-name-mismatch", "<button aria-label=\"Submit\">Send</button>", [.failed]),
        ("a11y.label-content-name-mismatch", "<a href=/ aria-label=\"Next page\">next-page</a>", [.passed]),
        ("a11y.label-content-name-mismatch", "<button aria-label=\"Close\">\u{E5CD}</button>", []),
        (
            "a11y.label-content-name-mismatch",
            "<button aria-label=\"Close\"><i class=\"material-icons\">close_x</i> Shut</button>",
            [.needsReview]
        ),
        ("a11y.label-content-name-mismatch", "<button>Send</button>", []),
        (
            "a11y.label-content-name-mismatch",
            "<a href=/ aria-label=\"Get spec\">Get <span aria-hidden=true>the</span> spec</a>",
            [.failed]
        ),
        (
            "a11y.label-content-name-mismatch",
            "<a href=/ aria-label=\"Get spec\">Get <span hidden>the</span> spec</a>",
            [.passed]
        ),
        (
            "a11y.label-content-name-mismatch", "<button aria-label=\"Search by date\">Search by date (YYYY)</button>",
            [.passed]
        ),
        ("a11y.label-content-name-mismatch", "<a href=/ aria-label=\"Main Street\">Main St.</a>", [.needsReview]),
        ("a11y.label-content-name-mismatch", "<a href=/ aria-label=\"non-standard\">nonstandard</a>", [.passed]),
        ("a11y.label-content-name-mismatch", "<a href=/ aria-label=\"just ice\">justice</a>", [.failed]),
        ("a11y.label-content-name-mismatch", "<button aria-label=\"Close dialog\">X</button>", [.needsReview]),
        ("a11y.label-content-name-mismatch", "<div aria-label=\"Other\">Text</div>", []),
    ]

    @Test(arguments: images + controls + forms + labelInName)
    func outcomes(_ testCase: Case) {
        #expect(F.outcomes(testCase.rule, testCase.body) == testCase.expected, "\(testCase.body)")
    }

    @Test func styleSheetHidingMakesAnEmptyElementNeedReview() {
        let outcomes = F.outcomes(
            "a11y.button-name",
            "<button class=sr></button>",
            head: "<style>.sr { display: none }</style>"
        )
        #expect(outcomes == [.needsReview] || outcomes == [], "hidden by a stylesheet: never failed nor passed")
    }

    @Test func failureEvidenceNamesRoleAndElement() throws {
        let observations = F.observations("<main><a href=/x class=icon></a></main>")
        let failure = try #require(observations.first { $0.ruleID.rawValue == "a11y.link-name" })
        #expect(failure.outcome == .failed)
        #expect(failure.evidence.summary.contains("role link"))
        #expect(failure.evidence.snippet?.contains("class=\"icon\"") == true)
        let path = try #require(failure.elementPath)
        #expect(path.hasSuffix("a"))
        #expect(failure.key == path, "the same element in a shared layout aggregates into one finding")
    }

    @Test func everyRuleHasACatalogEntry() throws {
        let catalog = try RuleCatalog.load(directory: TestPaths.rules)
        for rule in NameRules.all {
            for id in rule.rules { #expect(catalog[id] != nil, "\(id)") }
        }
    }
}
