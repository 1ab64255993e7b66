public import FoundationEssentials
import SwiftASN1
import X509

/// A certificate and its private key, PEM-encoded: what a TLS server presents.
public struct TLSIdentity: Sendable, Hashable {
    public let certificatePEM: String
    public let privateKeyPEM: String

    public init(certificatePEM: String, privateKeyPEM: String) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
    }

    /// When the certificate expires; `nil` when it cannot be parsed.
    public var notValidAfter: Date? {
        (try? Certificate(pemEncoded: self.certificatePEM))?.notValidAfter
    }

    /// The DNS names and IP addresses the certificate is valid for.
    public var hosts: Set<String> {
        guard let certificate = try? Certificate(pemEncoded: self.certificatePEM) else { return [] }
        return HostName.subjectAlternativeNames(of: certificate)
    }
}
