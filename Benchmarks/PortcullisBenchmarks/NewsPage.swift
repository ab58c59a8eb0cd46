import Foundation

/// A page shaped like a large news or shop home page of today: about 55 bytes of HTML per element (measured
/// pages of that kind: The Guardian 3,592 elements, Reddit 2,705, Booking.com 2,157, BBC 1,170 — velt.info, 2021),
/// long class lists and data attributes, teaser cards with responsive images and links, long paragraphs, a
/// navigation, a footer, and about a third of the bytes in inline JSON state and scripts.
enum NewsPage {
    static func make(targetBytes: Int) -> Data {
        var html = """
            <!DOCTYPE html><html lang="en-GB" class="js no-touch"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>News, sport and opinion</title>
            <link rel="stylesheet" href="/assets/main.4f9c2e.css"><script src="/assets/app.91ab3.js" defer></script>
            </head><body class="page page--front">
            <a class="skip-link" href="#maincontent">Skip to main content</a>
            <header class="site-header"><nav aria-label="Sections"><ul class="nav-list">
            """
        for section in ["News", "Opinion", "Sport", "Culture", "Lifestyle", "Business", "Travel", "Science"] {
            html += "<li class=\"nav-list__item\"><a class=\"nav-list__link js-nav\" href=\"/\(section.lowercased())\""
            html += " data-link-name=\"nav : primary : \(section)\">\(section)</a></li>"
        }
        html += "</ul></nav></header><main id=\"maincontent\">"
        let codeShare = targetBytes / 3
        var card = 0
        while html.utf8.count < targetBytes - codeShare - 2_000 {
            html += teaser(card)
            card += 1
        }
        html += "</main><footer class=\"site-footer\"><p>© 2026 Example News Media. All rights reserved.</p>"
        html += "<ul class=\"footer-links\"><li><a href=\"/help\">Help</a></li><li><a href=\"/privacy\">Privacy</a>"
        html += "</li><li><a href=\"/terms\">Terms</a></li></ul></footer>"
        var state = "{\"articles\":["
        while state.utf8.count < codeShare / 2 {
            state += "{\"id\":\"world/2026/nov/\(state.utf8.count)\",\"headline\":\"A headline about the day\","
            state += "\"pillar\":\"news\",\"tracking\":{\"component\":\"front | container\",\"position\":3}},"
        }
        html += "<script type=\"application/json\" id=\"state\">" + state + "{}]}</script><script>"
        while html.utf8.count < targetBytes - 30 {
            html += "window.guardian&&window.guardian.ophan&&window.guardian.ophan.record({component:'front'});\n"
        }
        html += "</script></body></html>"
        return Data(html.utf8)
    }

    private static let paragraph =
        "The council's decision follows months of consultation with residents, businesses and the port authority, "
        + "who argued that the expansion would bring jobs but also more traffic to the narrow streets of the old "
        + "town. Campaigners said they would study the plans closely before deciding whether to appeal."

    private static func teaser(_ index: Int) -> String {
        var html = "<section class=\"fc-container fc-container--tagged\" aria-labelledby=\"c\(index)\">"
        html += "<h2 class=\"fc-container__header\" id=\"c\(index)\">Top stories \(index)</h2>"
        html += "<div class=\"fc-slice fc-slice--q-q-q\"><div class=\"fc-item fc-item--standard-mobile js-fc-item\""
        html += " data-id=\"world/2026/nov/\(index)\" data-test-id=\"facia-card\">"
        html += "<a class=\"fc-item__link js-headline-text\" href=\"/world/2026/nov/\(index)/story-\(index)\""
        html += " data-link-name=\"article\"><span class=\"fc-item__kicker\">Live</span>"
        html +=
            "<span class=\"fc-item__headline\">Harbour expansion approved after marathon session \(index)</span></a>"
        html += "<picture class=\"responsive-img\"><source media=\"(min-width: 980px)\" "
        html += "srcset=\"/img/\(index)-620.jpg 620w, /img/\(index)-1240.jpg 1240w\">"
        html += "<img class=\"responsive-img__img\" src=\"/img/\(index)-300.jpg\" alt=\"The eastern quay at dusk\""
        html += " loading=\"lazy\" width=\"300\" height=\"180\"></picture>"
        html += "<div class=\"fc-item__standfirst\"><p>\(paragraph)</p></div>"
        html += "<aside class=\"fc-item__meta\"><time datetime=\"2026-11-25T08:00:00Z\">8.00 GMT</time>"
        html += "<a class=\"fc-trail__count\" href=\"/world/2026/nov/\(index)#comments\">"
        html += "<span class=\"u-h\">Comments: </span>\(index * 7)</a></aside></div></div></section>\n"
        return html
    }
}
