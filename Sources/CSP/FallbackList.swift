/// CSP3 §6.8.3 "Get the effective directive's fallback list": which directives govern a given directive name.
public enum FallbackList {
    /// The names to look up, in order, for `name`; a name without a fallback returns itself only.
    public static func chain(for name: String) -> [String] {
        switch name {
        case "script-src-elem", "script-src-attr": [name, "script-src", "default-src"]
        case "style-src-elem", "style-src-attr": [name, "style-src", "default-src"]
        case "worker-src": [name, "child-src", "script-src", "default-src"]
        case "frame-src": [name, "child-src", "default-src"]
        case "fenced-frame-src": [name, "frame-src", "child-src", "default-src"]
        case "connect-src", "manifest-src", "object-src", "img-src", "media-src", "font-src", "child-src",
            "script-src", "style-src", "prefetch-src":
            [name, "default-src"]
        default: [name]
        }
    }
}
