/// Serialises a `ClientHelloSpec` into TLS records, byte by byte (RFC 5246 §7.4.1.2, RFC 8446 §4.1.2).
public enum ClientHello {
    /// Largest record fragment a client may send (RFC 8446 §5.1).
    public static let maximumFragment = 1 << 14

    /// The handshake message alone: type 1, 24-bit length, body.
    public static func handshakeMessage(_ spec: ClientHelloSpec) -> [UInt8] {
        var writer = ByteWriter()
        writer.u8(1)
        writer.vector(3) { $0.append(body(spec)) }
        return writer.bytes
    }

    /// The complete bytes to send: the handshake message wrapped in one or more handshake records.
    public static func records(_ spec: ClientHelloSpec) -> [UInt8] {
        let message = handshakeMessage(spec)
        var writer = ByteWriter()
        var start = 0
        repeat {
            let end = min(start + maximumFragment, message.count)
            writer.u8(TLSContentType.handshake.rawValue)
            writer.u16(spec.recordVersion.rawValue)
            writer.vector(2) { $0.append(Array(message[start..<end])) }
            start = end
        } while start < message.count
        return writer.bytes
    }

    /// The ClientHello body: version, random, session id, suites, compression, extensions.
    static func body(_ spec: ClientHelloSpec) -> [UInt8] {
        var writer = ByteWriter()
        writer.u16(spec.legacyVersion.rawValue)
        writer.append(Array((spec.random + [UInt8](repeating: 0, count: 32)).prefix(32)))
        writer.vector(1) { $0.append(Array(spec.sessionID.prefix(32))) }
        var suites = spec.cipherSuites
        if spec.renegotiation == .scsv { suites.append(SignalingCipherSuite.emptyRenegotiationInfo) }
        if spec.fallbackSCSV { suites.append(SignalingCipherSuite.fallback) }
        writer.vector(2) { for suite in suites { $0.u16(suite) } }
        writer.vector(1) { $0.append(spec.compressionMethods) }
        let extensions = extensionBlocks(spec)
        if !extensions.isEmpty || spec.legacyVersion > .ssl3 {
            writer.vector(2) { for block in extensions { $0.append(block) } }
        }
        return writer.bytes
    }

    /// Each extension as type, length, data, in a fixed order.
    static func extensionBlocks(_ spec: ClientHelloSpec) -> [[UInt8]] {
        var blocks: [[UInt8]] = []
        func add(_ type: UInt16, _ build: (inout ByteWriter) -> Void) {
            var writer = ByteWriter()
            writer.u16(type)
            writer.vector(2, build)
            blocks.append(writer.bytes)
        }
        if let name = spec.serverName {
            add(TLSExtensionType.serverName) { list in
                list.vector(2) { entry in
                    entry.u8(0)  // host_name
                    entry.vector(2) { $0.append(Array(name.utf8)) }
                }
            }
        }
        if spec.statusRequest {
            add(TLSExtensionType.statusRequest) { data in
                data.u8(1)  // ocsp
                data.u16(0)  // responder_id_list
                data.u16(0)  // request_extensions
            }
        }
        if !spec.supportedGroups.isEmpty {
            add(TLSExtensionType.supportedGroups) { data in
                data.vector(2) { for group in spec.supportedGroups { $0.u16(group) } }
            }
        }
        if spec.ecPointFormats {
            add(TLSExtensionType.ecPointFormats) { data in data.vector(1) { $0.u8(0) } }
        }
        if !spec.signatureAlgorithms.isEmpty {
            add(TLSExtensionType.signatureAlgorithms) { data in
                data.vector(2) { for scheme in spec.signatureAlgorithms { $0.u16(scheme) } }
            }
        }
        if !spec.alpnProtocols.isEmpty {
            add(TLSExtensionType.alpn) { data in
                data.vector(2) { list in
                    for proto in spec.alpnProtocols { list.vector(1) { $0.append(Array(proto.utf8)) } }
                }
            }
        }
        if spec.signedCertificateTimestamp { add(TLSExtensionType.signedCertificateTimestamp) { _ in } }
        if spec.encryptThenMAC { add(TLSExtensionType.encryptThenMAC) { _ in } }
        if spec.extendedMasterSecret { add(TLSExtensionType.extendedMasterSecret) { _ in } }
        if let ticket = spec.sessionTicket { add(TLSExtensionType.sessionTicket) { $0.append(ticket) } }
        if !spec.supportedVersions.isEmpty {
            add(TLSExtensionType.supportedVersions) { data in
                data.vector(1) { for version in spec.supportedVersions { $0.u16(version.rawValue) } }
            }
        }
        if spec.supportedVersions.contains(.tls13) {
            add(TLSExtensionType.pskKeyExchangeModes) { data in data.vector(1) { $0.u8(1) } }  // psk_dhe_ke
            add(TLSExtensionType.keyShare) { data in
                data.vector(2) { list in
                    for share in spec.keyShares {
                        list.u16(share.group)
                        list.vector(2) { $0.append(share.keyExchange) }
                    }
                }
            }
        }
        if spec.renegotiation == .renegotiationInfoExtension {
            add(TLSExtensionType.renegotiationInfo) { data in data.vector(1) { _ in } }
        }
        return blocks
    }
}
