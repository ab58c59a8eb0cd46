/// The good provider's plain-HTTP port: every request gets a `301` to the same target on HTTPS.
struct HTTPSRedirector: DemoResponder {
    /// The HTTPS origin to redirect to, without a trailing slash, e.g. `https://127.0.0.1:8443`.
    let httpsOrigin: String

    func respond(to request: DemoRequest) -> DemoResponse {
        let target = request.target.hasPrefix("/") ? request.target : "/"
        let location = httpsOrigin + target
        return DemoResponse(
            status: 301,
            reason: "Moved Permanently",
            headerLines: ["Location: \(location)", "Content-Type: text/html; charset=utf-8"],
            text: "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Moved</title></head>"
                + "<body><p>Moved to <a href=\"\(location)\">\(location)</a>.</p></body></html>\n"
        )
    }
}
