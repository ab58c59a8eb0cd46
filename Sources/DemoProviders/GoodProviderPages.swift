/// The main-content bodies of the good provider's pages (the shared header, navigation and footer are added by
/// ``GoodProviderSite``).
///
/// Every body is accessible on its own terms: one `h1`, alt text on every image, labelled form fields, and no
/// inline script or style (the site's CSP forbids them).
enum GoodProviderPages {
    /// One help-centre article, served at `/help/<slug>`.
    struct HelpTopic: Sendable {
        /// The last path segment.
        let slug: String
        /// The heading and the start of the `<title>`.
        let title: String
        /// The paragraphs after the heading.
        let text: String
    }

    /// A page only the sitemap lists (nothing links to it), served at `/landing/<slug>`.
    struct LandingPage: Sendable {
        /// The last path segment.
        let slug: String
        /// The heading and the start of the `<title>`.
        let title: String
    }

    /// Product ids that exist (`/products/1` ... `/products/24`); others are 404.
    static let productIDs = 1...24

    /// The help centre's articles, in the order the help index lists them.
    static let helpTopics = [
        HelpTopic(
            slug: "shipping",
            title: "Shipping and delivery",
            text: "Orders placed before 4 pm on a working day ship the same day and arrive the next working day. "
                + "Parcels over 30 kg travel by pallet and are booked in with you by phone."
        ),
        HelpTopic(
            slug: "returns",
            title: "Returns and refunds",
            text: "Unused items can be returned within 30 days. Print the prepaid label from your order page; "
                + "refunds reach your account within five working days of the parcel arriving."
        ),
        HelpTopic(
            slug: "payment",
            title: "Payment options",
            text: "We accept cards, bank transfer and, for trade accounts, 30-day invoices. Card details are "
                + "handled by our payment provider and never stored on our servers."
        ),
        HelpTopic(
            slug: "accessibility",
            title: "Accessibility statement",
            text: "This site aims to meet WCAG 2.2 level AA. Every page works with a keyboard and a screen "
                + "reader; tell us about any barrier and we will fix it or send you the information another way."
        ),
    ]

    /// The staff-only pages under `/private/` (robots.txt disallows them; the home page still links them).
    static let privatePages = ["reports": "Quarterly stock reports", "staff": "Staff directory"]

    /// The sitemap-only landing pages.
    static let landingPages = [
        LandingPage(slug: "spring", title: "Spring workshop sale"),
        LandingPage(slug: "summer", title: "Summer site-safety week"),
    ]

    /// The id-less product page that only the gzip-compressed products sitemap lists.
    static let clearanceSlug = "clearance"

    static let home = """
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
        within one working hour. Trade accounts get 30-day payment terms and volume pricing.
        Questions? Visit the <a href="/help">help centre</a>.</p>
        <p class="staff">Staff: <a href="/private/">staff area</a></p>
        """

    static let about = """
        <h1>About Northwind Supply</h1>
        <p>Founded in 1987 as a family hardware shop, Northwind Supply now serves 40,000 business customers
        across the country. We are ISO 9001 certified and publish our security practices openly.</p>
        <img src="/static/team.gif" alt="The Northwind Supply team in front of the Leeds warehouse"
        width="600" height="300">
        <h2>Contact</h2>
        <address>Northwind Supply Ltd, 12 Canal Wharf, Leeds LS11 5PS<br>
        Phone <a href="tel:+441130000000">0113 000 0000</a></address>
        """

    static var productList: String {
        let items = productIDs.map { id in
            "<li><a href=\"/products/\(id)\">Catalogue item \(id)</a></li>"
        }
        return "<h1>Products</h1>\n<ul>\n" + items.joined(separator: "\n") + "\n</ul>"
    }

    static func product(id: Int) -> String {
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

    static let clearance = """
        <h1>Clearance corner</h1>
        <p>End-of-line stock at up to 60% off while it lasts. Clearance items cannot be returned unless faulty.</p>
        <img src="/static/clearance.gif" alt="Shelves of discounted tools" width="600" height="300">
        <p><a href="/products">Browse the full catalogue</a></p>
        """

    static let login = """
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

    static var helpIndex: String {
        let items = helpTopics.map { "<li><a href=\"/help/\($0.slug)\">\($0.title)</a></li>" }
        return """
            <h1>Help centre</h1>
            <form action="/help" method="get" role="search">
            <label for="help-search">Search the help centre</label>
            <input id="help-search" name="q" type="search">
            <button type="submit">Search</button>
            </form>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            """
    }

    static func help(_ topic: HelpTopic) -> String {
        """
        <h1>\(topic.title)</h1>
        <p>\(topic.text)</p>
        <img src="/static/help-\(topic.slug).gif" alt="Illustration: \(topic.title.lowercased())" width="300"
        height="200">
        <p><a href="/help">Back to the help centre</a></p>
        """
    }

    static var privateIndex: String {
        let items = privatePages.sorted { $0.key < $1.key }.map { slug, title in
            "<li><a href=\"/private/\(slug)\">\(title)</a></li>"
        }
        return """
            <h1>Staff area</h1>
            <p>Internal pages for Northwind Supply staff. Search engines are asked not to index them.</p>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            """
    }

    static func privatePage(title: String) -> String {
        """
        <h1>\(title)</h1>
        <p>This internal page is kept out of search engines by robots.txt; it is still served to anyone.</p>
        <img src="/static/internal.gif" alt="Internal use only stamp" width="120" height="40">
        <p><a href="/private/">Back to the staff area</a></p>
        """
    }

    static func landing(_ page: LandingPage) -> String {
        """
        <h1>\(page.title)</h1>
        <p>Limited-time offers for trade customers. This page is announced by email and in our sitemap only.</p>
        <img src="/static/landing-\(page.slug).gif" alt="\(page.title) banner" width="600" height="200">
        <p><a href="/products">Shop the catalogue</a></p>
        """
    }
}
