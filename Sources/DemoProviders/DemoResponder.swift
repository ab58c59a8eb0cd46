/// Answers demo requests: the routing table of one server (a provider site, a redirector or the fixtures).
///
/// Responders are pure functions of the request so they can be shared by every connection of a listener.
protocol DemoResponder: Sendable {
    /// The response for `request`.
    func respond(to request: DemoRequest) -> DemoResponse
}
