public import CheckSupport
import Crawl
import Foundation
public import PortcullisCore

/// Fails an HTTPS page that loads subresources over plain HTTP (mixed content, W3C Mixed Content §4).
///
/// Scripts, style sheets and embedded objects are *blockable* (active): a network attacker who rewrites them owns
/// the page, and browsers block them. Images and media are *upgradeable* (passive): browsers upgrade or show them
/// with a warning, but an attacker can still swap them. Each kind is its own rule.
public struct MixedContentCheck: PageCheck {
    public init() {}

    public var rules: [RuleID] { [HeaderRules.mixedContentActive, HeaderRules.mixedContentPassive] }

    public func check(_ page: Page) -> [Observation] {
        guard page.isHTTPS else { return [] }
        return page.subresources.filter { $0.url.scheme?.lowercased() == "http" }.map { resource in
            let active = ![.image, .media].contains(resource.kind)
            return .failed(
                active ? HeaderRules.mixedContentActive : HeaderRules.mixedContentPassive,
                at: page.url,
                element: resource.elementPath,
                "HTTPS page loads a \(resource.kind.rawValue) over plain HTTP: \(resource.url.absoluteString)",
                snippet: resource.url.absoluteString,
                key: resource.url.absoluteString
            )
        }
    }
}
