import Foundation
import PortcullisCore

/// Reads a local HTML file as if it had been served, so templates can be checked before deployment.
///
/// The exchange has no headers, so header checks skip it; markup checks run as for a served page.
enum LocalFile {
    static func read(_ url: URL, maxBytes: Int) throws(PortcullisError) -> Exchange {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw PortcullisError(.io, "cannot open: \(error.localizedDescription)", file: url.path)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw PortcullisError(.io, "cannot read: \(error.localizedDescription)", file: url.path)
        }
        let hop = ResponseHop(url: url, status: 200, httpVersion: "file", headers: [])
        return Exchange(
            requestURL: url,
            hops: [hop],
            body: data.prefix(maxBytes),
            bodyTruncated: data.count > maxBytes
        )
    }
}
