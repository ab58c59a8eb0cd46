import Crawl
import Testing

/// `<meta http-equiv=refresh>` content values, per the HTML standard's shared declarative refresh steps.
@Suite struct MetaRefreshTests {
    static let cases: [(content: String, target: String?)] = [
        ("0;url=x", "x"),
        ("0; url=x", "x"),
        ("5; URL='x'", "x"),
        (#"0; url="x""#, "x"),
        ("0; Url = /spaced ", "/spaced"),
        ("0,url=/comma", "/comma"),
        ("0 url=/space-separated", "/space-separated"),
        ("  3  ;  url=/padded  ", "/padded"),
        ("1.5; url=/fraction", "/fraction"),
        (".5; url=/dot", "/dot"),
        ("0; /bare", "/bare"),
        ("0; 'quoted-bare'", "quoted-bare"),
        (#"0; url='a'b'"#, "a"),
        (#"0; url="unterminated"#, "unterminated"),
        ("0; url=/a b", "/a b"),
        ("0; url=https://example.com/?a=1;b=2", "https://example.com/?a=1;b=2"),
        // Without "=", "url" is part of the URL, as written.
        ("0; url /x", "url /x"),
        ("0; ur", "ur"),
        ("0; uxyz", "uxyz"),
        ("0; ", nil),
        ("0", nil),
        ("5", nil),
        ("0; url=", nil),
        ("0; url=''", nil),
        ("", nil),
        ("   ", nil),
        ("url=/no-delay", nil),
        (#"url="x""#, nil),
        ("garbage", nil),
        ("5x; url=/y", nil),
        ("-1; url=/negative", nil),
    ]

    @Test(arguments: cases)
    func target(_ sample: (content: String, target: String?)) {
        #expect(MetaRefresh.target(sample.content) == sample.target)
    }

    @Test func aHugeValueIsBounded() {
        let target = MetaRefresh.target("0; url=/" + String(repeating: "a", count: 1_000_000))
        #expect(target?.hasPrefix("/aaa") == true)
        #expect((target?.count ?? 0) < 10_000)
    }
}
