/// An error raised while starting or using the demo provider zoo.
///
/// A struct with a stable ``code``, a human ``reason`` and free-form ``context`` rather than a growing enum,
/// so callers can match on the code while new failure sites only add codes.
public struct DemoProvidersError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across releases.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code's stable identifier, e.g. `certificate-generation`.
        public var rawValue: String

        /// Creates a code from its stable identifier.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The CA or a leaf certificate could not be created or serialized.
        public static let certificateGeneration = Code(rawValue: "certificate-generation")
        /// A TLS context could not be built from the generated identity.
        public static let tlsConfiguration = Code(rawValue: "tls-configuration")
        /// A listener could not be bound on the loopback interface.
        public static let bind = Code(rawValue: "bind")
        /// A file (for example the CA PEM) could not be written.
        public static let fileWrite = Code(rawValue: "file-write")
        /// An argument was out of its documented range (for example the benchmark site size).
        public static let invalidArgument = Code(rawValue: "invalid-argument")

        /// The stable identifier.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A sentence a person can act on.
    public var reason: String
    /// Extra detail, for example the underlying error or a path.
    public var context: String

    /// Creates an error from its parts.
    public init(code: Code, reason: String, context: String = "") {
        self.code = code
        self.reason = reason
        self.context = context
    }

    /// `code: reason (context)`.
    public var description: String {
        context.isEmpty ? "\(code): \(reason)" : "\(code): \(reason) (\(context))"
    }
}
