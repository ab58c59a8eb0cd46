import A11yModel
import PortcullisHTML

/// Builds page models from small inline documents.
enum PageFixture {
    /// The page model of `body` inside a minimal HTML document (`head` added to the head).
    static func page(_ body: String, head: String = "") -> A11yPage {
        A11yPage(
            document: HTMLDocument(html: "<!DOCTYPE html><html lang=en><head>\(head)</head><body>\(body)</body></html>")
        )
    }

    /// The index of the element with id `id` (the test fails loudly when it is missing).
    static func element(_ id: String, in page: A11yPage) -> Int {
        guard let index = page.snapshot.index(ofID: id) else { fatalError("no element #\(id)") }
        return index
    }
}
