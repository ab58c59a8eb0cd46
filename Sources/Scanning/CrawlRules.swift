public import PortcullisCore

/// Rules the crawler itself emits (not page checks).
public enum CrawlRules {
    public static let robotsDisallowed: RuleID = "crawl.robots-disallowed"

    /// Every rule id the crawler can emit.
    public static let all: [RuleID] = [robotsDisallowed]
}
