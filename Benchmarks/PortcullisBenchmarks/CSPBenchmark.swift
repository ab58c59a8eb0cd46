import CSP
import Foundation

/// Parse + evaluate throughput of realistic Content-Security-Policy values on one core (goal: 100,000/s).
enum CSPBenchmark {
    /// Realistic policies: the csp-evaluator corpus policies plus a few long real-world-shaped ones.
    static func policies() -> [String] {
        var result = [
            "default-src 'self'; script-src 'self' 'nonce-r4nd0mN0nc3Value' 'strict-dynamic' https: 'unsafe-inline'; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'self'; report-uri https://csp.example/r",
            "default-src 'none'; script-src 'self' https://www.google-analytics.com https://www.googletagmanager.com "
                + "https://ajax.googleapis.com https://cdn.jsdelivr.net https://*.cloudfront.net; style-src 'self' "
                + "'unsafe-inline' https://fonts.googleapis.com; img-src 'self' data: https:; font-src 'self' "
                + "https://fonts.gstatic.com; connect-src 'self' https://api.example.com wss://ws.example.com; "
                + "frame-src https://www.youtube.com https://player.vimeo.com; upgrade-insecure-requests",
            "script-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/"
                + "uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC' 'unsafe-hashes'; object-src 'none'; base-uri 'self'; "
                + "require-trusted-types-for 'script'; trusted-types default dompurify; report-to csp-endpoint",
            "default-src *; script-src * 'unsafe-inline' 'unsafe-eval'; style-src * 'unsafe-inline'; img-src * data: "
                + "blob:; reflected-xss block; referrer origin",
        ]
        let url = URL(fileURLWithPath: "/work/shared/corpora/csp/csp-evaluator-cases.json")
        if let data = try? Data(contentsOf: url),
            let cases = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        {
            for entry in cases {
                if let text = entry["csp"] as? String { result.append(text) }
                if let texts = entry["csp"] as? [String] { result += texts }
            }
        }
        return result
    }

    static func run(arguments: [String]) throws {
        let rules = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
            "Rules/csp-allowlists"
        )
        let lists = (try? CSPBypassLists.load(directory: rules)) ?? .empty
        let evaluator = Evaluator(bypassLists: lists)
        let corpus = policies()
        let iterations = max(1, Int(arguments.first ?? "") ?? 200)
        var findings = 0
        let cpuStart = BenchmarkSupport.cpuSeconds(children: false)
        let start = Date()
        for _ in 0..<iterations {
            for text in corpus {
                let policy = ContentSecurityPolicy.parse(text)
                findings &+= evaluator.evaluate(policy).count
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let cpu = BenchmarkSupport.cpuSeconds(children: false) - cpuStart
        let count = iterations * corpus.count
        let perSecond = Double(count) / max(cpu, 1e-9)
        print(
            "csp: \(count) policies (\(corpus.count) distinct, bypass lists \(lists.jsonp.count)/"
                + "\(lists.angular.count)/\(lists.flash.count)) parsed+evaluated in "
                + "\(String(format: "%.2f", seconds)) s wall, "
                + "\(String(format: "%.2f", cpu)) s CPU: \(Int(perSecond)) policies/s on one core "
                + "(goal 100000/s), \(findings) findings"
        )
    }
}
