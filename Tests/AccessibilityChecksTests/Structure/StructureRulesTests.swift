import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore
import TestSupport
import Testing

/// Pass, fail and inapplicable cases for every structure rule.
@Suite struct StructureRulesTests {
    static let landmarkCases: [BodyCase] = [
        .init("landmark-banner-is-top-level", .passed, "<header>Site</header><main>x</main>"),
        .init("landmark-banner-is-top-level", .failed, "<main><div role=banner>Site</div></main>"),
        .init("landmark-banner-is-top-level", .inapplicable, "<main><article><header>A</header></article></main>"),
        .init("landmark-contentinfo-is-top-level", .passed, "<main>x</main><footer>f</footer>"),
        .init("landmark-contentinfo-is-top-level", .failed, "<main><div role=contentinfo>f</div></main>"),
        .init("landmark-contentinfo-is-top-level", .inapplicable, "<main>x</main>"),
        .init("landmark-main-is-top-level", .passed, "<main>x</main>"),
        .init("landmark-main-is-top-level", .failed, "<nav><main>x</main></nav>"),
        .init("landmark-main-is-top-level", .inapplicable, "<div>x</div>"),
        .init("landmark-complementary-is-top-level", .passed, "<main><aside>x</aside></main>"),
        .init("landmark-complementary-is-top-level", .failed, "<nav><aside aria-label=Ads>x</aside></nav>"),
        .init("landmark-complementary-is-top-level", .failed, "<form aria-label=Search><aside>x</aside></form>"),
        // HTML-AAM: an unnamed aside inside sectioning content other than main is generic, not a landmark.
        .init("landmark-complementary-is-top-level", .inapplicable, "<nav><aside>x</aside></nav>"),
        .init("landmark-complementary-is-top-level", .inapplicable, "<main>x</main>"),
        .init("landmark-no-duplicate-banner", .passed, "<header>a</header>"),
        .init("landmark-no-duplicate-banner", .failed, "<header>a</header><div role=banner>b</div>"),
        .init("landmark-no-duplicate-banner", .passed, "<header>a</header><header hidden>b</header>"),
        .init("landmark-no-duplicate-contentinfo", .passed, "<footer>a</footer>"),
        .init("landmark-no-duplicate-contentinfo", .failed, "<footer>a</footer><footer>b</footer>"),
        .init("landmark-no-duplicate-main", .passed, "<main>a</main>"),
        .init("landmark-no-duplicate-main", .failed, "<main>a</main><div role=main>b</div>"),
        .init("landmark-no-duplicate-main", .passed, "<main>a</main><main aria-hidden=true>b</main>"),
        .init("landmark-one-main", .passed, "<main>a</main>"),
        .init("landmark-one-main", .passed, "<div role=main>a</div>"),
        .init("landmark-one-main", .failed, "<div>a</div>"),
        .init("landmark-one-main", .failed, "<main hidden>a</main>"),
        .init("landmark-unique", .passed, "<nav aria-label=Primary>a</nav><nav aria-label=Footer>b</nav>"),
        .init("landmark-unique", .failed, "<nav>a</nav><nav>b</nav>"),
        .init("landmark-unique", .failed, "<nav aria-label=Menu>a</nav><nav aria-label=menu>b</nav>"),
        .init("landmark-unique", .passed, "<nav>a</nav><nav hidden>b</nav>"),
        .init("landmark-unique", .inapplicable, "<div>a</div>"),
        .init("region", .passed, "<header>h</header><main><p>text</p></main><footer>f</footer>"),
        .init("region", .failed, "<main>x</main><p>stray text</p>"),
        .init("region", .failed, "<main>x</main><div><img src=a.png alt=x></div>"),
        .init("region", .passed, "<a href=#main>Skip</a><main id=main>x</main>"),
        .init("region", .passed, "<main>x</main><div hidden>gone</div><div aria-live=polite>news</div>"),
        .init("region", .passed, "<main>x</main><div role=alert>saved</div><script>var a = 1</script>"),
    ]

    static let listCases: [BodyCase] = [
        .init("list", .passed, "<ul><li>a</li><li>b</li><script></script><template><p>t</p></template></ul>"),
        .init("list", .failed, "<ul><li>a</li><p>b</p></ul>"),
        .init("list", .failed, "<ol>text<li>a</li></ol>"),
        .init("list", .failed, "<ul><li role=none>a</li></ul>"),
        .init("list", .passed, "<ul><li>a</li><div hidden>x</div></ul>"),
        .init("list", .inapplicable, "<ul role=presentation><p>x</p></ul>"),
        .init("list", .inapplicable, "<ul hidden><p>x</p></ul>"),
        .init("listitem", .passed, "<ul><li>a</li></ul>"),
        .init("listitem", .passed, "<div role=list><li>a</li></div>"),
        .init("listitem", .passed, "<menu><li>a</li></menu>"),
        .init("listitem", .failed, "<div><li>a</li></div>"),
        .init("listitem", .failed, "<ul role=navigation><li>a</li></ul>"),
        .init("listitem", .inapplicable, "<div><li role=button>a</li></div>"),
        .init("listitem", .inapplicable, "<div><li hidden>a</li></div>"),
        // libxml2 keeps <template> content as ordinary children: it must stay out of scope.
        .init("listitem", .inapplicable, "<template><li>a</li></template>"),
        .init("dlitem", .inapplicable, "<template><dd>a</dd></template>"),
        .init("definition-list", .passed, "<dl><dt>t</dt><dd>d</dd><div><dt>t</dt><dd>d</dd></div></dl>"),
        .init("definition-list", .failed, "<dl><dt>t</dt><p>d</p></dl>"),
        .init("definition-list", .failed, "<dl>loose<dt>t</dt></dl>"),
        .init("definition-list", .passed, "<dl><dt>t</dt><dd>d</dd><script></script></dl>"),
        .init("definition-list", .inapplicable, "<dl role=list><li>x</li></dl>"),
        .init("dlitem", .passed, "<dl><dt>t</dt><dd>d</dd></dl>"),
        .init("dlitem", .passed, "<dl><div><dt>t</dt><dd>d</dd></div></dl>"),
        .init("dlitem", .failed, "<div><dt>t</dt></div>"),
        .init("dlitem", .failed, "<dl role=menu><dt>t</dt></dl>"),
        .init("dlitem", .inapplicable, "<div><dt role=term>t</dt></div>"),
    ]

    static let tableCases: [BodyCase] = [
        .init(
            "td-headers-attr",
            .passed,
            "<table><tr><th id=h1>A</th><th id=h2>B</th></tr><tr><td headers=h1>1</td><td headers='h1 h2'>2</td>"
                + "</tr></table>"
        ),
        .init(
            "td-headers-attr",
            .failed,
            "<table><tr><th id=h1>A</th></tr><tr><td headers=nope>1</td></tr></table>"
        ),
        .init("td-headers-attr", .failed, "<table><tr><td id=me headers=me>1</td></tr></table>"),
        .init(
            "td-headers-attr",
            .failed,
            "<table><tr><th id=h1>A</th></tr></table><table><tr><td headers=h1>1</td></tr></table>"
        ),
        .init(
            "td-headers-attr",
            .failed,
            "<table><tr><td><span id=s>A</span></td></tr><tr><td headers=s>1</td></tr></table>"
        ),
        .init("td-headers-attr", .inapplicable, "<table><tr><th>A</th></tr><tr><td>1</td></tr></table>"),
        .init(
            "td-headers-attr",
            .inapplicable,
            "<table role=presentation><tr><td id=a>A</td></tr><tr><td headers=zz>1</td></tr></table>"
        ),
        .init(
            "td-headers-attr",
            .inapplicable,
            "<table style='display:none'><tr><td headers=zz>1</td></tr></table>"
        ),
        .init("th-has-data-cells", .passed, "<table><tr><th>Time</th></tr><tr><td>05:41</td></tr></table>"),
        .init(
            "th-has-data-cells",
            .passed,
            "<table><tr><th>Day</th><th>AM</th></tr><tr><th>Mon</th><td>8</td></tr></table>"
        ),
        .init(
            "th-has-data-cells",
            .passed,
            "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td colspan=2>x</td></tr></tbody></table>"
        ),
        .init(
            "th-has-data-cells",
            .failed,
            "<table><thead><tr><th>Rate</th><th>Value</th></tr></thead><tbody><tr><td>15%</td></tr></tbody></table>"
        ),
        .init(
            "th-has-data-cells",
            .failed,
            "<table><tr><th id=c1>A</th><th id=c2>B</th></tr><tr><td>x</td><td headers=c1>y</td></tr></table>"
        ),
        .init(
            "th-has-data-cells",
            .failed,
            "<div role=grid><div role=row><div role=columnheader>A</div><div role=columnheader>B</div></div>"
                + "<div role=row><div role=gridcell>1</div></div></div>"
        ),
        .init(
            "th-has-data-cells",
            .passed,
            "<table><tr><th>A</th><th>B</th></tr><tr><td>x</td></tr><tr><td headers=b>1</td></tr></table>"
                .replacingOccurrences(of: "<th>B", with: "<th id=b>B")
        ),
        .init("th-has-data-cells", .inapplicable, "<table><tr><td>x</td></tr></table>"),
        .init("th-has-data-cells", .inapplicable, "<template><table><tr><th>A</th></tr></table></template>"),
        .init(
            "th-has-data-cells",
            .passed,
            "<table><tr><th rowspan=2 scope=col>A</th><th>B</th></tr><tr><td>x</td></tr><tr><td>y</td><td>z</td></tr></table>"
        ),
        .init("th-has-data-cells", .inapplicable, "<table role=presentation><tr><th>A</th></tr></table>"),
        .init("th-has-data-cells", .inapplicable, "<table><tr><th role=cell>A</th></tr><tr><td>x</td></tr></table>"),
        .init(
            "th-has-data-cells",
            .inapplicable,
            "<table><tr><th aria-hidden=true>A</th></tr><tr><td>x</td></tr></table>"
        ),
        .init(
            "td-has-header",
            .passed,
            "<table><tr><th>A</th><th>B</th><th>C</th></tr><tr><td>1</td><td>2</td><td>3</td></tr>"
                + "<tr><td>4</td><td>5</td><td>6</td></tr></table>"
        ),
        .init(
            "td-has-header",
            .failed,
            "<table><caption>c</caption><tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td><td>5</td><td>6</td>"
                + "</tr><tr><td>7</td><td>8</td><td>9</td></tr></table>"
        ),
        .init(
            "td-has-header",
            .inapplicable,
            "<table><tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td><td>5</td><td>6</td></tr>"
                + "<tr><td>7</td><td>8</td><td>9</td></tr></table>"
        ),
        .init("td-has-header", .inapplicable, "<table><tr><th>A</th></tr><tr><td>1</td></tr></table>"),
        .init("table-duplicate-name", .passed, "<table summary='Sales per region'><caption>Sales</caption></table>"),
        .init("table-duplicate-name", .failed, "<table summary='Sales'><caption> sales </caption></table>"),
        .init("table-duplicate-name", .inapplicable, "<table><caption>Sales</caption></table>"),
        .init("empty-table-header", .passed, "<table><tr><th>A</th></tr></table>"),
        .init("empty-table-header", .failed, "<table><tr><th> </th></tr></table>"),
        .init("empty-table-header", .failed, "<table><tr><th><span hidden>A</span></th></tr></table>"),
        .init("empty-table-header", .failed, "<div role=columnheader></div>"),
        .init("empty-table-header", .inapplicable, "<table><tr><td></td></tr></table>"),
        .init("scope-attr-valid", .passed, "<table><tr><th scope=col>A</th><th scope=ROWGROUP>B</th></tr></table>"),
        .init("scope-attr-valid", .failed, "<table><tr><th scope=column>A</th></tr></table>"),
        .init("scope-attr-valid", .failed, "<table><tr><td scope=row>A</td></tr></table>"),
        .init("scope-attr-valid", .inapplicable, "<table><tr><th>A</th></tr></table>"),
    ]

    @Test(arguments: landmarkCases + listCases + tableCases)
    func pageOutcome(_ testCase: BodyCase) {
        #expect(StructureFixtures.outcome(testCase.rule, testCase.body) == testCase.expected)
    }

    @Test func failuresCarryPathSnippetAndReason() throws {
        let failure = try #require(
            StructureFixtures.observations("a11y.listitem", "<div><li>a</li></div>").first { $0.outcome == .failed }
        )
        #expect(failure.elementPath?.hasSuffix("li") == true)
        #expect(failure.key == failure.elementPath)
        #expect(failure.evidence.snippet?.contains("<li>a</li>") == true)
        #expect(failure.evidence.summary.contains("<div>"))
    }

    @Test func everyRuleHasACatalogEntry() throws {
        let catalog = try RuleCatalog.load(directory: TestPaths.rules)
        for rule in StructureRules.all.flatMap(\.rules) {
            #expect(catalog.sorted.contains { $0.id == rule }, "\(rule)")
        }
    }
}
