import COpenSSL

/// Reads the certificate status out of a DER OCSP response (RFC 6960), as libssl parses it.
enum OCSPStatus {
    /// `"good"`, `"revoked"` or `"unknown"` from the first single response of a successful basic response; nil
    /// when `der` is not one.
    static func certificateStatus(_ der: [UInt8]) -> String? {
        guard !der.isEmpty else { return nil }
        return der.withUnsafeBufferPointer { buffer -> String? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            guard let response = d2i_OCSP_RESPONSE(nil, &cursor, buffer.count) else {
                ERR_clear_error()
                return nil
            }
            defer { OCSP_RESPONSE_free(response) }
            guard OCSP_response_status(response) == OCSP_RESPONSE_STATUS_SUCCESSFUL,
                let basic = OCSP_response_get1_basic(response)
            else { return nil }
            defer { OCSP_BASICRESP_free(basic) }
            guard OCSP_resp_count(basic) > 0, let single = OCSP_resp_get0(basic, 0) else { return nil }
            switch OCSP_single_get0_status(single, nil, nil, nil, nil) {
            case V_OCSP_CERTSTATUS_GOOD: return "good"
            case V_OCSP_CERTSTATUS_REVOKED: return "revoked"
            case V_OCSP_CERTSTATUS_UNKNOWN: return "unknown"
            default: return nil
            }
        }
    }
}
