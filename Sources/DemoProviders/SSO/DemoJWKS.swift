/// The JSON Web Key Sets the demo identity providers publish at `/jwks` (generated once with openssl, embedded).
enum DemoJWKS {
    /// The strict identity provider's set: one RSA 2048-bit signing key, public members only.
    static let strict = """
        {"keys":[{"kty":"RSA","kid":"demo-rs256-2048","use":"sig","alg":"RS256","e":"AQAB","n":"\(modulus2048)"}]}

        """

    /// The lax identity provider's set. Deliberate flaws: the key is only 1024 bits, and it carries its private
    /// exponent `d`, so anyone can forge tokens.
    static let lax = """
        {"keys":[{"kty":"RSA","kid":"demo-rs256-1024","use":"sig","alg":"RS256","e":"AQAB",\
        "n":"\(modulus1024)","d":"\(privateExponent1024)"}]}

        """

    private static let modulus2048 =
        "tBjurXbG3XYwpQ-vICdXWH9xyQrWAq2-mBbXkXMsZdxWF3OkJWcOFJKptvIYf8HtyR9xvSBrJq474qj2p3-lVN-ardaFi4WVIoOxxmfP"
        + "G6ERBZDXof4MJXheyMhpYd93gRVdjx_HTPjezfZB0qTu8A8c44VDkAvcxRCwMgfFJEAonIki5FloHTe6y3Mt_o-VsKbFB6nzWWPGiA"
        + "TMvWicKjjn71GClZdw4bUPAQLpRMAKMI4Aix6XBnMYnqV5K4PImE_q3w_15s6uciUKQ6KcFv79-VMWHThPJYnqcXz9XBBFFByYE4E8"
        + "HzgJc188LqiQgMF7gaRyv41c_wBFWnijnw"

    private static let modulus1024 =
        "sWS4Rbetoscx-J1_Qcs26Iwgjju5hxe5PDPdkFbY_xM2eUYc87VocauPenmS5AZeC3nKsg6GOpOsTDxYKbkqbr61583uzRXclUzbCKA5"
        + "mfqDgw5wCdKGmTZB6ew_cIIfuGLLuATany4TcFgzOuPZ_kpKlf9udTQSgKwENkuQLUE"

    private static let privateExponent1024 =
        "TjODlKBreFXt7pan0f5e31dexrUHjclkjGik5QuUL6ZtnjrNapZvS6UA5FIR8lnoPZDcTXBfthUBoL39c69AR8OAOQChf0Pn0NHPLls2"
        + "GBoot0FejO8YGk7yaW11lzxug_OmwkyKTHdo1l8rfoEpPJAebS_iOaG5fL3-rBTSWN0"
}
