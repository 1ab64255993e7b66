import Crypto
public import FoundationEssentials
import SwiftASN1
import X509

/// A self-signed CA (P-256, ECDSA-SHA256) that issues serving certificates: the embedded API server's and
/// the webhook server's. Generated once and kept, so clients that trust it keep trusting renewed leaves.
public struct CertificateAuthority: Sendable {
    /// The CA certificate and key.
    public let identity: TLSIdentity
    private let certificate: Certificate

    /// Parsed on use: swift-crypto's key type is not Sendable.
    private var key: P256.Signing.PrivateKey {
        // The PEM was checked in init, so parsing cannot fail here.
        try! P256.Signing.PrivateKey(pemRepresentation: self.identity.privateKeyPEM)
    }

    /// Loads a CA from PEM.
    /// - Throws: ``CertificateError`` when the PEM does not hold a certificate and a matching P-256 key.
    public init(identity: TLSIdentity) throws(CertificateError) {
        let key: P256.Signing.PrivateKey
        do {
            self.certificate = try Certificate(pemEncoded: identity.certificatePEM)
            key = try P256.Signing.PrivateKey(pemRepresentation: identity.privateKeyPEM)
        } catch {
            throw CertificateError("cannot load the CA: \(error)")
        }
        guard Certificate.PublicKey(key.publicKey) == self.certificate.publicKey else {
            throw CertificateError("the CA key does not match the CA certificate")
        }
        self.identity = identity
    }

    /// A new CA valid for `years` years from `now`.
    public static func generate(commonName: String, organization: String = "SwiftKruise", now: Date = Date(), years: Int = 10)
        throws(CertificateError) -> CertificateAuthority
    {
        do {
            let key = P256.Signing.PrivateKey()
            let name = try DistinguishedName {
                OrganizationName(organization)
                CommonName(commonName)
            }
            let certificate = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: Certificate.PublicKey(key.publicKey),
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: now.addingTimeInterval(Double(years) * 365 * 24 * 3600),
                issuer: name,
                subject: name,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                },
                issuerPrivateKey: Certificate.PrivateKey(key)
            )
            let identity = TLSIdentity(certificatePEM: try certificate.serializeAsPEM().pemString, privateKeyPEM: key.pemRepresentation)
            return try CertificateAuthority(identity: identity)
        } catch let error as CertificateError {
            throw error
        } catch {
            throw CertificateError("cannot generate a CA: \(error)")
        }
    }

    /// Issues a serving certificate (serverAuth) for `hosts` (DNS names and IP literals), valid for `days`.
    public func issue(hosts: [String], commonName: String, now: Date = Date(), days: Int = 365) throws(CertificateError) -> TLSIdentity {
        do {
            let key = P256.Signing.PrivateKey()
            let leaf = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: Certificate.PublicKey(key.publicKey),
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: now.addingTimeInterval(Double(days) * 24 * 3600),
                issuer: self.certificate.subject,
                subject: try DistinguishedName { CommonName(commonName) },
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                    try ExtendedKeyUsage([.serverAuth])
                    SubjectAlternativeNames(hosts.map(HostName.generalName(for:)))
                },
                issuerPrivateKey: Certificate.PrivateKey(self.key)
            )
            return TLSIdentity(certificatePEM: try leaf.serializeAsPEM().pemString, privateKeyPEM: key.pemRepresentation)
        } catch {
            throw CertificateError("cannot issue a certificate for \(hosts): \(error)")
        }
    }

    /// `true` when `identity` was signed by this CA, pairs with its key, covers exactly `hosts`, and stays
    /// valid for at least `renewBefore` after `now`.
    public func isCurrent(_ identity: TLSIdentity, hosts: [String], now: Date = Date(), renewBefore: TimeInterval) -> Bool {
        guard let leaf = try? Certificate(pemEncoded: identity.certificatePEM),
            let key = try? P256.Signing.PrivateKey(pemRepresentation: identity.privateKeyPEM)
        else { return false }
        return leaf.notValidAfter > now.addingTimeInterval(renewBefore)
            && leaf.issuer == self.certificate.subject
            // Signed by this CA's key (a regenerated CA can have the same name) and paired with the stored key.
            && self.certificate.publicKey.isValidSignature(leaf.signature, for: leaf)
            && Certificate.PublicKey(key.publicKey) == leaf.publicKey
            && HostName.subjectAlternativeNames(of: leaf) == Set(hosts)
    }
}

/// A certificate that cannot be generated, loaded or used.
public struct CertificateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { self.message }
}
