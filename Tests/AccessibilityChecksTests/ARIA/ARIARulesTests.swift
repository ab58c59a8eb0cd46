import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore
import PortcullisHTML
import TestSupport
import Testing

/// Pass, fail and inapplicable cases for every ARIA rule on small inline documents.
@Suite struct ARIARulesTests {
    static let roleCases: [BodyCase] = [
        .init("aria-roles", .passed, "<span role='doc-biblioref link'>x</span>"),
        .init("aria-roles", .passed, "<input role='searchfield searchbox'>"),
        .init("aria-roles", .failed, "<span role=lnik>x</span>"),
        .init("aria-roles", .failed, "<div role=widget>x</div>"),
        .init("aria-roles", .inapplicable, "<div role=' '>x</div>"),
        .init("aria-roles", .inapplicable, "<div role=lnik hidden>x</div>"),
        .init("aria-deprecated-role", .failed, "<ul role=directory><li>a</li></ul>"),
        .init("aria-deprecated-role", .passed, "<ul role=list><li>a</li></ul>"),
        .init("aria-deprecated-role", .inapplicable, "<ul><li>a</li></ul>"),
        .init("aria-allowed-role", .failed, "<ul role=button><li>a</li></ul>"),
        .init("aria-allowed-role", .failed, "<img alt='' role=img src=a.png>"),
        .init("aria-allowed-role", .passed, "<a href=/ role=button>a</a>"),
        .init("aria-allowed-role", .passed, "<ul role=list><li>a</li></ul>"),
        .init("aria-allowed-role", .inapplicable, "<div role=button>a</div>"),
    ]

    static let attributeCases: [BodyCase] = [
        .init("aria-valid-attr", .passed, "<div role=dialog aria-modal=true aria-label=x>a</div>"),
        .init("aria-valid-attr", .failed, "<div role=checkbox aria-not-checked=true>a</div>"),
        .init("aria-valid-attr", .inapplicable, "<canvas></canvas>"),
        .init("aria-valid-attr-value", .passed, "<div role=button aria-pressed=MIXED>a</div>"),
        .init("aria-valid-attr-value", .passed, "<div role=textbox aria-errormessage=missing aria-label=x></div>"),
        .init("aria-valid-attr-value", .failed, "<div role=button aria-expanded=collapsed>a</div>"),
        .init("aria-valid-attr-value", .failed, "<div role=gridcell aria-rowindex=2.5>a</div>"),
        .init("aria-valid-attr-value", .inapplicable, "<div role=alert aria-live>a</div>"),
        .init("aria-allowed-attr", .passed, "<button aria-pressed=false>a</button>"),
        .init("aria-allowed-attr", .passed, "<label>P <input type=password aria-required=true></label>"),
        .init("aria-allowed-attr", .passed, "<div role=switch aria-checked=false aria-required=true>a</div>"),
        .init("aria-allowed-attr", .failed, "<button aria-sort=''>a</button>"),
        .init("aria-allowed-attr", .failed, "<audio controls aria-orientation=horizontal></audio>"),
        .init("aria-allowed-attr", .inapplicable, "<div role=button aria-sort='' style='display:none'></div>"),
        .init("aria-prohibited-attr", .passed, "<div aria-live=polite>a</div>"),
        .init("aria-prohibited-attr", .passed, "<a href=/ aria-label=Home>h</a>"),
        .init("aria-prohibited-attr", .failed, "<div aria-label=Price>a</div>"),
        .init("aria-prohibited-attr", .failed, "<p aria-braillelabel=x>a</p>"),
        .init("aria-prohibited-attr", .failed, "<h1 role=none aria-brailleroledescription=x>a</h1>"),
        .init("aria-prohibited-attr", .inapplicable, "<div aria-label=x hidden></div>"),
        .init("aria-conditional-attr", .failed, "<input type=checkbox aria-checked=true>"),
        .init("aria-conditional-attr", .passed, "<input type=checkbox checked aria-checked=true>"),
        .init("aria-conditional-attr", .failed, "<table><tr aria-level=1><td>a</td></tr></table>"),
        .init("aria-conditional-attr", .passed, "<table role=treegrid><tr aria-level=1><td>a</td></tr></table>"),
        .init("aria-conditional-attr", .inapplicable, "<input type=checkbox>"),
        .init("aria-required-attr", .passed, "<div role=heading aria-level=1>a</div>"),
        .init("aria-required-attr", .passed, "<input type=checkbox role=switch>"),
        .init("aria-required-attr", .passed, "<div role=separator></div>"),
        .init("aria-required-attr", .failed, "<div role=heading>a</div>"),
        .init("aria-required-attr", .failed, "<div role=separator tabindex=0></div>"),
        .init("aria-required-attr", .failed, "<input role=combobox aria-controls=x>"),
        .init("aria-required-attr", .failed, "<div role=checkbox aria-checked=''>a</div>"),
        .init("aria-required-attr", .inapplicable, "<input type=checkbox role=checkbox aria-label=x>"),
        .init("aria-braille-equivalent", .passed, "<button aria-braillelabel=ok>OK</button>"),
        .init("aria-braille-equivalent", .failed, "<img src=a.png aria-braillelabel=x>"),
        .init(
            "aria-braille-equivalent",
            .failed,
            "<div role=region aria-label=r aria-brailleroledescription=x>a</div>"
        ),
        .init("aria-braille-equivalent", .inapplicable, "<button>OK</button>"),
    ]

    static let structureCases: [BodyCase] = [
        .init("aria-required-children", .passed, "<div role=list><span role=listitem>a</span></div>"),
        .init("aria-required-children", .passed, "<ul role=tablist><li role=none><span role=tab>a</span></li></ul>"),
        .init("aria-required-children", .passed, "<div role=list aria-owns=i></div><div id=i role=listitem>a</div>"),
        .init(
            "aria-required-children",
            .passed,
            "<div role=menu><div role=group><span role=menuitem>a</span></div></div>"
        ),
        .init("aria-required-children", .passed, "<table><caption>c</caption><tr><td>a</td></tr></table>"),
        .init("aria-required-children", .passed, "<div role=menu><div role=menuitem>a</div><hr></div>"),
        .init("aria-required-children", .failed, "<div role=list><span>a</span></div>"),
        .init("aria-required-children", .failed, "<ul><div></div></ul>"),
        .init("aria-required-children", .failed, "<div role=list aria-owns=i></div><div id=i role=tab>a</div>"),
        .init(
            "aria-required-children",
            .failed,
            "<div role=menu><div role=group><span role=treeitem>a</span></div></div>"
        ),
        .init("aria-required-children", .inapplicable, "<div role=list hidden><div role=listitem>a</div></div>"),
        .init("aria-required-children", .inapplicable, "<ul role=menu aria-busy=true>Loading</ul>"),
        .init("aria-required-parent", .passed, "<div role=list><div role=listitem>a</div></div>"),
        .init(
            "aria-required-parent",
            .passed,
            "<div role=list><div role=presentation><div role=listitem>a</div></div></div>"
        ),
        .init("aria-required-parent", .passed, "<div role=list aria-owns=i></div><div id=i role=listitem>a</div>"),
        .init("aria-required-parent", .failed, "<div role=listitem>a</div>"),
        .init(
            "aria-required-parent",
            .failed,
            "<div role=list><div aria-live=polite><div role=listitem>a</div></div></div>"
        ),
        .init("aria-required-parent", .inapplicable, "<ul><li role=listitem>a</li></ul>"),
        .init("aria-required-parent", .needsReview, "<div role=list aria-owns='x y'></div><script>x()</script>"),
    ]

    static let focusCases: [BodyCase] = [
        .init("aria-hidden-body", .passed, "<p>a</p>"),
        .init("aria-hidden-focus", .passed, "<p aria-hidden=true>a</p>"),
        .init("aria-hidden-focus", .passed, "<div aria-hidden=true><a href=/ style='display:none'>a</a></div>"),
        .init("aria-hidden-focus", .passed, "<div aria-hidden=true><button tabindex=-1>a</button></div>"),
        .init(
            "aria-hidden-focus",
            .failed,
            "<div aria-hidden=true><div aria-hidden=false><button>a</button></div></div>"
        ),
        .init("aria-hidden-focus", .failed, "<p tabindex=0 aria-hidden=true>a</p>"),
        .init(
            "aria-hidden-focus",
            .needsReview,
            "<div aria-hidden=true><a href=/ id=s>a</a></div><script>s.addEventListener('focus', f)</script>"
        ),
        .init("aria-hidden-focus", .inapplicable, "<div aria-hidden=yes><a href=/>a</a></div>"),
        .init("aria-text", .passed, "<span role=text>Hello <b>world</b></span>"),
        .init("aria-text", .failed, "<span role=text>Hello <a href=/>world</a></span>"),
        .init("aria-text", .inapplicable, "<span>Hello</span>"),
        .init("presentation-role-conflict", .passed, "<img src=a.png alt=''>"),
        .init("presentation-role-conflict", .passed, "<img src=a.png alt='' aria-hidden=true>"),
        .init("presentation-role-conflict", .failed, "<nav role=presentation aria-label=global>a</nav>"),
        .init("presentation-role-conflict", .failed, "<div role=none tabindex=0>a</div>"),
        .init("presentation-role-conflict", .inapplicable, "<img src=a.png aria-label=logo>"),
        .init("nested-interactive", .passed, "<button>Save</button>"),
        .init("nested-interactive", .passed, "<button><a>not a link</a></button>"),
        .init("nested-interactive", .failed, "<div role=tab><a href=/>t</a></div>"),
        .init("nested-interactive", .failed, "<span role=img aria-label=x>* <a href=/>l</a></span>"),
        .init("nested-interactive", .inapplicable, "<a href=/>W3C</a>"),
        .init("focus-order-semantics", .passed, "<div role=button tabindex=0>a</div>"),
        .init("focus-order-semantics", .passed, "<div role=region aria-label=r tabindex=0>a</div>"),
        .init("focus-order-semantics", .failed, "<div tabindex=0>a</div>"),
        .init("focus-order-semantics", .inapplicable, "<div tabindex=-1>a</div>"),
        .init("frame-focusable-content", .passed, "<iframe title=f srcdoc=\"<a href='/'>h</a>\"></iframe>"),
        .init("frame-focusable-content", .failed, "<iframe title=f tabindex=-1 srcdoc=\"<a href='/'>h</a>\"></iframe>"),
        .init("frame-focusable-content", .needsReview, "<iframe title=f tabindex=-1 src=/frame></iframe>"),
        .init("frame-focusable-content", .inapplicable, "<iframe title=f tabindex=-1 srcdoc='<h1>x</h1>'></iframe>"),
        .init(
            "frame-focusable-content",
            .inapplicable,
            "<iframe title=f tabindex=-1 hidden srcdoc=\"<a href='/'>h</a>\"></iframe>"
        ),
        .init("duplicate-id-aria", .passed, "<span id=l>Name</span><input aria-labelledby=l>"),
        .init("duplicate-id-aria", .failed, "<span id=l>Name</span><span id=l>Other</span><input aria-labelledby=l>"),
        .init("duplicate-id-aria", .failed, "<label for=f>Name</label><input id=f><input id=f>"),
        .init("duplicate-id-aria", .inapplicable, "<span id=l>a</span><span id=l>b</span>"),
    ]

    @Test(arguments: roleCases + attributeCases + structureCases + focusCases)
    func pageOutcome(_ testCase: BodyCase) {
        #expect(ARIAFixtures.outcome(testCase.rule, testCase.body) == testCase.expected)
    }

    @Test func hiddenBodyFails() {
        let page = A11yPage(
            document: HTMLDocument(html: "<html lang=en><head><title>t</title></head><body aria-hidden=true>a</body>")
        )
        #expect(ARIAFixtures.observations("a11y.aria-hidden-body", page).map(\.outcome) == [.failed])
    }

    @Test func failuresCarryPathSnippetRoleAndReason() throws {
        let page = ARIAFixtures.page("<div role=heading>Title</div>")
        let failure = try #require(ARIAFixtures.observations("a11y.aria-required-attr", page).first)
        #expect(failure.outcome == .failed)
        #expect(failure.elementPath?.hasSuffix("div") == true)
        #expect(failure.key == failure.elementPath)
        #expect(failure.evidence.snippet?.contains("role=\"heading\"") == true)
        #expect(failure.evidence.summary.contains("aria-level"))
        #expect(failure.evidence.summary.contains("role heading"))
    }

    @Test func everyRuleHasACatalogEntry() throws {
        let catalog = try RuleCatalog.load(directory: TestPaths.rules)
        for rule in ARIARules.all.flatMap(\.rules) {
            #expect(catalog.sorted.contains { $0.id == rule }, "\(rule)")
        }
    }
}
