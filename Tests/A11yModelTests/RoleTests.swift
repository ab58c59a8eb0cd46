import A11yModel
import Testing

@Suite struct ImplicitRoleTests {
    /// (markup with one element `#t`, expected implicit role)
    static let cases: [(String, String?)] = [
        ("<a id=t href=/x>x</a>", "link"),
        ("<a id=t>x</a>", "generic"),
        ("<map><area id=t href=/x alt=x></map>", "link"),
        ("<map><area id=t alt=x></map>", nil),
        ("<header id=t>x</header>", "banner"),
        ("<article><header id=t>x</header></article>", "generic"),
        ("<footer id=t>x</footer>", "contentinfo"),
        ("<main><div><footer id=t>x</footer></div></main>", "generic"),
        ("<div role=navigation><footer id=t>x</footer></div>", "generic"),
        ("<section id=t>x</section>", "generic"),
        ("<section id=t aria-label=Intro>x</section>", "region"),
        ("<section id=t aria-labelledby=h><h2 id=h>Intro</h2></section>", "region"),
        ("<section id=t aria-labelledby=missing>x</section>", "generic"),
        ("<form id=t>x</form>", nil),
        ("<form id=t title=Search>x</form>", "form"),
        ("<img id=t src=a.png alt=''>", "presentation"),
        ("<img id=t src=a.png alt=Logo>", "img"),
        ("<img id=t src=a.png>", "img"),
        ("<input id=t type=submit>", "button"),
        ("<input id=t type=image alt=Go>", "button"),
        ("<input id=t type=checkbox>", "checkbox"),
        ("<input id=t type=radio>", "radio"),
        ("<input id=t type=range>", "slider"),
        ("<input id=t type=number>", "spinbutton"),
        ("<input id=t type=search>", "searchbox"),
        ("<input id=t type=search list=l>", "combobox"),
        ("<input id=t>", "textbox"),
        ("<input id=t type=email>", "textbox"),
        ("<input id=t type=url list=l>", "combobox"),
        ("<input id=t type=password>", nil),
        ("<input id=t type=hidden>", nil),
        ("<select id=t><option>a</select>", "combobox"),
        ("<select id=t multiple><option>a</select>", "listbox"),
        ("<select id=t size=4><option>a</select>", "listbox"),
        ("<select><option id=t>a</select>", "option"),
        ("<ul><li id=t>a</li></ul>", "listitem"),
        ("<div><li id=t>a</li></div>", "generic"),
        ("<table><tr><td id=t>a</td></tr></table>", "cell"),
        ("<table role=grid><tr><td id=t>a</td></tr></table>", "gridcell"),
        ("<table><tr><th id=t>a</th><th>b</th></tr></table>", "columnheader"),
        ("<table><tr><th id=t>a</th><td>b</td></tr></table>", "rowheader"),
        ("<table><tr><th id=t scope=col>a</th><td>b</td></tr></table>", "columnheader"),
        ("<table><thead><tr><th id=t>a</th><td>b</td></tr></thead></table>", "columnheader"),
        ("<table><tr id=t><td>a</td></tr></table>", "row"),
        ("<table id=t><tr><td>a</td></tr></table>", "table"),
        ("<table><tbody id=t><tr><td>a</td></tr></tbody></table>", "rowgroup"),
        ("<ul id=t><li>a</li></ul>", "list"),
        ("<menu id=t><li>a</li></menu>", "list"),
        ("<dl id=t><dt>a</dt><dd>b</dd></dl>", nil),
        ("<dl><dt id=t>a</dt><dd>b</dd></dl>", "term"),
        ("<dl><dt>a</dt><dd id=t>b</dd></dl>", "definition"),
        ("<h3 id=t>a</h3>", "heading"),
        ("<nav id=t>a</nav>", "navigation"),
        ("<main id=t>a</main>", "main"),
        ("<aside id=t>a</aside>", "complementary"),
        ("<main><div><aside id=t>a</aside></div></main>", "complementary"),
        ("<section><aside id=t>a</aside></section>", "generic"),
        ("<article><div><aside id=t>a</aside></div></article>", "generic"),
        ("<article><aside id=t aria-label=Related>a</aside></article>", "complementary"),
        ("<section><main><aside id=t>a</aside></main></section>", "complementary"),
        ("<div role=navigation><aside id=t>a</aside></div>", "generic"),
        ("<article id=t>a</article>", "article"),
        ("<button id=t>a</button>", "button"),
        ("<dialog id=t open>a</dialog>", "dialog"),
        ("<details id=t><summary>a</summary></details>", "group"),
        ("<details><summary id=t>a</summary></details>", nil),
        ("<fieldset id=t><legend>a</legend></fieldset>", "group"),
        ("<figure id=t>a</figure>", "figure"),
        ("<hr id=t>", "separator"),
        ("<progress id=t></progress>", "progressbar"),
        ("<meter id=t></meter>", "meter"),
        ("<output id=t></output>", "status"),
        ("<textarea id=t></textarea>", "textbox"),
        ("<datalist id=t></datalist>", "listbox"),
        ("<select><optgroup id=t label=g><option>a</optgroup></select>", "group"),
        ("<svg id=t></svg>", "graphics-document"),
        ("<iframe id=t src=x></iframe>", nil),
        ("<p id=t>a</p>", "paragraph"),
        ("<blockquote id=t>a</blockquote>", "blockquote"),
        ("<code id=t>a</code>", "code"),
        ("<em id=t>a</em>", "emphasis"),
        ("<strong id=t>a</strong>", "strong"),
        ("<del id=t>a</del>", "deletion"),
        ("<ins id=t>a</ins>", "insertion"),
        ("<sub id=t>a</sub>", "subscript"),
        ("<sup id=t>a</sup>", "superscript"),
        ("<time id=t>a</time>", "time"),
        ("<search id=t>a</search>", "search"),
        ("<address id=t>a</address>", "group"),
        ("<hgroup id=t><h1>a</h1></hgroup>", "group"),
        ("<span id=t>a</span>", "generic"),
        ("<div id=t>a</div>", "generic"),
        ("<b id=t>a</b>", "generic"),
        ("<label id=t>a</label>", nil),
    ]

    @Test(arguments: cases) func implicitRole(markup: String, expected: String?) {
        let page = PageFixture.page(markup)
        #expect(page.implicitRole(of: PageFixture.element("t", in: page)) == expected, "\(markup)")
    }
}

@Suite struct RoleResolutionTests {
    /// (markup with one element `#t`, expected role)
    static let cases: [(String, String?)] = [
        ("<div id=t role=button>x</div>", "button"),
        ("<div id=t role='foo button'>x</div>", "button"),
        ("<div id=t role='BUTTON'>x</div>", "button"),
        ("<div id=t role='widget'>x</div>", "generic"),  // abstract roles are not usable
        ("<div id=t role='unknown'>x</div>", "generic"),
        ("<h1 id=t role=none>x</h1>", "none"),
        ("<h1 id=t role=presentation>x</h1>", "presentation"),
        ("<h1 id=t role=none tabindex=0>x</h1>", "heading"),  // focusable: conflict resolution
        ("<h1 id=t role=none aria-label=x>x</h1>", "heading"),  // global attribute
        ("<h1 id=t role=none aria-hidden=false>x</h1>", "none"),  // aria-hidden does not count
        ("<h1 id=t role=none aria-checked=true>x</h1>", "none"),  // not global
        ("<button id=t role=none>x</button>", "button"),
        ("<button id=t role=none disabled>x</button>", "none"),
        ("<img id=t src=a alt='' aria-label=Logo>", "img"),
        ("<img id=t src=a alt='' tabindex=0>", "img"),
        ("<img id=t src=a alt=''>", "presentation"),
        ("<table role=presentation><tr><td id=t>a</td></tr></table>", "none"),
        ("<table role=none><tr id=t><td>a</td></tr></table>", "none"),
        ("<table role=none><tr><td id=t tabindex=0>a</td></tr></table>", "cell"),
        ("<ul role=presentation><li id=t>a</li></ul>", "none"),
        ("<ul role=presentation><li id=t role=listitem>a</li></ul>", "listitem"),
        ("<table role=none><tr><td><table><tr><td id=t>a</td></tr></table></td></tr></table>", "cell"),
    ]

    @Test(arguments: cases) func role(markup: String, expected: String?) {
        let page = PageFixture.page(markup)
        #expect(page.role(of: PageFixture.element("t", in: page)) == expected, "\(markup)")
    }

    @Test func explicitTokensKeepOrderAndCase() {
        let page = PageFixture.page("<div id=t role=' Foo  BUTTON '>x</div>")
        #expect(page.explicitRoleTokens(of: PageFixture.element("t", in: page)) == ["foo", "button"])
    }
}
