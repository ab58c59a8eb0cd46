/// The well-run provider ("Northwind Supply"): accessible HTML pages behind strict security headers.
///
/// Served only over HTTPS (TLS 1.2+); its plain-HTTP port is an ``HTTPSRedirector``. Scans of this site
/// should come out clean, so every page has `lang`, a `<title>`, alt texts and labelled form fields, and no
/// inline script or style (the CSP forbids them). About 40 pages: every one is reachable by links from `/`
/// except the sitemap-only pages (see ``GoodProviderCrawlFiles``); `/private/` is linked but robots.txt
/// disallows it, so only robots.txt keeps a crawler out.
struct GoodProviderSite: DemoResponder {
    /// The security headers every response carries, in this order, with a fresh CSP nonce per response.
    ///
    /// The policy is Google's strict CSP (nonce + 'strict-dynamic', with the 'unsafe-inline' and https: fallbacks
    /// that nonce-aware browsers ignore, Trusted Types) plus tight fetch directives, so a CSP evaluator finds
    /// nothing to report.
    static func securityHeaderLines() -> [String] {
        let nonce = CSPNonce.fresh()
        return [
            "Strict-Transport-Security: max-age=63072000; includeSubDomains",
            "Content-Security-Policy: default-src 'self'; script-src 'nonce-\(nonce)' 'strict-dynamic' "
                + "'unsafe-inline' https:; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
                + "require-trusted-types-for 'script'; upgrade-insecure-requests; report-uri /csp-reports",
            "X-Content-Type-Options: nosniff",
            "X-Frame-Options: DENY",
            "Referrer-Policy: strict-origin-when-cross-origin",
            "Permissions-Policy: camera=(), microphone=(), geolocation=()",
            "Cross-Origin-Opener-Policy: same-origin",
        ]
    }

    /// robots.txt and the sitemaps, which name the site's HTTPS origin.
    let crawlFiles: GoodProviderCrawlFiles

    /// Creates the site served at `httpsOrigin` (no trailing slash, e.g. `https://127.0.0.1:8443`).
    init(httpsOrigin: String) {
        crawlFiles = GoodProviderCrawlFiles(httpsOrigin: httpsOrigin)
    }

    func respond(to request: DemoRequest) -> DemoResponse {
        let segments = request.segments
        switch (segments.count, segments.first) {
        case (0, _):
            return page(title: "Northwind Supply", body: GoodProviderPages.home)
        case (1, "about"):
            return page(title: "About us - Northwind Supply", body: GoodProviderPages.about)
        case (1, "products"):
            return page(title: "Products - Northwind Supply", body: GoodProviderPages.productList)
        case (2, "products"):
            return product(segments[1])
        case (1, "login"):
            return page(
                title: "Sign in - Northwind Supply",
                body: GoodProviderPages.login,
                extraHeaderLines: [
                    "Cache-Control: no-store",
                    "Set-Cookie: __Host-session=9f1c2e7a4b; Path=/; Secure; HttpOnly; SameSite=Strict",
                ]
            )
        case (1, "help"):
            return page(title: "Help centre - Northwind Supply", body: GoodProviderPages.helpIndex)
        case (2, "help"):
            guard let topic = GoodProviderPages.helpTopics.first(where: { $0.slug == segments[1] }) else {
                return notFound()
            }
            return page(title: "\(topic.title) - Northwind Supply", body: GoodProviderPages.help(topic))
        case (1, "private"):
            return page(title: "Staff area - Northwind Supply", body: GoodProviderPages.privateIndex)
        case (2, "private"):
            guard let title = GoodProviderPages.privatePages[String(segments[1])] else { return notFound() }
            return page(title: "\(title) - Northwind Supply", body: GoodProviderPages.privatePage(title: title))
        case (2, "landing"):
            guard let landing = GoodProviderPages.landingPages.first(where: { $0.slug == segments[1] }) else {
                return notFound()
            }
            return page(title: "\(landing.title) - Northwind Supply", body: GoodProviderPages.landing(landing))
        case (1, _):
            return crawlFile(segments[0])
        case (2, "static") where segments[1] == "site.css":
            return asset(contentType: "text/css; charset=utf-8", body: Array(StaticAssets.stylesheet.utf8))
        case (2, "static") where segments[1].hasSuffix(".gif"):
            return asset(contentType: "image/gif", body: StaticAssets.pixelGIF)
        default:
            return notFound()
        }
    }

    private func product(_ segment: Substring) -> DemoResponse {
        if segment == GoodProviderPages.clearanceSlug {
            return page(title: "Clearance - Northwind Supply", body: GoodProviderPages.clearance)
        }
        guard let id = Int(segment), GoodProviderPages.productIDs.contains(id) else { return notFound() }
        return page(title: "Product \(id) - Northwind Supply", body: GoodProviderPages.product(id: id))
    }

    private func crawlFile(_ name: Substring) -> DemoResponse {
        switch name {
        case "robots.txt":
            return asset(contentType: "text/plain; charset=utf-8", body: Array(crawlFiles.robots.utf8))
        case "sitemap.xml":
            return asset(contentType: "application/xml", body: Array(crawlFiles.sitemapIndex.utf8))
        case "sitemap-pages.xml":
            return asset(contentType: "application/xml", body: Array(crawlFiles.pagesSitemap.utf8))
        case "sitemap-products.xml.gz":
            return asset(contentType: "application/gzip", body: crawlFiles.productsSitemapGzip)
        default:
            return notFound()
        }
    }

    private func page(
        title: String,
        body: String,
        status: Int = 200,
        reason: String = "OK",
        extraHeaderLines: [String] = ["Cache-Control: max-age=300"]
    ) -> DemoResponse {
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <link rel="stylesheet" href="/static/site.css">
            </head>
            <body>
            <a href="#main" class="skip-link">Skip to content</a>
            <header>
            <img src="/static/logo.gif" alt="Northwind Supply logo" width="120" height="40">
            <nav aria-label="Main">
            <a href="/">Home</a> <a href="/products">Products</a> <a href="/help">Help</a>
            <a href="/about">About</a> <a href="/login">Sign in</a>
            </nav>
            </header>
            <main id="main">
            \(body)
            </main>
            <footer>
            <p>&copy; 2025 Northwind Supply Ltd. <a href="/about">Contact and imprint</a>
            <a href="/help/accessibility">Accessibility</a></p>
            </footer>
            </body>
            </html>

            """
        let headers = ["Content-Type: text/html; charset=utf-8"] + Self.securityHeaderLines() + extraHeaderLines
        return DemoResponse(status: status, reason: reason, headerLines: headers, text: html)
    }

    private func asset(contentType: String, body: [UInt8]) -> DemoResponse {
        let headers = ["Content-Type: \(contentType)"] + Self.securityHeaderLines() + ["Cache-Control: max-age=86400"]
        return DemoResponse(status: 200, reason: "OK", headerLines: headers, body: body)
    }

    private func notFound() -> DemoResponse {
        page(
            title: "Page not found - Northwind Supply",
            body: "<h1>Page not found</h1>\n<p>The page you asked for does not exist. <a href=\"/\">Go home</a>.</p>",
            status: 404,
            reason: "Not Found",
            extraHeaderLines: ["Cache-Control: no-store"]
        )
    }
}

/// Per-response CSP nonces: 128 random bits, base64 (CSP3 §7.1 asks for at least 128 bits).
enum CSPNonce {
    static func fresh() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Base64.encode(bytes)
    }
}

/// Standard base64 (RFC 4648 §4) without Foundation, for nonces.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return output
    }
}
