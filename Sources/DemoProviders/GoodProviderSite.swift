/// The well-run provider ("Northwind Supply"): accessible HTML pages behind strict security headers.
///
/// Served only over HTTPS (TLS 1.2+); its plain-HTTP port is an ``HTTPSRedirector``. Scans of this site
/// should come out clean, so every page has `lang`, a `<title>`, alt texts and labelled form fields, and no
/// inline script or style (the CSP forbids them).
struct GoodProviderSite: DemoResponder {
    /// Product ids that exist (`/products/1` ... `/products/24`); others are 404.
    static let productIDs = 1...24

    /// The security headers every response carries, in this order.
    static let securityHeaderLines = [
        "Strict-Transport-Security: max-age=63072000; includeSubDomains",
        "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'; upgrade-insecure-requests",
        "X-Content-Type-Options: nosniff",
        "X-Frame-Options: DENY",
        "Referrer-Policy: strict-origin-when-cross-origin",
        "Permissions-Policy: camera=(), microphone=(), geolocation=()",
        "Cross-Origin-Opener-Policy: same-origin",
    ]

    func respond(to request: DemoRequest) -> DemoResponse {
        let segments = request.segments
        switch (segments.count, segments.first) {
        case (0, _):
            return page(title: "Northwind Supply", body: Self.homeBody)
        case (1, "about"):
            return page(title: "About us - Northwind Supply", body: Self.aboutBody)
        case (1, "products"):
            return page(title: "Products - Northwind Supply", body: Self.productListBody)
        case (2, "products"):
            guard let id = Int(segments[1]), Self.productIDs.contains(id) else { return notFound() }
            return page(title: "Product \(id) - Northwind Supply", body: Self.productBody(id: id))
        case (1, "login"):
            return page(
                title: "Sign in - Northwind Supply",
                body: Self.loginBody,
                extraHeaderLines: [
                    "Cache-Control: no-store",
                    "Set-Cookie: __Host-session=9f1c2e7a4b; Path=/; Secure; HttpOnly; SameSite=Strict",
                ]
            )
        case (1, "robots.txt"):
            return asset(contentType: "text/plain; charset=utf-8", body: Array(StaticAssets.robots.utf8))
        case (2, "static") where segments[1] == "site.css":
            return asset(contentType: "text/css; charset=utf-8", body: Array(StaticAssets.stylesheet.utf8))
        case (2, "static") where segments[1].hasSuffix(".gif"):
            return asset(contentType: "image/gif", body: StaticAssets.pixelGIF)
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
            <a href="/">Home</a> <a href="/products">Products</a>
            <a href="/about">About</a> <a href="/login">Sign in</a>
            </nav>
            </header>
            <main id="main">
            \(body)
            </main>
            <footer>
            <p>&copy; 2025 Northwind Supply Ltd. <a href="/about">Contact and imprint</a></p>
            </footer>
            </body>
            </html>

            """
        let headers = ["Content-Type: text/html; charset=utf-8"] + Self.securityHeaderLines + extraHeaderLines
        return DemoResponse(status: status, reason: reason, headerLines: headers, text: html)
    }

    private func asset(contentType: String, body: [UInt8]) -> DemoResponse {
        let headers = ["Content-Type: \(contentType)"] + Self.securityHeaderLines + ["Cache-Control: max-age=86400"]
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

    private static let homeBody = """
        <h1>Industrial supplies, delivered next day</h1>
        <p>Northwind Supply stocks more than 12,000 parts for workshops, labs and facilities teams.
        Order before 4 pm and your parcel ships the same day from our warehouse in Leeds.</p>
        <img src="/static/warehouse.gif" alt="Our warehouse team packing orders" width="600" height="300">
        <h2>Popular this week</h2>
        <ul>
        <li><a href="/products/17">Stainless hex bolts, M8 x 40, box of 100</a></li>
        <li><a href="/products/3">Nitrile gloves, size L, 200 pieces</a></li>
        <li><a href="/products/9">Cordless drill, 18 V, two batteries</a></li>
        </ul>
        <h2>Why customers stay</h2>
        <p>Every order is tracked end to end, invoices arrive as PDF the same day, and our support team answers
        within one working hour. Trade accounts get 30-day payment terms and volume pricing.</p>
        """

    private static let aboutBody = """
        <h1>About Northwind Supply</h1>
        <p>Founded in 1987 as a family hardware shop, Northwind Supply now serves 40,000 business customers
        across the country. We are ISO 9001 certified and publish our security practices openly.</p>
        <img src="/static/team.gif" alt="The Northwind Supply team in front of the Leeds warehouse"
        width="600" height="300">
        <h2>Contact</h2>
        <address>Northwind Supply Ltd, 12 Canal Wharf, Leeds LS11 5PS<br>
        Phone <a href="tel:+441130000000">0113 000 0000</a></address>
        """

    private static var productListBody: String {
        let items = productIDs.map { id in
            "<li><a href=\"/products/\(id)\">Catalogue item \(id)</a></li>"
        }
        return "<h1>Products</h1>\n<ul>\n" + items.joined(separator: "\n") + "\n</ul>"
    }

    private static func productBody(id: Int) -> String {
        let next = id % productIDs.upperBound + 1
        return """
            <h1>Catalogue item \(id)</h1>
            <div class="product">
            <img src="/static/product-\(id).gif" alt="Photo of catalogue item \(id)" width="300" height="300">
            <p>Price: &pound;\(id * 3).99 excluding VAT. In stock: \(100 + id * 7) units.</p>
            <p>Durable, tested to BS EN standards, and backed by our two-year warranty. Bulk discounts apply
            from 10 units; trade customers see their own prices after signing in.</p>
            <form action="/basket" method="post">
            <label for="quantity">Quantity</label>
            <input id="quantity" name="quantity" type="number" min="1" value="1">
            <button type="submit">Add to basket</button>
            </form>
            </div>
            <p><a href="/products/\(next)">Next item</a> | <a href="/products">All products</a></p>
            """
    }

    private static let loginBody = """
        <h1>Sign in</h1>
        <p>Trade customers can sign in to see their prices, orders and invoices.</p>
        <form action="/login" method="post">
        <label for="email">Email address</label>
        <input id="email" name="email" type="email" autocomplete="username" required>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button>
        </form>
        <p><a href="/about">Need an account? Contact us</a></p>
        """
}
