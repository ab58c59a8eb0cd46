import Synchronization

/// The good relying party's outstanding logins: `state` values it issued and has not yet redeemed.
///
/// Bounded (the oldest is dropped past ``capacity``) so anonymous traffic cannot grow it without limit, and
/// lock-protected because every connection of the listener shares it.
final class PendingAuthorizations: Sendable {
    /// One login in progress: what the callback needs to finish it.
    struct Entry: Sendable, Hashable {
        /// The OpenID Connect `nonce` sent with the request.
        var nonce: String
        /// The PKCE code verifier whose S256 challenge was sent.
        var codeVerifier: String
    }

    /// How many pending logins are kept at most.
    let capacity: Int
    private let storage = Mutex<(order: [String], entries: [String: Entry])>(([], [:]))

    /// Creates an empty store keeping at most `capacity` (≥ 1) entries.
    init(capacity: Int = 1_000) {
        self.capacity = max(1, capacity)
    }

    /// Remembers `entry` under `state`, dropping the oldest entry when full.
    func insert(state: String, entry: Entry) {
        storage.withLock { store in
            if store.entries.updateValue(entry, forKey: state) == nil {
                store.order.append(state)
            }
            while store.order.count > capacity {
                store.entries[store.order.removeFirst()] = nil
            }
        }
    }

    /// The entry for `state`, if pending.
    func entry(for state: String) -> Entry? {
        storage.withLock { $0.entries[state] }
    }

    /// Removes and returns the entry for `state` (a state is redeemed once).
    func redeem(_ state: String) -> Entry? {
        storage.withLock { store in
            guard let entry = store.entries.removeValue(forKey: state) else { return nil }
            store.order.removeAll { $0 == state }
            return entry
        }
    }

    /// How many logins are pending.
    var count: Int {
        storage.withLock { $0.order.count }
    }
}
