import DemoProviders
import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// End-to-end checks of the loopback provider zoo, with the real `/usr/bin/curl` (and bash's `/dev/tcp` for raw
/// bytes) as the independent client. Every client call has its own time limit.
@Suite struct DemoProvidersTests {
    // MARK: Start, URLs, certificates

    @Test func startsOnLoopbackEphemeralPorts() async throws {
        let zoo = try await DemoProviderZoo.start()
        try await zoo.shutdown()

        #expect(zoo.providers.map(\.name) == ["good-provider", "bad-provider"])
        #expect(zoo.providers.first == zoo.good)
        let urls = zoo.providers.flatMap { [$0.httpURL, $0.httpsURL] } + [zoo.fixturesHTTP, zoo.fixturesHTTPS]
        for url in urls {
            #expect(url.host == "127.0.0.1", "\(url)")
            #expect((url.port ?? 0) > 0, "\(url)")
        }
        #expect(Set(urls.compactMap(\.port)).count == 6, "every listener has its own port")
        #expect(zoo.good.httpURL.scheme == "http" && zoo.good.httpsURL.scheme == "https")
        #expect(zoo.good.httpsURL.absoluteString.hasSuffix("/"))
        #expect(zoo.fixturesHTTPS.scheme == "https")
        #expect(zoo.caCertificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        #expect(zoo.caCertificatePEM.hasSuffix("-----END CERTIFICATE-----\n"))
        #expect(zoo.siteSize == 2_000, "start() keeps the default benchmark site size")
    }

    @Test func goodProviderCertificateVerifiesOnlyWithTheZooCA() async throws {
        try await withZoo { zoo, scratch in
            let caFile = try scratch.writeCA(of: zoo)
            let https = zoo.good.httpsURL.absoluteString
            let verified = try await Curl.run(["--cacert", caFile, https])
            #expect(verified.status == 0, "\(verified.stderr)")
            #expect(verified.text.contains("<html lang=\"en\">"))

            let byName = "https://localhost:\(zoo.good.httpsURL.port ?? 0)/about"
            let viaLocalhost = try await Curl.run(["--cacert", caFile, byName])
            #expect(viaLocalhost.status == 0, "SAN DNS localhost: \(viaLocalhost.stderr)")

            let untrusted = try await Curl.run([https])
            #expect(untrusted.status == 60, "no CA given must fail verification: \(untrusted.stderr)")

            for url in [zoo.bad.httpsURL, zoo.fixturesHTTPS.appending(path: "ok")] {
                let other = try await Curl.run(["--cacert", caFile, url.absoluteString])
                #expect(other.status == 0, "\(url): \(other.stderr)")
            }
        }
    }

    @Test func writeCACertificateWritesThePEMAndReportsFailures() async throws {
        try await withZoo { zoo, scratch in
            let path = try scratch.writeCA(of: zoo)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == zoo.caCertificatePEM)
            let parsed = try await Command.run("/usr/bin/openssl", ["x509", "-in", path, "-noout", "-text"])
            #expect(parsed.text.contains("CA:TRUE"), "\(parsed.stderr)")
            #expect(parsed.text.contains("prime256v1"))

            let impossible = scratch.url.appending(path: "missing-dir/ca.pem")
            let error = #expect(throws: DemoProvidersError.self) {
                try zoo.writeCACertificate(to: impossible)
            }
            #expect(error?.code == .fileWrite)
        }
    }

    @Test func leafCertificateHasTheExpectedNamesUsagesAndValidity() async throws {
        try await withZoo { zoo, scratch in
            let port = zoo.good.httpsURL.port ?? 0
            let script =
                "openssl s_client -connect 127.0.0.1:\(port) -servername localhost </dev/null 2>/dev/null"
                + " | openssl x509 -noout -text"
            let leaf = try await Command.run("/usr/bin/timeout", ["10", "/usr/bin/bash", "-c", script])
            #expect(leaf.status == 0, "\(leaf.stderr)")
            #expect(leaf.text.contains("IP Address:127.0.0.1"))
            #expect(leaf.text.contains("DNS:localhost"))
            #expect(leaf.text.contains("TLS Web Server Authentication"))
            #expect(leaf.text.contains("CA:FALSE"))
            #expect(leaf.text.contains("Digital Signature"))
            #expect(leaf.text.contains("Issuer: O = Portcullis Demo, CN = Portcullis Demo CA"))
        }
    }

    // MARK: Good provider

    @Test func goodProviderSendsStrictHeadersAndAccessiblePages() async throws {
        try await withZoo { zoo, scratch in
            let caFile = try scratch.writeCA(of: zoo)
            for path in ["", "about", "products/17", "login"] {
                let url = zoo.good.httpsURL.appending(path: path).absoluteString
                // The HTTP/1.1 wire form; goodProviderServesTheSameResponsesOverHTTP2AsOverHTTP11 covers HTTP/2.
                let result = try await Curl.run(["--cacert", caFile, "--http1.1", "-D", "-", url])
                #expect(result.status == 0, "\(path): \(result.stderr)")
                let (head, body) = result.splitResponse()
                #expect(head.first == "HTTP/1.1 200 OK", "\(path)")
                for line in [
                    "Strict-Transport-Security: max-age=63072000; includeSubDomains",
                    "X-Content-Type-Options: nosniff",
                    "X-Frame-Options: DENY",
                    "Referrer-Policy: strict-origin-when-cross-origin",
                    "Content-Type: text/html; charset=utf-8",
                ] {
                    #expect(head.contains(line), "\(path) lacks \(line)")
                }
                let csp = head.first { $0.hasPrefix("Content-Security-Policy: ") } ?? ""
                for directive in [
                    "default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                ] {
                    #expect(csp.contains(directive), "\(path) CSP lacks \(directive)")
                }
                #expect(!head.contains { $0.lowercased().hasPrefix("server:") })
                #expect(body.contains("<html lang=\"en\">"))
                #expect(body.contains("<title>"))
                #expect(!body.contains("<img src=\"/static/logo.gif\" width"), "images carry alt first")
                #expect(body.contains("alt=\"Northwind Supply logo\""))
            }
            let login = try await Curl.run([
                "--cacert", caFile, zoo.good.httpsURL.appending(path: "login").absoluteString,
            ])
            #expect(login.text.contains("<label for=\"email\">"))
            #expect(login.text.contains("<input id=\"email\""))
            let missing = try await Curl.run(
                [
                    "--cacert", caFile, "-w", "%{http_code}", "-o", "/dev/null",
                    zoo.good.httpsURL.appending(path: "products/999").absoluteString,
                ]
            )
            #expect(missing.text == "404")
        }
    }

    @Test func goodProviderHTTPOnlyRedirectsToHTTPS() async throws {
        try await withZoo { zoo, _ in
            let httpsOrigin = "https://127.0.0.1:\(zoo.good.httpsURL.port ?? 0)"
            for target in ["/", "/about", "/products/17?ref=home&x=1", "/does-not-exist"] {
                let url = "http://127.0.0.1:\(zoo.good.httpURL.port ?? 0)\(target)"
                let result = try await Curl.run(["-D", "-", "-o", "/dev/null", url])
                #expect(result.status == 0, "\(result.stderr)")
                let (head, _) = result.splitResponse()
                #expect(head.first == "HTTP/1.1 301 Moved Permanently", "\(target)")
                #expect(head.contains("Location: \(httpsOrigin)\(target)"), "\(target): \(head)")
            }
        }
    }

    @Test func goodProviderRefusesTLS11ButBadProviderAcceptsTLS10() async throws {
        try await withZoo { zoo, scratch in
            let caFile = try scratch.writeCA(of: zoo)
            let old = ["--cacert", caFile, "--tlsv1.0", "--tls-max", "1.1", "--ciphers", "DEFAULT:@SECLEVEL=0"]
            let good = try await Curl.run(old + [zoo.good.httpsURL.absoluteString])
            #expect(good.status == 35, "TLS 1.1 handshake must fail: \(good.stderr)")
            let bad = try await Curl.run(
                old + ["-w", "%{http_code}", "-o", "/dev/null", zoo.bad.httpsURL.absoluteString]
            )
            #expect(bad.status == 0, "\(bad.stderr)")
            #expect(bad.text == "200")
            let modern = try await Curl.run(["--cacert", caFile, "--tlsv1.2", zoo.good.httpsURL.absoluteString])
            #expect(modern.status == 0, "\(modern.stderr)")
        }
    }

    // MARK: HTTP/2

    @Test func goodProviderNegotiatesHTTP2AndFallsBackToHTTP11() async throws {
        try await withZoo { zoo, scratch in
            let caFile = try scratch.writeCA(of: zoo)
            let https = zoo.good.httpsURL.absoluteString
            let version = ["--cacert", caFile, "-o", "/dev/null", "-w", "%{http_version}"]
            for (options, expected) in [(["--http2"], "2"), (["--http1.1"], "1.1"), (["--http2", "--no-alpn"], "1.1")] {
                let result = try await Curl.run(version + options + [https])
                #expect(result.status == 0, "\(options): \(result.stderr)")
                #expect(result.text == expected, "\(options)")
            }

            // Several requests over one multiplexed connection: only the first connects.
            let paths = ["about", "products/3", "static/site.css"]
            let reused = try await Curl.run(
                ["--cacert", caFile, "--http2", "-w", "%{http_version} %{num_connects}\n"]
                    + paths.flatMap { ["-o", "/dev/null", zoo.good.httpsURL.appending(path: $0).absoluteString] }
            )
            #expect(reused.status == 0, "\(reused.stderr)")
            #expect(reused.text == "2 1\n2 0\n2 0\n")
        }
    }

    @Test func goodProviderServesTheSameResponsesOverHTTP2AsOverHTTP11() async throws {
        try await withZoo { zoo, scratch in
            let caFile = try scratch.writeCA(of: zoo)
            let paths = ["", "about", "products/17", "login", "products/999", "robots.txt", "static/site.css"]
            for path in paths {
                let url = zoo.good.httpsURL.appending(path: path).absoluteString
                let h1 = try await Curl.run(["--cacert", caFile, "--http1.1", "-D", "-", url])
                let h2 = try await Curl.run(["--cacert", caFile, "--http2", "-D", "-", url])
                #expect(h1.status == 0 && h2.status == 0, "\(path): \(h1.stderr) \(h2.stderr)")
                let (head1, body1) = h1.splitResponse()
                let (head2, body2) = h2.splitResponse()
                // curl prints an HTTP/2 status line as `HTTP/2 200 ` (no reason phrase, trailing space).
                let status = head1.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "?"
                #expect(head2.first == "HTTP/2 \(status) ", "\(path): \(head2.first ?? "")")
                // The CSP nonce is fresh in every response, so it is masked before comparing.
                #expect(
                    Array(head2.dropFirst()).map(maskingNonce)
                        == head1.dropFirst().map(lowerCasingName).map(maskingNonce),
                    "\(path)"
                )
                for line in head2.dropFirst() {
                    let name = line.prefix { $0 != ":" }
                    #expect(name == name.lowercased(), "\(path): \(line)")
                    #expect(!["connection", "keep-alive", "transfer-encoding"].contains(name), "\(path): \(line)")
                }
                #expect(body2 == body1, "\(path)")
                #expect(!body2.isEmpty, "\(path)")
            }

            let login = zoo.good.httpsURL.appending(path: "login").absoluteString
            let headOnly = try await Curl.run(["--cacert", caFile, "--http2", "-I", login])
            #expect(headOnly.splitResponse().head.first == "HTTP/2 200 ")
            #expect(headOnly.splitResponse().head.contains { $0.hasPrefix("content-length: ") })
            #expect(headOnly.splitResponse().body.isEmpty)
            let posted = try await Curl.run(
                [
                    "--cacert", caFile, "--http2", "-d", "email=a%40b.example&password=secret", "-w", "|%{http_code}",
                    login,
                ]
            )
            #expect(posted.status == 0, "\(posted.stderr)")
            #expect(posted.text.hasSuffix("|200"))
            #expect(posted.text.contains("<form action=\"/login\" method=\"post\">"))
        }
    }

    @Test func badProviderAndFixturesStayOnHTTP11() async throws {
        try await withZoo { zoo, scratch in
            let caFile = try scratch.writeCA(of: zoo)
            for url in [zoo.bad.httpsURL, zoo.fixturesHTTPS.appending(path: "ok"), zoo.bad.httpURL] {
                let result = try await Curl.run(
                    ["--cacert", caFile, "--http2", "-o", "/dev/null", "-w", "%{http_version}", url.absoluteString]
                )
                #expect(result.status == 0, "\(url): \(result.stderr)")
                #expect(result.text == "1.1", "\(url)")
            }
        }
    }

    // MARK: Bad provider

    @Test func badProviderServesTheSameLeakyContentOnHTTPAndHTTPS() async throws {
        try await withZoo { zoo, scratch in
            let caFile = try scratch.writeCA(of: zoo)
            var bodies: [String] = []
            for base in [zoo.bad.httpURL, zoo.bad.httpsURL] {
                let result = try await Curl.run(["--cacert", caFile, "-D", "-", base.absoluteString])
                #expect(result.status == 0, "\(result.stderr)")
                let (head, body) = result.splitResponse()
                #expect(head.first == "HTTP/1.1 200 OK")
                #expect(head.contains("Server: Apache/2.4.29 (Ubuntu)"))
                #expect(head.contains("X-Powered-By: PHP/7.1.3"))
                #expect(head.contains("Set-Cookie: SESSIONID=abc123; Path=/"))
                for missing in ["strict-transport-security", "content-security-policy", "x-frame-options"] {
                    #expect(!head.contains { $0.lowercased().hasPrefix(missing) }, "unexpected \(missing)")
                }
                #expect(body.hasPrefix("<html>\n"))
                #expect(!body.contains("<title>"))
                #expect(body.contains("<img src=\"/images/logo.gif\" width=\"200\" height=\"50\">"))
                #expect(!body.contains("alt="))
                #expect(body.utf8.count > 2_000)
                bodies.append(body)
            }
            #expect(bodies.count == 2 && bodies[0] == bodies[1])

            let login = try await Curl.run([
                "--cacert", caFile, zoo.bad.httpsURL.appending(path: "login").absoluteString,
            ])
            let httpOrigin = "http://127.0.0.1:\(zoo.bad.httpURL.port ?? 0)"
            #expect(login.text.contains("<form action=\"\(httpOrigin)/login\""))
            #expect(login.text.contains("href=\"\(httpOrigin)/login\""))
        }
    }

    // MARK: Fixtures

    @Test func duplicateHeadersKeepWireOrderAndCase() async throws {
        try await withZoo { zoo, _ in
            let result = try await Curl.run(["-sS", "-D", "-", "-o", "/dev/null", fixture(zoo, "headers/duplicates")])
            #expect(result.status == 0, "\(result.stderr)")
            let (head, _) = result.splitResponse()
            #expect(
                head == [
                    "HTTP/1.1 200 OK",
                    "Content-Type: text/html; charset=utf-8",
                    "Set-Cookie: first=1; Path=/",
                    "Content-Security-Policy: default-src 'self'",
                    "X-Custom: a",
                    "Set-Cookie: second=2; Path=/; Secure; HttpOnly",
                    "Content-Security-Policy: script-src 'none'",
                    "x-custom: b",
                    "Cache-Control: no-store",
                    "Content-Length: 115",
                ]
            )
        }
    }

    @Test func redirectsChainLoopEscapeAndResolveRelatively() async throws {
        try await withZoo { zoo, _ in
            let format = "%{http_code} %{num_redirects} %{url_effective}"
            let chain = try await Curl.run([
                "-L", "--max-redirs", "10", "-o", "/dev/null", "-w", format, fixture(zoo, "redirect/chain/4"),
            ])
            #expect(chain.status == 0, "\(chain.stderr)")
            #expect(chain.text == "200 4 \(fixture(zoo, "redirect/chain/0"))")

            let hop = try await Curl.run(["-D", "-", "-o", "/dev/null", fixture(zoo, "redirect/chain/2")])
            #expect(hop.splitResponse().head.contains("Location: /redirect/chain/1"))
            #expect(hop.splitResponse().head.first == "HTTP/1.1 302 Found")

            let loop = try await Curl.run([
                "-L", "--max-redirs", "5", "-o", "/dev/null", fixture(zoo, "redirect/loop/a"),
            ])
            #expect(loop.status == 47, "too many redirects: \(loop.stderr)")
            let loopHop = try await Curl.run(["-D", "-", "-o", "/dev/null", fixture(zoo, "redirect/loop/b")])
            #expect(loopHop.splitResponse().head.contains("Location: /redirect/loop/a"))

            let external = try await Curl.run(["-D", "-", "-o", "/dev/null", fixture(zoo, "redirect/external")])
            #expect(external.splitResponse().head.contains("Location: https://portcullis-out-of-scope.invalid/x"))

            let relative = try await Curl.run(["-D", "-", "-o", "/dev/null", fixture(zoo, "redirect/relative")])
            #expect(relative.splitResponse().head.first == "HTTP/1.1 301 Moved Permanently")
            #expect(relative.splitResponse().head.contains("Location: ../ok?x=1"))
            let followed = try await Curl.run([
                "-L", "-o", "/dev/null", "-w", format, fixture(zoo, "redirect/relative"),
            ])
            #expect(followed.text == "200 1 \(fixture(zoo, "ok?x=1"))")
        }
    }

    @Test func gzipBombInflatesToOverOneGibibyteFromAboutOneMebibyte() async throws {
        try await withZoo { zoo, scratch in
            let raw = scratch.url.appending(path: "bomb.gz").path
            let download = try await Curl.run(["-D", "-", "-o", raw, fixture(zoo, "gzip-bomb")])
            #expect(download.status == 0, "\(download.stderr)")
            #expect(download.splitResponse().head.contains("Content-Encoding: gzip"))
            let size = try FileManager.default.attributesOfItem(atPath: raw)[.size] as? Int ?? 0
            #expect(size > 500_000 && size < 3_000_000, "compressed size \(size)")

            // gzip checks the CRC-32 and length trailer while inflating everything.
            let inflated = try await Command.run(
                "/usr/bin/timeout",
                ["60", "/usr/bin/bash", "-c", "set -o pipefail; gzip -dc < '\(raw)' | wc -c"],
                timeLimit: .seconds(70)
            )
            #expect(inflated.status == 0, "\(inflated.stderr)")
            let total = Int(inflated.text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            #expect(total >= 1 << 30, "inflated to \(total) bytes")

            // A client that decodes on the fly and caps what it keeps stops early.
            let capped = try await Command.run(
                "/usr/bin/bash",
                ["-c", "curl -s --compressed --max-time 20 '\(fixture(zoo, "gzip-bomb"))' | head -c 10485760 | wc -c"]
            )
            #expect(capped.text.trimmingCharacters(in: .whitespacesAndNewlines) == "10485760")
        }
    }

    @Test func largeBodyIsExactlyTwentyMebibytesOverHTTPAndHTTPS() async throws {
        try await withZoo { zoo, scratch in
            let caFile = try scratch.writeCA(of: zoo)
            for base in [zoo.fixturesHTTP, zoo.fixturesHTTPS] {
                let url = base.appending(path: "large").absoluteString
                let result = try await Curl.run(
                    ["--cacert", caFile, "-o", "/dev/null", "-w", "%{http_code} %{size_download}", url],
                    maxTime: 60
                )
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.text == "200 \(20 * 1024 * 1024)")
            }
        }
    }

    @Test func endlessStreamsChunksUntilTheClientLeaves() async throws {
        try await withZoo { zoo, _ in
            let head = try await Curl.run([
                "-D", "-", "-o", "/dev/null", "--max-filesize", "1", "--max-time", "2", fixture(zoo, "endless"),
            ])
            #expect(head.splitResponse().head.contains("Transfer-Encoding: chunked"))
            let capped = try await Command.run(
                "/usr/bin/bash",
                ["-c", "curl -s --max-time 20 '\(fixture(zoo, "endless"))' | head -c 8388608 | wc -c"]
            )
            #expect(capped.text.trimmingCharacters(in: .whitespacesAndNewlines) == "8388608")
            // The server is still healthy after the client walked away mid-stream.
            let ok = try await Curl.run(["-w", "%{http_code}", "-o", "/dev/null", fixture(zoo, "ok")])
            #expect(ok.text == "200")
        }
    }

    @Test func slowDripAndHangTimeOutOnTheClient() async throws {
        try await withZoo { zoo, _ in
            let clock = ContinuousClock()
            let started = clock.now
            let drip = try await Curl.run(["-o", "-", "-w", "|%{http_code}", fixture(zoo, "slow-drip")], maxTime: 2)
            #expect(drip.status == 28, "\(drip.stderr)")
            let parts = drip.text.split(separator: "|", omittingEmptySubsequences: false)
            #expect(parts.last == "200")
            #expect((1...5).contains(parts.first?.count ?? 0), "dripped \(parts.first ?? "")")

            let hang = try await Curl.run(["-o", "/dev/null", "-w", "%{http_code}", fixture(zoo, "hang")], maxTime: 1)
            #expect(hang.status == 28, "\(hang.stderr)")
            #expect(hang.text == "000")
            #expect(
                clock.now - started < .seconds(60),
                "bounded by the 1-2 s client timeouts, even on a loaded machine"
            )
        }
    }

    @Test func malformedHeadersReachTheWireVerbatim() async throws {
        try await withZoo { zoo, _ in
            let raw = try await RawTCP.exchange(
                port: zoo.fixturesHTTP.port ?? 0,
                request: "GET /malformed-headers HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            )
            #expect(raw.contains("\r\nThis header line has no colon\r\n"))
            #expect(raw.contains("\r\nX-Long: " + String(repeating: "a", count: 8192) + "\r\n"))
            #expect(raw.contains("\r\nX-Folded: first part\r\n continued on an obs-fold line\r\n"))
            #expect(raw.hasSuffix("<p>Body after malformed headers.</p></body></html>\n"))
        }
    }

    @Test func charsetFixturesCarryTheRightBytesAndLabels() async throws {
        try await withZoo { zoo, _ in
            let expectations: [(path: String, contentType: String, cafe: [UInt8], meta: Bool)] = [
                ("charset/latin1", "Content-Type: text/html; charset=ISO-8859-1", [0x43, 0x61, 0x66, 0xE9], true),
                ("charset/meta", "Content-Type: text/html", [0x43, 0x61, 0x66, 0xE9], true),
                ("charset/none", "Content-Type: text/html", [0x43, 0x61, 0x66, 0xC3, 0xA9], false),
            ]
            for expected in expectations {
                let result = try await Curl.run(["-D", "-", fixture(zoo, expected.path)])
                #expect(result.status == 0)
                let (head, _) = result.splitResponse()
                #expect(head.contains(expected.contentType), "\(expected.path): \(head)")
                let bytes = [UInt8](result.stdout)
                #expect(bytes.windows(ofCount: expected.cafe.count).contains(expected.cafe), "\(expected.path)")
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(text.contains("<meta charset=\"iso-8859-1\">") == expected.meta, "\(expected.path)")
            }
        }
    }

    @Test func jsonStatusPagesAndKeepAlive() async throws {
        try await withZoo { zoo, _ in
            let json = try await Curl.run(["-D", "-", fixture(zoo, "json")])
            #expect(json.splitResponse().head.contains("Content-Type: application/json"))
            #expect(json.splitResponse().body.hasPrefix("{\"name\":\"portcullis-fixtures\""))

            for (code, line) in [(418, "HTTP/1.1 418 I'm a teapot"), (503, "HTTP/1.1 503 Service Unavailable")] {
                let status = try await Curl.run(["-D", "-", fixture(zoo, "status/\(code)")])
                #expect(status.splitResponse().head.first == line)
                #expect(status.splitResponse().body == "status \(code)\n")
            }
            let noContent = try await Curl.run(["-D", "-", fixture(zoo, "status/204")])
            #expect(noContent.splitResponse().head.first == "HTTP/1.1 204 No Content")
            #expect(!noContent.splitResponse().head.contains { $0.hasPrefix("Content-Length") })
            let invalid = try await Curl.run(["-w", "%{http_code}", "-o", "/dev/null", fixture(zoo, "status/abc")])
            #expect(invalid.text == "400")

            let page = try await Curl.run([fixture(zoo, "page/41")])
            #expect(page.text.contains("href=\"/page/42\""))
            #expect((1_500...3_000).contains(page.stdout.count), "page size \(page.stdout.count)")
            let huge = try await Curl.run(["-w", "%{http_code}", "-o", "/dev/null", fixture(zoo, "page/\(Int.max)")])
            #expect(huge.text == "200")

            // Three requests over one connection: only the first connects.
            let reused = try await Curl.run(
                ["-o", "/dev/null", "-o", "/dev/null", "-o", "/dev/null", "-w", "%{num_connects}\n"]
                    + ["page/1", "page/2", "large"].map { fixture(zoo, $0) },
                maxTime: 30
            )
            #expect(reused.text == "1\n0\n0\n")

            let headOnly = try await Curl.run(["-I", fixture(zoo, "ok")])
            #expect(headOnly.splitResponse().head.first == "HTTP/1.1 200 OK")
            #expect(headOnly.splitResponse().body.isEmpty)
        }
    }

    @Test func headRequestsGetHeadersOnlyAndPostBodiesAreAccepted() async throws {
        try await withZoo { zoo, scratch in
            let large = try await Curl.run(["-I", fixture(zoo, "large")])
            #expect(large.splitResponse().head.contains("Content-Length: \(20 * 1024 * 1024)"))
            #expect(large.splitResponse().body.isEmpty)

            let caFile = try scratch.writeCA(of: zoo)
            let login = zoo.good.httpsURL.appending(path: "login").absoluteString
            let posted = try await Curl.run(
                ["--cacert", caFile, "-d", "email=a%40b.example&password=secret", "-w", "|%{http_code}", login]
            )
            #expect(posted.status == 0, "\(posted.stderr)")
            #expect(posted.text.hasSuffix("|200"))
            #expect(posted.text.contains("<form action=\"/login\" method=\"post\">"))
        }
    }

    @Test func garbageRequestsGetA400AndTheServerCarriesOn() async throws {
        try await withZoo { zoo, _ in
            let raw = try await RawTCP.exchange(port: zoo.fixturesHTTP.port ?? 0, request: "NOT HTTP AT ALL\r\n\r\n")
            #expect(raw.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
            let ok = try await Curl.run(["-w", "%{http_code}", "-o", "/dev/null", fixture(zoo, "ok")])
            #expect(ok.text == "200")
        }
    }

    // MARK: Shutdown

    @Test func shutdownIsPromptClosesEveryPortAndCanRepeat() async throws {
        let clock = ContinuousClock()
        for _ in 0..<3 {
            let zoo = try await DemoProviderZoo.start()
            // A connection the server would otherwise hold for 120 s.
            async let hanging = Curl.run(
                ["-o", "/dev/null", zoo.fixturesHTTP.appending(path: "hang").absoluteString],
                maxTime: 20
            )
            try await Task.sleep(for: .milliseconds(300))
            let started = clock.now
            try await zoo.shutdown()
            #expect(clock.now - started < .seconds(10), "shutdown took \(clock.now - started)")
            let hung = try await hanging
            #expect(hung.status != 28, "the hanging connection ended with the zoo, not with curl's timer")
            try await zoo.shutdown()

            let refused = try await Curl.run([zoo.fixturesHTTP.appending(path: "ok").absoluteString], maxTime: 5)
            // Refused (7), or a TLS failure (35) when a zoo of a parallel test has already bound the freed port: either
            // way nothing of this zoo answers. A stall (28) or a reset (56) means a child process inherited the
            // listening socket and kept the port open (see ChildProcessTests).
            #expect([7, 35].contains(refused.status), "no connection after shutdown: \(refused.stderr)")
        }
    }

    @Test func shutdownPromptlyClosesOpenHTTP2Connections() async throws {
        let clock = ContinuousClock()
        let zoo = try await DemoProviderZoo.start()
        let port = zoo.good.httpsURL.port ?? 0
        // An idle HTTP/2 connection: s_client negotiates h2, then waits (stdin is empty) until the server closes.
        async let idle = Command.run(
            "/usr/bin/timeout",
            ["20", "/usr/bin/openssl", "s_client", "-connect", "127.0.0.1:\(port)", "-alpn", "h2", "-ign_eof"],
            timeLimit: .seconds(30)
        )
        // Give s_client time to finish its handshake even on a loaded machine (1 s and 3 s were too short while
        // the TLS zoo suite runs beside it).
        try await Task.sleep(for: .seconds(8))
        let started = clock.now
        try await zoo.shutdown()
        #expect(clock.now - started < .seconds(10), "shutdown took \(clock.now - started)")
        let closed = try await idle
        #expect(closed.text.contains("ALPN protocol: h2"), "\(closed.stderr)")
        #expect(closed.status != 124, "the HTTP/2 connection ended with the zoo, not with the time limit")
        #expect(clock.now - started < .seconds(10))

        let refused = try await Curl.run(["--http2", zoo.good.httpsURL.absoluteString], maxTime: 5)
        // Refused (7), or a TLS failure (35) when a zoo of a parallel test has already bound the freed port: either
        // way nothing of this zoo answers any more.
        #expect([7, 35].contains(refused.status), "no connection after shutdown: \(refused.stderr)")
    }
}

/// The demo sites as crawl targets: link structure, robots.txt and sitemaps, traps, hostile fixtures and the
/// benchmark site, checked with curl (one `--max-time` per call) and independent parsers (`gzip`, `XMLParser`).
@Suite struct CrawlableDemoSitesTests {
    // MARK: Good provider

    @Test func everyGoodProviderPageIsLinkedFromHomeAndClean() async throws {
        try await withZoo { zoo, scratch in
            let caFile = try scratch.writeCA(of: zoo)
            var reached: Set<String> = ["/"]
            var queue = ["/"]
            var index = 0
            while index < queue.count, index < 100 {
                let path = queue[index]
                index += 1
                let body = try await Self.expectCleanGoodPage(zoo, caFile: caFile, path: path)
                for link in Self.hrefs(in: body) where link.hasPrefix("/") && !link.hasPrefix("/static/") {
                    if reached.insert(link).inserted {
                        queue.append(link)
                    }
                }
            }
            let expected: Set<String> = Set(
                ["/", "/about", "/products", "/login", "/help", "/private/", "/private/reports", "/private/staff"]
                    + ["shipping", "returns", "payment", "accessibility"].map { "/help/\($0)" }
                    + (1...24).map { "/products/\($0)" }
            )
            #expect(
                reached == expected,
                "unexpected: \(reached.subtracting(expected)), missing: \(expected.subtracting(reached))"
            )
            #expect(reached.count >= 30)

            // Pages only the sitemaps list: served and clean, but linked from nowhere.
            for path in ["/landing/spring", "/landing/summer", "/products/clearance"] {
                #expect(!reached.contains(path))
                _ = try await Self.expectCleanGoodPage(zoo, caFile: caFile, path: path)
            }
        }
    }

    @Test func goodProviderRobotsAndSitemapIndexDescribeTheSite() async throws {
        try await withZoo { zoo, scratch in
            let caFile = try scratch.writeCA(of: zoo)
            let origin = "https://127.0.0.1:\(zoo.good.httpsURL.port ?? 0)"
            func get(_ path: String) async throws -> CommandResult {
                try await Curl.run(["--cacert", caFile, "--http1.1", "-D", "-", origin + path])
            }
            let robots = try await get("/robots.txt")
            #expect(robots.splitResponse().head.contains("Content-Type: text/plain; charset=utf-8"))
            #expect(
                robots.splitResponse().body == "User-agent: *\nDisallow: /private/\n\nSitemap: \(origin)/sitemap.xml\n"
            )
            let home = try await get("/")
            #expect(home.text.contains("<a href=\"/private/\">"), "only robots.txt keeps a crawler out of /private/")

            let index = try await get("/sitemap.xml")
            #expect(index.splitResponse().head.contains("Content-Type: application/xml"))
            let indexXML = try #require(SitemapParse(Data(index.splitResponse().body.utf8)))
            #expect(indexXML.root == "sitemapindex")
            #expect(indexXML.locations == ["\(origin)/sitemap-pages.xml", "\(origin)/sitemap-products.xml.gz"])

            let pages = try await get("/sitemap-pages.xml")
            let pagesXML = try #require(SitemapParse(Data(pages.splitResponse().body.utf8)))
            #expect(pagesXML.root == "urlset")
            #expect(pagesXML.locations.contains("\(origin)/landing/spring"))
            #expect(pagesXML.locations.contains("\(origin)/help/returns"))
            #expect(!pagesXML.locations.contains { $0.contains("/private/") })

            let gzipped = scratch.url.appending(path: "products.xml.gz").path
            let download = try await Curl.run([
                "--cacert", caFile, "--http1.1", "-D", "-", "-o", gzipped, origin + "/sitemap-products.xml.gz",
            ])
            let head = download.splitResponse().head
            #expect(head.contains("Content-Type: application/gzip"), "\(head)")
            #expect(!head.contains { $0.lowercased().hasPrefix("content-encoding") }, "a gzip file, not a coding")
            let inflated = try await Command.run("/usr/bin/gzip", ["-dc", gzipped])
            #expect(inflated.status == 0, "\(inflated.stderr)")
            let productsXML = try #require(SitemapParse(inflated.stdout))
            #expect(productsXML.root == "urlset")
            #expect(
                productsXML.locations == (1...24).map { "\(origin)/products/\($0)" } + ["\(origin)/products/clearance"]
            )
        }
    }

    // MARK: Bad provider

    @Test func badProviderHasTwentyOrdinaryPagesAndHostileLinks() async throws {
        try await withZoo { zoo, _ in
            let base = "http://127.0.0.1:\(zoo.bad.httpURL.port ?? 0)"
            var reached: Set<String> = ["/"]
            var queue = ["/"]
            var index = 0
            while index < queue.count, index < 100 {
                let path = queue[index]
                index += 1
                let page = try await Curl.run(["-D", "-", base + path])
                let (head, body) = page.splitResponse()
                guard path != "/redirect-out" else {
                    #expect(head.first == "HTTP/1.1 302 Found")
                    #expect(head.contains("Location: http://169.254.169.254/latest/meta-data/"))
                    continue
                }
                #expect(head.first == "HTTP/1.1 200 OK", "\(path)")
                #expect(!body.contains("<title>") && !body.contains("<html lang"), "\(path)")
                #expect(!head.contains { $0.hasPrefix("Content-Security-Policy") }, "\(path)")
                for link in Self.hrefs(in: body) where link.hasPrefix("/") {
                    // The traps and the backup download are checked on their own.
                    let isTrap = link.hasPrefix("/events") || link.hasPrefix("/docs/") || link.hasSuffix(".gz")
                    if !isTrap, reached.insert(link).inserted {
                        queue.append(link)
                    }
                }
            }
            #expect(reached.count >= 20, "\(reached.sorted())")
            #expect(reached.isSuperset(of: ["/admin/", "/backup/", "/partners", "/redirect-out", "/articles/12"]))

            let partners = try await Curl.run([base + "/partners"])
            #expect(partners.text.contains("<a href=\"https://cdn.partner.example/x\">"))
            #expect(partners.text.contains("<a href=\"http://10.0.0.5/internal\">"))
            let robots = try await Curl.run([base + "/robots.txt"])
            #expect(robots.text == "User-agent: *\nDisallow: /admin/\nDisallow: /backup/\n")
        }
    }

    @Test func calendarTrapLinksMonthsOnwardForever() async throws {
        try await withZoo { zoo, _ in
            let base = "http://127.0.0.1:\(zoo.bad.httpURL.port ?? 0)"
            var month = "2026-01"
            var seen: [String] = [month]
            for _ in 0..<14 {
                let page = try await Curl.run([base + "/events?month=" + month])
                #expect(page.text.contains("What's on in \(month)"))
                let previous = page.text.matches(of: #/href="/events\?month=([0-9]{4,}-[0-9]{2})">&laquo;/#)
                let next = page.text.matches(of: #/href="/events\?month=([0-9]{4,}-[0-9]{2})">[0-9-]+ &raquo;/#)
                #expect(previous.count == 1 && next.count == 1, "one link to the previous and one to the next month")
                let months = next.map { String($0.1) }
                month = try #require(months.last)
                seen.append(month)
            }
            #expect(seen.last == "2027-03")
            #expect(Set(seen).count == seen.count && seen == seen.sorted(), "\(seen)")

            let fallback = try await Curl.run([base + "/events?month=13-2026"])
            #expect(fallback.text.contains("What's on in 2026-01"))
            let last = try await Curl.run([base + "/events?month=9999999-12"])
            #expect(last.text.contains("9999999-11"))
            #expect(!last.text.contains("10000000-01"), "years stay bounded")
        }
    }

    @Test func docsTrapGrowsThePathWithEveryRelativeLink() async throws {
        try await withZoo { zoo, _ in
            let base = "http://127.0.0.1:\(zoo.bad.httpURL.port ?? 0)"
            var path = "/docs/"
            for depth in 1...8 {
                let page = try await Curl.run(["-w", "|%{http_code}", base + path])
                #expect(page.text.hasSuffix("|200"), "\(path)")
                #expect(page.text.contains("Reader help (section \(depth))"))
                #expect(page.text.contains("<a href=\"docs/\">"))
                path += "docs/"
            }
            #expect(path == "/" + String(repeating: "docs/", count: 9))
        }
    }

    // MARK: Fixture server

    @Test func fixtureRobotsAndCrawlStartLinkTheHostileFixtures() async throws {
        try await withZoo { zoo, _ in
            let robots = try await Curl.run(["-D", "-", fixture(zoo, "robots.txt")])
            #expect(robots.splitResponse().body == "User-agent: *\nDisallow: /crawl/private/\n")
            let start = try await Curl.run([fixture(zoo, "crawl/start")])
            let links = Self.hrefs(in: start.text)
            #expect(
                links == [
                    "/crawl/infinite/0", "/crawl/non-utf8", "/crawl/5mb", "/crawl/reset", "/redirect/loop/a",
                    "/gzip-bomb", "/crawl/private/x", "/site/0",
                ]
            )
            let codes = try await Curl.run(
                ["-w", "%{http_code}\n"]
                    + ["crawl/private/x", "site/0", "crawl/nothing", "crawl"].flatMap {
                        ["-o", "/dev/null", fixture(zoo, $0)]
                    }
            )
            #expect(codes.text == "200\n200\n404\n404\n")
        }
    }

    @Test func infiniteLinksNeverRepeatAndTheirQueriesGrow() async throws {
        try await withZoo { zoo, _ in
            var next = "/crawl/infinite/0"
            var visited: Set<String> = []
            var queryLengths: [Int] = []
            for step in 0..<20 {
                let page = try await Curl.run([fixture(zoo, String(next.dropFirst()))])
                #expect(page.text.contains("Endless page \(step)"))
                let links = Self.hrefs(in: page.text)
                #expect(links.count == 2)
                #expect(links.last?.hasPrefix("/crawl/infinite/\(step + 2)?s=") == true)
                for link in links {
                    #expect(visited.insert(link).inserted, "\(link) repeats")
                }
                next = try #require(links.first)
                #expect(next.hasPrefix("/crawl/infinite/\(step + 1)?s="))
                queryLengths.append(next.count - "/crawl/infinite/\(step + 1)?s=".count)
            }
            #expect(queryLengths == (1...20).map { $0 * 8 }, "the carried query grows by 8 characters a step")

            let edge = Int.max - 2
            let codes = try await Curl.run(
                ["-w", "%{http_code}\n"]
                    + ["\(edge)", "\(edge + 1)", "-1", "x"].flatMap {
                        ["-o", "/dev/null", fixture(zoo, "crawl/infinite/\($0)")]
                    }
            )
            #expect(codes.text == "200\n404\n404\n404\n")
        }
    }

    @Test func resetRouteAbortsTheConnectionAndTheServerCarriesOn() async throws {
        try await withZoo { zoo, _ in
            let reset = try await Curl.run(["-o", "/dev/null", fixture(zoo, "crawl/reset")])
            #expect(reset.status == 56, "SO_LINGER 0 makes it a reset, not an empty reply (52): \(reset.stderr)")
            let ok = try await Curl.run(["-w", "%{http_code}", "-o", "/dev/null", fixture(zoo, "ok")])
            #expect(ok.text == "200")
        }
    }

    @Test func oversizedRobotsAndSitemapsAreWhatTheyClaim() async throws {
        try await withZoo { zoo, scratch in
            let huge = try await Curl.run(["-D", "-", fixture(zoo, "crawl/robots/huge")])
            let hugeBody = huge.splitResponse().body
            #expect(hugeBody.utf8.count == 2 * 1024 * 1024)
            #expect(hugeBody.hasPrefix("User-agent: *\nDisallow: /generated/0/\n"))
            #expect(huge.splitResponse().head.contains("Content-Length: 2097152"))

            let garbage = try await Curl.run([fixture(zoo, "crawl/robots/garbage")])
            #expect(garbage.stdout.count == 64 * 1024)
            #expect(garbage.stdout.contains(0) && garbage.stdout.contains(0xFF))
            #expect(String(validating: [UInt8](garbage.stdout), as: UTF8.self) == nil, "binary, not UTF-8")

            let sitemap = try await Curl.run([fixture(zoo, "crawl/sitemap/huge")], maxTime: 30)
            let parsed = try #require(SitemapParse(sitemap.stdout))
            #expect(parsed.root == "urlset")
            #expect(parsed.locations.count == 60_000)
            #expect(Set(parsed.locations).count == 60_000)
            #expect(parsed.locations.last == fixture(zoo, "page/59999"))
            let again = try await Curl.run([fixture(zoo, "crawl/sitemap/huge")], maxTime: 30)
            #expect(again.stdout == sitemap.stdout)

            let malformed = try await Curl.run([fixture(zoo, "crawl/sitemap/malformed")])
            #expect(malformed.text.hasPrefix("<?xml"))
            // Foundation's XMLParser on Linux accepts this truncated document, so the checks are textual.
            let text = malformed.text
            #expect(text.hasSuffix("<url><loc>\(fixture(zoo, "page/3"))</lo"), "cut off inside an end tag")
            #expect(!text.contains("</urlset>"))
            #expect(
                text.components(separatedBy: "<url>").count == 4 && text.components(separatedBy: "</url>").count == 2
            )
            #expect(text.contains("<lastmod>2025-13-45</lastmod>"), "an impossible date")

            let bombFile = scratch.url.appending(path: "bomb.gz").path
            let bomb = try await Curl.run(["-D", "-", "-o", bombFile, fixture(zoo, "crawl/sitemap/bomb")])
            #expect(bomb.splitResponse().head.contains("Content-Type: application/gzip"))
            #expect(!bomb.splitResponse().head.contains { $0.lowercased().hasPrefix("content-encoding") })
            let size = try FileManager.default.attributesOfItem(atPath: bombFile)[.size] as? Int ?? 0
            #expect(size > 500_000 && size < 3_000_000, "compressed size \(size)")
            let inflated = try await Command.run(
                "/usr/bin/bash",
                ["-c", "gzip -dc < '\(bombFile)' 2>/dev/null | head -c 20971520 | wc -c"]
            )
            #expect(inflated.text.trimmingCharacters(in: .whitespacesAndNewlines) == "20971520")
        }
    }

    @Test func hugeAndNonUTF8PagesAndTheOneBytePerSecondServer() async throws {
        try await withZoo { zoo, _ in
            let big = try await Curl.run([fixture(zoo, "crawl/5mb")], maxTime: 30)
            #expect(big.stdout.count == 5 * 1024 * 1024)
            let bigText = big.text
            #expect(bigText.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
            #expect(bigText.hasSuffix("</body></html>\n"))
            // Plain splitting rather than a regex: 5 MiB is a lot for a debug-built matcher.
            let links = bigText.components(separatedBy: "<a href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(links.count > 10_000)
            #expect(Set(links).count == 1_000)

            let odd = try await Curl.run(["-D", "-", fixture(zoo, "crawl/non-utf8")])
            let bytes = [UInt8](odd.stdout)
            #expect(String(validating: bytes, as: UTF8.self) == nil, "the page carries raw non-UTF-8 bytes")
            for raw in [Array("href=\"/caf".utf8) + [0xE9, 0x22], [0x3D, 0xC3, 0x28, 0x22], Array("/%FF%FE".utf8)] {
                #expect(bytes.windows(ofCount: raw.count).contains(raw), "\(raw)")
            }
            #expect(odd.splitResponse().head.contains("Content-Type: text/html; charset=utf-8"))

            let clock = ContinuousClock()
            let started = clock.now
            let drip = try await Curl.run(
                ["-o", "-", "-w", "|%{http_code}", fixture(zoo, "crawl/one-byte-per-second")],
                maxTime: 3
            )
            #expect(drip.status == 28, "\(drip.stderr)")
            let parts = drip.text.split(separator: "|", omittingEmptySubsequences: false)
            #expect(parts.last == "200")
            #expect((1...4).contains(parts.first?.count ?? 0), "dripped \(parts.first ?? "")")
            #expect(clock.now - started < .seconds(10))
        }
    }

    // MARK: Benchmark site

    @Test func benchmarkSiteIsReachableFromPageZeroWithinFifteenLevels() async throws {
        try await withZoo(siteSize: 200) { zoo, _ in
            #expect(zoo.siteSize == 200)
            var depth: [Int: Int] = [0: 0]
            var level = [0]
            var levels = 0
            while !level.isEmpty, levels < 50 {
                let format = "\n@@%{http_code} %{url_effective}@@\n"
                let fetched = try await Curl.run(
                    ["-w", format] + level.map { fixture(zoo, "site/\($0)") },
                    maxTime: 30
                )
                #expect(fetched.status == 0, "\(fetched.stderr)")
                let codes = fetched.text.matches(of: #/@@([0-9]{3}) /#).map { String($0.1) }
                #expect(codes == Array(repeating: "200", count: level.count))
                var next: [Int] = []
                for match in fetched.text.matches(of: #/href="/site/([0-9]+)"/#) {
                    let page = try #require(Int(match.1))
                    if depth[page] == nil {
                        depth[page] = levels + 1
                        next.append(page)
                    }
                }
                level = next
                levels += 1
            }
            #expect(depth.count == 200, "every page is reachable from /site/0")
            #expect(Set(depth.keys) == Set(0..<200))
            #expect((4...15).contains(depth.values.max() ?? 0), "BFS depth \(depth.values.max() ?? 0)")

            let outside = try await Curl.run(["-w", "%{http_code}", "-o", "/dev/null", fixture(zoo, "site/200")])
            #expect(outside.text == "404")
        }
    }

    @Test func benchmarkPagesAreCleanRealisticAndKeptAlive() async throws {
        try await withZoo { zoo, scratch in
            let caFile = try scratch.writeCA(of: zoo)
            for base in [zoo.fixturesHTTP, zoo.fixturesHTTPS] {
                let result = try await Curl.run(["--cacert", caFile, "-D", "-", base.absoluteString + "/site/1234"])
                let (head, body) = result.splitResponse()
                #expect(head.first == "HTTP/1.1 200 OK")
                for prefix in [
                    "Content-Security-Policy: default-src 'self'", "X-Content-Type-Options: nosniff",
                    "X-Frame-Options: DENY", "Content-Type: text/html; charset=utf-8",
                ] {
                    #expect(head.contains { $0.hasPrefix(prefix) }, "\(base) lacks \(prefix)")
                }
                let hasHSTS = head.contains { $0.hasPrefix("Strict-Transport-Security: max-age=") }
                #expect(hasHSTS == (base.scheme == "https"), "\(base)")
                #expect((2_500...4_000).contains(body.utf8.count), "page size \(body.utf8.count)")
                #expect(body.contains("<html lang=\"en\">"))
                #expect(body.contains("<title>Field guide entry 1234 - Portcullis benchmark</title>"))
                #expect(Self.imagesWithoutAlt(in: body) == 0)
                #expect(
                    Self.hrefs(in: body).filter { $0.hasPrefix("/site/") && !$0.hasPrefix("/site/static/") }.count >= 9
                )
            }
            let assets = try await Curl.run(
                ["-w", "%{http_code} %{content_type} %{num_connects}\n"]
                    + ["site/static/logo.gif", "site/static/site.css", "site/0", "site/1999", "site/2000"].flatMap {
                        ["-o", "/dev/null", fixture(zoo, $0)]
                    }
            )
            #expect(
                assets.text
                    == "200 image/gif 1\n200 text/css; charset=utf-8 0\n200 text/html; charset=utf-8 0\n"
                    + "200 text/html; charset=utf-8 0\n404 text/html; charset=utf-8 0\n"
            )
        }
    }

    @Test(arguments: [0, -1, DemoProviderZoo.maxSiteSize + 1])
    func outOfRangeSiteSizesAreRejected(siteSize: Int) async throws {
        let error = await #expect(throws: DemoProvidersError.self) {
            _ = try await DemoProviderZoo.start(siteSize: siteSize)
        }
        #expect(error?.code == .invalidArgument)
    }

    // MARK: Helpers

    /// Every `href` value in `html`, in document order.
    static func hrefs(in html: String) -> [String] {
        html.matches(of: #/href="([^"]*)"/#).map { String($0.1) }
    }

    /// How many `<img>` tags lack a non-empty `alt`.
    static func imagesWithoutAlt(in html: String) -> Int {
        html.matches(of: #/<img\b[^>]*>/#).filter { $0.0.firstMatch(of: #/\salt="[^"]+"/#) == nil }.count
    }

    /// Fetches a good-provider page over HTTPS and checks its status, full header set, `lang`, title and alt texts.
    static func expectCleanGoodPage(_ zoo: DemoProviderZoo, caFile: String, path: String) async throws -> String {
        let url = "https://127.0.0.1:\(zoo.good.httpsURL.port ?? 0)\(path)"
        let result = try await Curl.run(["--cacert", caFile, "--http1.1", "-D", "-", url])
        #expect(result.status == 0, "\(path): \(result.stderr)")
        let (head, body) = result.splitResponse()
        #expect(head.first == "HTTP/1.1 200 OK", "\(path)")
        for prefix in [
            "Strict-Transport-Security: max-age=", "Content-Security-Policy: default-src 'self'",
            "X-Content-Type-Options: nosniff", "X-Frame-Options: DENY", "Content-Type: text/html; charset=utf-8",
        ] {
            #expect(head.contains { $0.hasPrefix(prefix) }, "\(path) lacks \(prefix)")
        }
        #expect(body.contains("<html lang=\"en\">"), "\(path)")
        #expect(body.firstMatch(of: #/<title>[^<]+</title>/#) != nil, "\(path)")
        #expect(imagesWithoutAlt(in: body) == 0, "\(path)")
        #expect(!body.contains("<script") && !body.contains("style="), "\(path): the CSP forbids inline code")
        return body
    }
}

// MARK: - Helpers

/// Starts a zoo and a scratch folder, runs `body`, and always shuts the zoo down and removes the folder.
private func withZoo(
    siteSize: Int = 2_000,
    _ body: (DemoProviderZoo, Scratch) async throws -> Void
) async throws {
    let zoo = try await DemoProviderZoo.start(siteSize: siteSize)
    let scratch = try Scratch()
    defer { scratch.remove() }
    do {
        try await body(zoo, scratch)
    } catch {
        try await zoo.shutdown()
        throw error
    }
    try await zoo.shutdown()
}

/// A `Name: value` header line with its name lower-cased, as HTTP/2 carries it.
private func lowerCasingName(_ line: String) -> String {
    guard let colon = line.firstIndex(of: ":") else { return line }
    return line[..<colon].lowercased() + line[colon...]
}

/// `base/path` on the plain-HTTP fixture server.
private func fixture(_ zoo: DemoProviderZoo, _ path: String) -> String {
    zoo.fixturesHTTP.absoluteString + "/" + path
}

/// A temporary folder for one test.
private struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "portcullis-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func writeCA(of zoo: DemoProviderZoo) throws -> String {
        let file = url.appending(path: "ca.pem")
        try zoo.writeCACertificate(to: file)
        return file.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// What a finished command printed and how it exited.
private struct CommandResult {
    var status: Int32
    var stdout: Data
    var stderr: String

    var text: String { String(decoding: stdout, as: UTF8.self) }

    /// Splits `-D -` output into header lines (the last response's) and the body after the blank line.
    func splitResponse() -> (head: [String], body: String) {
        let parts = text.components(separatedBy: "\r\n\r\n")
        guard parts.count >= 2 else { return ([], text) }
        let headBlock = parts[parts.count - 2]
        return (headBlock.components(separatedBy: "\r\n"), parts[parts.count - 1])
    }
}

/// Runs a program to completion without blocking the concurrency pool; output goes through temporary files.
private enum Command {
    static func run(
        _ executable: String,
        _ arguments: [String],
        timeLimit: Duration = .seconds(30)
    ) async throws
        -> CommandResult
    {
        let limit = Double(timeLimit.components.seconds) + Double(timeLimit.components.attoseconds) / 1e18
        let finished = try await ChildProcess.run(executable, arguments, timeout: limit)
        return CommandResult(
            status: finished.status,
            stdout: finished.output,
            stderr: String(decoding: finished.errorOutput, as: UTF8.self)
        )
    }
}

/// The real curl, always with `--max-time`, silent but showing errors.
private enum Curl {
    static func run(_ arguments: [String], maxTime: Int = 10) async throws -> CommandResult {
        try await Command.run(
            "/usr/bin/curl",
            ["-sS", "--max-time", String(maxTime)] + arguments,
            timeLimit: .seconds(maxTime + 10)
        )
    }
}

/// Sends raw bytes to 127.0.0.1 through bash's `/dev/tcp` and returns everything the server wrote back.
private enum RawTCP {
    static func exchange(port: Int, request: String) async throws -> String {
        let escaped = request.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        let script = "exec 3<>/dev/tcp/127.0.0.1/\(port) && printf '\(escaped)' >&3 && cat <&3"
        let result = try await Command.run("/usr/bin/timeout", ["10", "/usr/bin/bash", "-c", script])
        return result.text
    }
}

extension Array where Element == UInt8 {
    /// Every run of `count` consecutive bytes.
    fileprivate func windows(ofCount count: Int) -> [[UInt8]] {
        guard count > 0, self.count >= count else { return [] }
        return (0...(self.count - count)).map { Array(self[$0..<($0 + count)]) }
    }
}

/// What an independent XML parser (Foundation's `XMLParser`) finds in a sitemap: the root element and every
/// `<loc>`; `nil` when the document is not well-formed.
private struct SitemapParse: Equatable {
    var root: String
    var locations: [String]

    init?(_ data: Data) {
        let collector = LocationCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse(), let root = collector.root else { return nil }
        self.root = root
        locations = collector.locations
    }
}

/// The `XMLParser` delegate behind ``SitemapParse``.
private final class LocationCollector: NSObject, XMLParserDelegate {
    var root: String?
    var locations: [String] = []
    private var text: String?

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil {
            root = elementName
        }
        text = elementName == "loc" ? "" : nil
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?
    ) {
        if elementName == "loc", let text {
            locations.append(text)
        }
        text = nil
    }
}

/// `line` with every CSP nonce value replaced, so two responses of the same page compare equal.
private func maskingNonce(_ line: String) -> String {
    line.replacingOccurrences(of: #"'nonce-[^']*'"#, with: "'nonce-*'", options: .regularExpression)
}
