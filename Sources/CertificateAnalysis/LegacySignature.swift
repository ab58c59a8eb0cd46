import Crypto
import Foundation
import X509

/// Verification of `ecdsa-with-SHA1`, which swift-certificates does not offer but servers still send; the hash is
/// reported as weak separately, and verifying it lets the path (and the rest of the chain) still be judged.
enum LegacySignature {
    /// Whether `signature` (DER ECDSA) over SHA-1(`signed`) verifies with an EC `key`.
    static func ecdsaSHA1Verifies(
        key: Certificate.PublicKey,
        signature: ArraySlice<UInt8>,
        signed: ArraySlice<UInt8>
    )
        -> Bool
    {
        let digest = Insecure.SHA1.hash(data: Data(signed))
        if let p256 = P256.Signing.PublicKey(key),
            let value = try? P256.Signing.ECDSASignature(derRepresentation: signature)
        {
            return p256.isValidSignature(value, for: digest)
        }
        if let p384 = P384.Signing.PublicKey(key),
            let value = try? P384.Signing.ECDSASignature(derRepresentation: signature)
        {
            return p384.isValidSignature(value, for: digest)
        }
        if let p521 = P521.Signing.PublicKey(key),
            let value = try? P521.Signing.ECDSASignature(derRepresentation: signature)
        {
            return p521.isValidSignature(value, for: digest)
        }
        return false
    }
}
