import AccessibilityChecks
public import CSP
public import CheckSupport
import Foundation
import HeaderChecks
public import PortcullisCore
import SSOChecks
import TLSChecks

/// The built-in page checks of every family, configured from the rules folder's data files.
public enum CheckRegistry {
    /// Every built-in page check; the CSP evaluation reads its allowlist-bypass hosts from the catalog's
    /// `csp-allowlists/` folder (without them, allowlist bypasses go unreported).
    public static func pageChecks(catalog: RuleCatalog) -> [any PageCheck] {
        HeaderChecks.all(bypassLists: bypassLists(catalog: catalog)) + AccessibilityChecks.all
    }

    /// Every rule some built-in check or host probe emits: what the rule engine checks the catalog against.
    public static func implementedRules(pageChecks: [any PageCheck]) -> Set<RuleID> {
        Set(pageChecks.flatMap(\.rules)).union(CrawlRules.all).union(CORSRules.all).union(TLSRules.all)
            .union(SSORules.all)
    }

    /// The CSP allowlist-bypass hosts shipped with the catalog, or none when the folder is missing.
    public static func bypassLists(catalog: RuleCatalog) -> CSPBypassLists {
        guard let directory = catalog.directory?.appendingPathComponent("csp-allowlists") else { return .empty }
        return (try? CSPBypassLists.load(directory: directory)) ?? .empty
    }
}
