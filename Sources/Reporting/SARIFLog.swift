import Foundation

/// The subset of SARIF 2.1.0 objects Portcullis writes, named and nested as the OASIS schema names them.
struct SARIFLog: Encodable {
    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version
        case runs
    }

    var schema: String
    var version: String
    var runs: [Run]

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var results: [Result]
        var properties: RunProperties
    }

    struct RunProperties: Encodable {
        var profile: String
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct Message: Encodable {
        var text: String
    }

    struct MultiformatMessage: Encodable {
        var text: String
        var markdown: String
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: MultiformatMessage
        var fullDescription: MultiformatMessage
        var help: MultiformatMessage
        var helpUri: String?
        var properties: RuleProperties
        var defaultConfiguration: Configuration
    }

    struct RuleProperties: Encodable {
        enum CodingKeys: String, CodingKey {
            case tags
            case securitySeverity = "security-severity"
            case family
        }

        var tags: [String]
        var securitySeverity: String
        var family: String
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        /// SARIF §3.27.9: `fail`, or `review` when markup could not decide.
        var kind: String
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        /// SARIF §3.27.24: `new`, `unchanged`, `updated` or `absent`, only when a baseline was given.
        var baselineState: String?
        var properties: ResultProperties
    }

    /// SARIF §3.35: a user's decision to suppress a result, kept in the log.
    struct Suppression: Encodable {
        var kind: String
        var status: String
        var justification: String
    }

    struct ResultProperties: Encodable {
        var severity: String
        var origin: String
        var family: String
        var locationCount: Int
        var locationsTruncated: Bool
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var logicalLocations: [LogicalLocation]?
        var message: Message?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct LogicalLocation: Encodable {
        var fullyQualifiedName: String
        var kind: String
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var startTimeUtc: String
        var endTimeUtc: String
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
        var locations: [Location]
        var descriptor: DescriptorReference
    }

    struct DescriptorReference: Encodable {
        var id: String
    }
}
