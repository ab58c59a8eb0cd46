import CompressNIO
import Foundation
import NIOCore

/// Turns an HTTP-Redirect binding `SAMLRequest` value into XML text: base64, then raw DEFLATE (SAML Bindings
/// §3.4.4.1), with the inflated size capped so a deflate bomb is reported instead of exhausting memory.
enum SAMLRequestDecoder {
    /// The most inflated bytes accepted (1 MB): real AuthnRequests are a few kilobytes.
    static let maximumInflatedSize = 1 << 20

    /// The XML text of `value` (already percent-decoded from the query).
    static func decode(_ value: String) throws(SAMLRequestError) -> String {
        // A `+` the sender did not percent-encode reads back as a space from a query string.
        var text = value.replacingOccurrences(of: " ", with: "+")
        text.removeAll { $0 == "\n" || $0 == "\r" || $0 == "\t" }
        text = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard !value.isEmpty, let compressed = Data(base64Encoded: text), !compressed.isEmpty else {
            throw SAMLRequestError(.base64, "SAMLRequest is not valid base64")
        }
        let inflated = try inflate(compressed)
        guard let xml = String(bytes: inflated, encoding: .utf8) else {
            throw SAMLRequestError(.xml, "the inflated request is not UTF-8 text")
        }
        return xml
    }

    private static func inflate(_ data: Data) throws(SAMLRequestError) -> [UInt8] {
        var buffer = ByteBuffer(bytes: data)
        do {
            var output = try buffer.decompress(with: .deflate(), maxSize: maximumInflatedSize)
            return output.readBytes(length: output.readableBytes) ?? []
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw SAMLRequestError(
                .inflate,
                "the request inflates beyond \(maximumInflatedSize) bytes (a deflate bomb), not read further"
            )
        } catch {
            throw SAMLRequestError(.inflate, "SAMLRequest is not raw DEFLATE data (\(error))")
        }
    }
}
