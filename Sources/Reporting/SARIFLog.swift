import Foundation

/// The SARIF 2.1.0 objects Portcullis encodes, named and nested as the OASIS schema names them.
///
/// The log's frame and its results are streamed by ``SARIFReporter``; these are the small parts it encodes
/// (the driver and its rules, the invocation, suppressions).
enum SARIFLog {
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

    /// SARIF §3.35: a user's decision to suppress a result, kept in the log.
    struct Suppression: Encodable {
        /// `external`: the decision lives in a waiver file, not in the scanned pages.
        var kind: String
        /// `accepted`: the waiver is in force (an expired one no longer suppresses).
        var status: String
        /// The waiver's reason, owner, ticket, expiry and source, as one sentence.
        var justification: String
        /// The same details one by one, for tools; absent for a finding read from a report without them.
        var properties: SuppressionProperties?
    }

    /// The waiver's details on a suppression's property bag.
    struct SuppressionProperties: Encodable {
        var reason: String
        var owner: String?
        var ticket: String?
        var expires: String?
        var source: String?
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
