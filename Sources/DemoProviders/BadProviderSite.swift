import NIOHTTP1

/// The badly run provider ("Harbour Daily"): a small news site with the classic mistakes, on HTTP and HTTPS.
///
/// Pages lack `lang` and `<title>`, images lack `alt`, form fields lack labels; responses carry no security
/// headers but do leak `Server` and `X-Powered-By` versions and set a session cookie without any flags; the
/// login page posts to and links to plain-HTTP URLs. Scans of this site should light up.
///
/// For crawlers it is hostile too: about 20 ordinary pages reachable by links, plus traps (an events calendar
/// whose months link on forever, `/docs/` pages whose relative `docs/` link grows the path without end), links
/// to hosts outside any scope (``outOfScopeLinks``), a redirect to the cloud metadata address
/// (``metadataRedirectTarget``), and robots.txt-disallowed `/admin/` and `/backup/` areas that the footer links.
struct BadProviderSite: DemoResponder {
    /// Article ids that exist (`/articles/1` ... `/articles/12`); others are 404.
    static let articleIDs = 1...12

    /// The site's plain-HTTP origin without a trailing slash, which the login page links and posts to.
    let httpOrigin: String

    /// The header lines every response carries, in this order.
    static let headerLines = [
        "Server: Apache/2.4.29 (Ubuntu)",
        "X-Powered-By: PHP/7.1.3",
        "Set-Cookie: SESSIONID=abc123; Path=/",
    ]

    /// Where `/redirect-out` points: the cloud metadata address, SSRF bait that a scanner must never fetch.
    static let metadataRedirectTarget = "http://169.254.169.254/latest/meta-data/"
    /// Links on `/partners` to hosts outside any scan's scope; nothing may ever contact them.
    static let outOfScopeLinks = ["https://cdn.partner.example/x", "http://10.0.0.5/internal"]

    /// Where the home page loads a widget script from, cross-origin and without Subresource Integrity (never
    /// fetched: scanners record subresources, they do not load them).
    static let thirdPartyScript = "https://cdn.partner.example/widgets/share.js"

    /// Answers `request`; like many misconfigured APIs it echoes any `Origin` back with credentials allowed.
    func respond(to request: DemoRequest) -> DemoResponse {
        var response = route(request)
        if let origin = request.headers.first(name: "Origin") {
            response.headerLines += [
                "Access-Control-Allow-Origin: \(origin)", "Access-Control-Allow-Credentials: true",
            ]
        }
        return response
    }

    private func route(_ request: DemoRequest) -> DemoResponse {
        let segments = request.segments
        if !segments.isEmpty, segments.allSatisfy({ $0 == "docs" }) {
            return page(Self.docsBody(depth: segments.count))
        }
        switch (segments.count, segments.first) {
        case (0, _):
            return page(Self.homeBody)
        case (1, "news"):
            return page(Self.newsBody)
        case (2, "articles"):
            guard let id = Int(segments[1]), Self.articleIDs.contains(id) else { return notFound() }
            return page(Self.articleBody(id: id))
        case (1, "login"):
            return page(loginBody)
        case (1, "about"):
            return page(Self.aboutBody)
        case (1, "contact"):
            return page(Self.contactBody)
        case (1, "partners"):
            return page(Self.partnersBody)
        case (1, "events"):
            let asked = request.queryValue("month").flatMap(CalendarMonth.init(parsing:))
            return page(Self.eventsBody(month: asked ?? CalendarMonth.start))
        case (1, "redirect-out"):
            return DemoResponse(
                status: 302,
                reason: "Found",
                headerLines: ["Location: \(Self.metadataRedirectTarget)", "Content-Type: text/html"]
                    + Self.headerLines,
                text: "<html><body><a href=\"\(Self.metadataRedirectTarget)\">moved</a></body></html>\n"
            )
        case (1, "admin"):
            return page(Self.adminBody)
        case (1, "backup"):
            return page(Self.backupBody)
        case (2, "backup"):
            return DemoResponse(
                status: 200,
                reason: "OK",
                headerLines: ["Content-Type: application/gzip"] + Self.headerLines,
                body: StoredGzip.wrap(Array("-- MySQL dump 10.13\nINSERT INTO users VALUES (1,'admin');\n".utf8))
            )
        case (1, "robots.txt"):
            return DemoResponse(
                status: 200,
                reason: "OK",
                headerLines: ["Content-Type: text/plain"] + Self.headerLines,
                text: "User-agent: *\nDisallow: /admin/\nDisallow: /backup/\n"
            )
        case (2, "images"):
            return DemoResponse(
                status: 200,
                reason: "OK",
                headerLines: ["Content-Type: image/gif"] + Self.headerLines,
                body: StaticAssets.pixelGIF
            )
        case (2, "js"):
            return DemoResponse(
                status: 200,
                reason: "OK",
                headerLines: ["Content-Type: application/javascript"] + Self.headerLines,
                text: "/*! jQuery v1.8.3 jquery.com | jquery.org/license */\nwindow.jQuery = window.jQuery || {};\n"
            )
        default:
            return notFound()
        }
    }

    private func page(_ body: String, status: Int = 200, reason: String = "OK") -> DemoResponse {
        let html = """
            <html>
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
            <meta name="viewport" content="width=device-width, user-scalable=no">
            <style>body{font-family:Verdana;font-size:11px} .nav a{color:#900} .teaser{float:left;width:45%}</style>
            <script src="/js/jquery-1.8.3.min.js"></script>
            </head>
            <body>
            <div class="header"><img src="/images/logo.gif" width="200" height="50">
            <marquee>Breaking: ferry timetable changes from next month</marquee>
            <button class="icon-search"></button> <div role="checkbox" tabindex="0">Large text</div>
            <span role="banner-area" lang="xx-nonsense">Harbour Daily</span></div>
            <div class="nav">
            <a href="/" tabindex="3">Home</a> | <a href="/news">News</a> | <a href="/articles/1">Top story</a> |
            <a href="/login" aria-hidden="true">Members</a>
            </div>
            <div class="content">
            \(body)
            </div>
            <div class="sidebar">
            <h3>Most read</h3>
            <ol>
            <li><a href="/articles/4">Council approves new parking charges for the seafront</a></li>
            <li><a href="/articles/5">Lifeboat crew rescues two kayakers off the point</a></li>
            <li><a href="/articles/6">School choir wins regional competition for the third time</a></li>
            <li><a href="/articles/7">Roadworks on Quay Street to last until October</a></li>
            </ol>
            <div class="ad"><a href="/articles/8"><img src="/images/ad-banner.gif" width="250" height="250"></a></div>
            <h3>More</h3>
            <p><a href="/events?month=2026-01">What's on</a> | <a href="/docs/">Reader help</a> |
            <a href="/partners">Our partners</a></p>
            <h3>Newsletter</h3>
            <form action="/newsletter" method="get">
            <input type="text" name="email" value="Your e-mail" autocomplete="e-mail"> <input type="submit" value="Go">
            </form>
            <table class="tides"><tr><th scope="everything">Tide</th><th></th></tr>
            <tr><td>High</td><td>06:12</td></tr></table>
            <li class="weather">Sunny, 18 degrees</li>
            <iframe src="about:blank" width="1" height="1"></iframe>
            </div>
            <div class="footer"><font size="1">Copyright 2009-2017 Harbour Daily. Powered by PHP.
            <a href="/about">About</a> | <a href="/contact">Contact</a> | <a href="/admin/">Admin</a> |
            <a href="/backup/">Backups</a></font></div>
            </body>
            </html>

            """
        return DemoResponse(
            status: status,
            reason: reason,
            headerLines: ["Content-Type: text/html"] + Self.headerLines,
            text: html
        )
    }

    private func notFound() -> DemoResponse {
        page(
            "<h1>Not Found</h1><p>The requested URL was not found on this server.</p>"
                + "<hr><address>Apache/2.4.29 (Ubuntu) Server</address>",
            status: 404,
            reason: "Not Found"
        )
    }

    private static let homeBody = """
        <script src="\(thirdPartyScript)"></script>
        <div class="teaser"><img src="/images/harbour.gif" width="300" height="200">
        <h2><a href="/articles/1">Harbour expansion approved after marathon council session</a></h2>
        <p>The long-debated plan to extend the eastern quay by 240 metres won approval late on Tuesday,
        ending a three-year dispute between the port authority and residents of the old town.</p></div>
        <div class="teaser"><img src="/images/ferry.gif" width="300" height="200">
        <h2><a href="/articles/2">Ferry timetable changes from next month</a></h2>
        <p>Morning crossings move fifteen minutes earlier and a late sailing returns on Fridays, the operator
        announced. Season tickets bought before the change stay valid.</p></div>
        <div class="teaser"><img src="/images/market.gif" width="300" height="200">
        <h2><a href="/articles/3">Fish market reopens with new cold store</a></h2>
        <p>After nine months of building work, traders moved back into the renovated hall this weekend.
        The new cold store doubles capacity and cuts energy use by a third.</p></div>
        <p><a href="/news">More news</a></p>
        """

    private static var newsBody: String {
        let items = articleIDs.map { id in
            "<li><img src=\"/images/thumb-\(id).gif\" width=\"60\" height=\"40\"> "
                + "<a href=\"/articles/\(id)\">Local report number \(id) from the harbour district</a></li>"
        }
        return "<h1>Latest news</h1>\n<ul>\n" + items.joined(separator: "\n") + "\n</ul>"
    }

    private static func articleBody(id: Int) -> String {
        let next = id % articleIDs.upperBound + 1
        return """
            <h1>Local report number \(id) from the harbour district</h1>
            <p class="byline">By our harbour correspondent</p>
            <img src="/images/article-\(id).gif" width="500" height="280">
            <p>Residents gathered at the community hall on Thursday evening to hear plans for the waterfront.
            Several speakers raised concerns about parking, noise from the night shift and the future of the
            small boat moorings that families have rented for generations.</p>
            <p>The port authority said it would publish a revised traffic study before the summer and invited
            written comments until the end of the month. A second public meeting is planned for September.</p>
            <p><a href="/articles/\(next)">Next story</a></p>
            """
    }

    private var loginBody: String {
        """
        <h1>Members area</h1>
        <p>Log in to comment and read the e-paper. Having trouble? Use our
        <a href="\(httpOrigin)/login">classic login page</a>.</p>
        <form action="\(httpOrigin)/login" method="post">
        Username: <input type="text" name="user"><br>
        Password: <input type="password" name="pass"><br>
        <input type="image" src="/images/login-button.gif">
        </form>
        <img src="\(httpOrigin)/images/secure-badge.gif" width="80" height="30">
        """
    }

    private static let aboutBody = """
        <h1>About Harbour Daily</h1>
        <p>Harbour Daily has covered the town and its port since 1921. Our newsroom of six reporters files
        stories every day of the week.</p>
        <img src="/images/newsroom.gif" width="400" height="200">
        <p><a href="/contact">Write to the editor</a></p>
        """

    private static let contactBody = """
        <h1>Contact</h1>
        <p>Newsroom: 3 Quay Street. Tips and letters: editor at harbour-daily dot example.</p>
        <form action="/contact" method="post">
        Name: <input type="text" name="name"><br>
        Message: <textarea name="message"></textarea><br>
        <input type="submit" value="Send">
        </form>
        """

    private static var partnersBody: String {
        let links = outOfScopeLinks.map { "<li><a href=\"\($0)\">\($0)</a></li>" }
        return """
            <h1>Our partners</h1>
            <ul>
            \(links.joined(separator: "\n"))
            <li><a href="/redirect-out">Partner metadata service</a></li>
            </ul>
            """
    }

    private static func eventsBody(month: CalendarMonth) -> String {
        var navigation: [String] = []
        if let previous = month.previous {
            navigation.append("<a href=\"/events?month=\(previous.text)\">&laquo; \(previous.text)</a>")
        }
        if let next = month.next {
            navigation.append("<a href=\"/events?month=\(next.text)\">\(next.text) &raquo;</a>")
        }
        return """
            <h1>What's on in \(month.text)</h1>
            <p>\(navigation.joined(separator: " | "))</p>
            <table border="1"><tr><td>1</td><td>Harbour market</td></tr><tr><td>15</td><td>Quiz night</td></tr></table>
            """
    }

    private static func docsBody(depth: Int) -> String {
        """
        <h1>Reader help (section \(depth))</h1>
        <p>Answers to common questions about subscriptions, the e-paper and comments.</p>
        <p><a href="docs/">More help topics</a> | <a href="/">Back to the front page</a></p>
        """
    }

    private static let adminBody = """
        <h1>Administration</h1>
        <form action="/admin/login" method="post">
        User: <input type="text" name="u"> Password: <input type="password" name="p">
        <input type="submit" value="Log in">
        </form>
        """

    private static let backupBody = """
        <h1>Index of /backup/</h1>
        <pre><a href="/backup/site-2017.sql.gz">site-2017.sql.gz</a>   12-Mar-2017 03:00   2.1M</pre>
        """
}
