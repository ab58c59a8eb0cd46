/// Small non-HTML files the demo sites share: an image and a stylesheet.
enum StaticAssets {
    /// A 1x1 transparent GIF (43 bytes), served for every image path of the demo sites.
    static let pixelGIF: [UInt8] = [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
        0xFF, 0xFF, 0xFF, 0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00,
        0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ]

    /// A small stylesheet (served from the site's own origin, as its CSP allows).
    static let stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1d2330; }
        header, footer { background: #0b3d5c; color: #fff; padding: 1rem 2rem; }
        nav a { color: #fff; margin-right: 1rem; }
        main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        .product { border: 1px solid #ccd; border-radius: 4px; padding: 1rem; margin-bottom: 1rem; }
        label { display: block; margin-top: 0.75rem; }

        """
}
