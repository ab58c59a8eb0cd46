import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore

/// How much longer `rules` take on `large` than on `small`: each side timed as the best of five runs after one
/// warm-up, so one scheduling hiccup on a loaded machine does not read as quadratic growth.
enum Linearity {
    static func ratio(_ rules: [any A11yRule], small: A11yPage, large: A11yPage) -> Double {
        let url = URL(string: "https://rules.example/")!
        func best(_ page: A11yPage) -> Double {
            var fastest = Double.infinity
            for _ in 0..<5 {
                let start = Date()
                for rule in rules { _ = rule.evaluate(page, at: url) }
                fastest = min(fastest, Date().timeIntervalSince(start))
            }
            return fastest
        }
        _ = best(small)
        return best(large) / max(best(small), 0.000_1)
    }
}
