import Foundation
import PortcullisHTML
import Testing

/// Documents are parsed and queried in many tasks at once (one document per task), as the scanner does.
@Suite(.timeLimit(.minutes(1))) struct ConcurrencyTests {
    @Test func parallelParsesAndQueriesAreIndependent() async throws {
        let results = await withTaskGroup(of: (Int, Int, Bool).self) { group in
            for task in 0..<16 {
                group.addTask {
                    let links = (0..<(task + 1) * 50).map { "<a href=\"/\($0)\">\($0)</a>" }.joined()
                    let document = HTMLDocument(html: "<main id=m\(task)>\(links)</main>")
                    let selected = (try? document.select("//main/a").count) ?? -1
                    let invalidThrew = (try? document.select("//a[")) == nil
                    return (task, selected, invalidThrew && document.element(id: "m\(task)") != nil)
                }
            }
            var collected: [(Int, Int, Bool)] = []
            for await result in group {
                collected.append(result)
            }
            return collected
        }
        #expect(results.count == 16)
        for (task, selected, ok) in results {
            #expect(selected == (task + 1) * 50)
            #expect(ok)
        }
    }
}
