import Foundation
import TestSupport

/// Paths of the CSP test data.
enum TestPathsShim {
    static var allowlists: URL { TestPaths.rules.appendingPathComponent("csp-allowlists") }
}
