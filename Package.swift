// swift-tools-version:6.1
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode plus the upcoming features we hold ourselves to.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Portcullis",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "portcullis", targets: ["portcullis"]),
        .executable(name: "portcullis-bench", targets: ["PortcullisBenchmarks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-http2", from: "1.46.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-structured-headers", from: "1.7.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C boundary: module maps plus typed inline shims; nothing else includes these headers.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // Value types, rule catalog, profiles, rule engine, fingerprints.
        .target(
            name: "PortcullisCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // libcurl multi-interface client exposed as async functions.
        .target(
            name: "PortcullisHTTP",
            dependencies: ["CCurl", "PortcullisCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // libxml2 HTML document: parse, walk, XPath, text, element paths.
        .target(
            name: "PortcullisHTML",
            dependencies: ["CLibXML2"],
            swiftSettings: swiftSettings
        ),
        // Crawl primitives: URL normalisation, frontier, scope, discovery, robots.txt, sitemaps, politeness, traps.
        .target(
            name: "Crawl",
            dependencies: [
                "PortcullisCore", "PortcullisHTML",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Content-Security-Policy Level 3: parser, effective policy, evaluator (pure, no I/O).
        .target(
            name: "CSP",
            swiftSettings: swiftSettings
        ),
        // Spec-exact parsers for the other security headers and cookies, and the Observatory score (pure).
        .target(
            name: "HeaderAnalysis",
            dependencies: [
                "PortcullisCore",
                .product(name: "RawStructuredFieldValues", package: "swift-http-structured-headers"),
            ],
            swiftSettings: swiftSettings
        ),
        // TLS wire format: ClientHello built byte by byte, ServerHello/HelloRetryRequest/alert/SSLv2 parsing (pure).
        .target(
            name: "TLSProbe",
            swiftSettings: swiftSettings
        ),
        // libssl (OpenSSL 3), for the TLS probes that need a completed handshake: verification, resumption,
        // renegotiation, 0-RTT. Only `OpenSSLProbe` imports it.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // Completed handshakes through libssl: every verification error, stapled OCSP, resumption, renegotiation,
        // early data.
        .target(
            name: "OpenSSLProbe",
            dependencies: ["COpenSSL"],
            swiftSettings: swiftSettings
        ),
        // The server's certificate chain judged by RFC 5280 / 6125 rules: validity, names, keys, signatures, trust.
        .target(
            name: "CertificateAnalysis",
            dependencies: [
                "PortcullisCore",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The TLS host probe: raw ClientHello enumeration over sockets, plus the libssl and certificate probes.
        .target(
            name: "TLSScan",
            dependencies: [
                "TLSProbe", "OpenSSLProbe", "CertificateAnalysis", "PortcullisCore",
            ],
            swiftSettings: swiftSettings
        ),
        // TLS facts judged by rules: protocols, suites, extensions, certificates, Mozilla profiles, grade (pure).
        .target(
            name: "TLSChecks",
            dependencies: ["PortcullisCore", "TLSProbe"],
            swiftSettings: swiftSettings
        ),
        // Child processes started with posix_spawn (Foundation's Process crashes on Linux, corelibs #5472).
        .target(
            name: "ProcessSpawn",
            swiftSettings: swiftSettings
        ),
        // Loopback `openssl s_server` zoo with generated certificates, for tests and the TLS benchmark.
        .target(
            name: "TLSZoo",
            dependencies: ["TLSProbe", "PortcullisCore", "ProcessSpawn"],
            swiftSettings: swiftSettings
        ),
        // What a page check sees and the protocol every check family implements.
        .target(
            name: "CheckSupport",
            dependencies: ["PortcullisCore", "PortcullisHTML", "Crawl"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HeaderChecks",
            dependencies: ["CheckSupport", "PortcullisCore", "PortcullisHTML", "Crawl", "HeaderAnalysis", "CSP"],
            swiftSettings: swiftSettings
        ),
        // WAI-ARIA 1.2 roles and states as data (pure).
        .target(
            name: "ARIAModel",
            swiftSettings: swiftSettings
        ),
        // A page as assistive technology meets it, from markup: roles, hidden-ness, focus, accessible names.
        .target(
            name: "A11yModel",
            dependencies: ["PortcullisHTML", "ARIAModel"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AccessibilityChecks",
            dependencies: ["CheckSupport", "PortcullisCore", "PortcullisHTML", "A11yModel", "ARIAModel"],
            swiftSettings: swiftSettings
        ),
        // SSO (OAuth 2.0 / OpenID Connect / SAML redirect) judges: pure functions from probe responses to observations.
        .target(
            name: "SSOChecks",
            dependencies: [
                "PortcullisCore", "PortcullisHTML",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The pipeline: plan -> fetch -> parse -> checks -> rule engine -> scan result.
        .target(
            name: "Scanning",
            dependencies: [
                "PortcullisCore", "PortcullisHTTP", "PortcullisHTML", "CheckSupport", "HeaderChecks", "Crawl", "CSP",
                "HeaderAnalysis", "AccessibilityChecks", "TLSScan", "TLSChecks", "TLSProbe", "CertificateAnalysis",
                "OpenSSLProbe", "SSOChecks", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // JSON, SARIF and terminal reports: pure functions from a scan result to bytes.
        .target(
            name: "Reporting",
            dependencies: ["PortcullisCore", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        // Loopback provider zoo for `portcullis demo` and the integration tests.
        .target(
            name: "DemoProviders",
            dependencies: [
                "PortcullisCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTP2", package: "swift-nio-http2"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "portcullis",
            dependencies: [
                "PortcullisCore", "Scanning", "Reporting", "DemoProviders", "AccessibilityChecks", "ProcessSpawn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "PortcullisBenchmarks",
            dependencies: [
                "ProcessSpawn",
                "PortcullisHTTP", "PortcullisHTML", "DemoProviders", "PortcullisCore", "Scanning", "CSP", "TLSZoo",
                "TLSScan", "TLSProbe", "CertificateAnalysis", "A11yModel", "AccessibilityChecks", "Reporting",
            ],
            path: "Benchmarks/PortcullisBenchmarks",
            swiftSettings: swiftSettings
        ),

        // Paths and helpers the test targets share.
        .target(
            name: "TestSupport",
            dependencies: ["ProcessSpawn"],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PortcullisCoreTests",
            dependencies: ["PortcullisCore", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PortcullisHTTPTests",
            dependencies: ["PortcullisHTTP", "PortcullisCore", "DemoProviders", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PortcullisHTMLTests",
            dependencies: ["PortcullisHTML"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChecksTests",
            dependencies: [
                "CheckSupport", "HeaderChecks", "AccessibilityChecks", "PortcullisCore", "PortcullisHTML", "Crawl",
                "CSP",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CrawlTests",
            dependencies: [
                "Crawl", "PortcullisCore", "PortcullisHTML", "TestSupport",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CSPTests",
            dependencies: ["CSP", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HeaderAnalysisTests",
            dependencies: ["HeaderAnalysis", "PortcullisCore", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TLSProbeTests",
            dependencies: [
                "TLSProbe", "TestSupport", "TLSZoo",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OpenSSLProbeTests",
            dependencies: ["OpenSSLProbe", "TLSZoo", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CertificateAnalysisTests",
            dependencies: ["CertificateAnalysis", "TLSZoo", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ARIAModelTests",
            dependencies: ["ARIAModel"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "A11yModelTests",
            dependencies: ["A11yModel", "ARIAModel", "PortcullisHTML", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AccessibilityChecksTests",
            dependencies: [
                "AccessibilityChecks", "A11yModel", "CheckSupport", "PortcullisCore", "PortcullisHTML", "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TLSChecksTests",
            dependencies: ["TLSChecks", "TLSProbe", "PortcullisCore", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TLSScanTests",
            dependencies: ["TLSScan", "TLSProbe", "TLSZoo", "TestSupport", "CertificateAnalysis", "OpenSSLProbe"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["Reporting", "PortcullisCore", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SSOChecksTests",
            dependencies: ["SSOChecks", "PortcullisCore", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "Scanning", "Reporting", "PortcullisCore", "DemoProviders", "TestSupport", "PortcullisHTTP", "Crawl",
                "CheckSupport", "HeaderChecks", "CSP", "HeaderAnalysis", "TLSZoo",
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
