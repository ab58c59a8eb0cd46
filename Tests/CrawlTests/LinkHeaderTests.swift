import Crawl
import Testing

/// RFC 8288 `Link` header parsing.
@Suite struct LinkHeaderTests {
    static let cases: [(value: String, expected: [LinkHeaderValue])] = [
        ("", []),
        ("</a>", [LinkHeaderValue(target: "/a", relations: [])]),
        (
            #"<https://example.com/2>; rel="next""#,
            [LinkHeaderValue(target: "https://example.com/2", relations: ["next"])]
        ),
        ("</a>;rel=next", [LinkHeaderValue(target: "/a", relations: ["next"])]),
        ("</a> ; REL = Next ", [LinkHeaderValue(target: "/a", relations: ["next"])]),
        (
            #"</1>; rel="prev", </3>; rel="next""#,
            [LinkHeaderValue(target: "/1", relations: ["prev"]), LinkHeaderValue(target: "/3", relations: ["next"])]
        ),
        (
            #"</a,b;c>; rel="alternate stylesheet""#,
            [LinkHeaderValue(target: "/a,b;c", relations: ["alternate", "stylesheet"])]
        ),
        (
            #"</x>; title="a, b; c"; rel=next, </y>"#,
            [
                LinkHeaderValue(target: "/x", relations: ["next"], parameters: ["title": "a, b; c"]),
                LinkHeaderValue(target: "/y", relations: []),
            ]
        ),
        (
            #"</x>; title="say \"hi\", ok"; rel=next"#,
            [LinkHeaderValue(target: "/x", relations: ["next"], parameters: ["title": #"say "hi", ok"#])]
        ),
        (
            "</f.woff2>; rel=preload; as=font; crossorigin",
            [
                LinkHeaderValue(
                    target: "/f.woff2",
                    relations: ["preload"],
                    parameters: ["as": "font", "crossorigin": ""]
                )
            ]
        ),
        // Only the first rel counts (RFC 8288 §3.3); later duplicates of other parameters are ignored too.
        (
            "</a>; rel=next; rel=prev; type=a; type=b",
            [LinkHeaderValue(target: "/a", relations: ["next"], parameters: ["type": "a"])]
        ),
        (",, </a>,,", [LinkHeaderValue(target: "/a", relations: [])]),
        // Malformed entries are skipped up to the next top-level comma.
        (
            #"garbage; rel=x, "quoted, still garbage", </ok>; rel=next"#,
            [LinkHeaderValue(target: "/ok", relations: ["next"])]
        ),
        ("</unterminated; rel=next", []),
        (
            "</a>; rel=next junk; type=t",
            [LinkHeaderValue(target: "/a", relations: ["next"], parameters: ["type": "t"])]
        ),
        (#"</a>; rel="unterminated"#, [LinkHeaderValue(target: "/a", relations: ["unterminated"])]),
        ("</a>; =x; ;; rel=next", [LinkHeaderValue(target: "/a", relations: ["next"])]),
        ("<>; rel=self", [LinkHeaderValue(target: "", relations: ["self"])]),
    ]

    @Test(arguments: cases)
    func parses(_ sample: (value: String, expected: [LinkHeaderValue])) {
        #expect(LinkHeader.parse(sample.value) == sample.expected)
    }

    @Test func aHugeHeaderIsCappedAndFast() {
        let value = (0..<50_000).map { "</p/\($0)>; rel=next" }.joined(separator: ", ")
        let start = ContinuousClock.now
        let links = LinkHeader.parse(value)
        #expect(links.count == LinkHeader.maxValues)
        #expect(links.first == LinkHeaderValue(target: "/p/0", relations: ["next"]))
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test func binaryNoiseNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<200).map { _ in UInt8.random(in: 0...127, using: &generator) }
            let links = LinkHeader.parse(String(decoding: bytes, as: UTF8.self))
            #expect(links.count <= 200)
        }
    }
}
