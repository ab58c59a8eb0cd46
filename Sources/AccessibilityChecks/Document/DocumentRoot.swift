import A11yModel
import Foundation
import PortcullisCore
import PortcullisHTML

/// Facts about the document element the document rules share.
enum DocumentRoot {
    /// The index of the HTML `<html>` document element, nil when the document is not an HTML page: libxml2 wraps
    /// a standalone `<svg>` or `<math>` document in an implied `<html><body>`, which is recognised here by an
    /// attribute-less `<html>` without `<head>` whose body holds nothing but that one foreign element (an explicit
    /// HTML page has a head or attributes on `<html>`).
    static func htmlElement(of page: A11yPage) -> Int? {
        let nodes = page.snapshot.nodes
        guard let root = nodes.first, root.name == "html" else { return nil }
        if !root.attributes.isEmpty || page.snapshot.indices(named: "head").first != nil { return 0 }
        var topLevel: [Int] = []
        for child in root.elementChildren {
            if nodes[child].name == "body" { topLevel += nodes[child].elementChildren } else { topLevel.append(child) }
        }
        if topLevel.count == 1, ["svg", "math"].contains(nodes[topLevel[0]].name) { return nil }
        return 0
    }
}
