import Crypto
import FoundationEssentials
import SwiftASN1
import X509
import Glibc

/// The embedded API server's TLS identity: a CA generated on first start and a serving certificate it signs,
/// valid for `localhost`, `127.0.0.1` and `::1`. Both are kept in the data directory so that kubeconfigs
/// written earlier keep trusting the server after a restart.
public struct ServingCertificates: Sendable {
    /// The CA certificate, PEM (goes into the kubeconfig's `certificate-authority-data`).
    public let caCertificatePEM: String
    /// The serving certificate, PEM.
    public let certificatePEM: String
    /// The serving certificate's private key, PEM.
    public let privateKeyPEM: String

    private static let caCertificateFile = "ca.crt"
    private static let caKeyFile = "ca.key"
    private static let certificateFile = "apiserver.crt"
    private static let keyFile = "apiserver.key"

    /// Loads the CA and serving certificate from `directory`, creating what is missing. A serving certificate
    /// that expires within 30 days, or does not cover `hosts`, is issued anew from the same CA.
    public static func loadOrCreate(
        in directory: DataDirectory,
        hosts: [String] = ["localhost", "127.0.0.1", "::1"]
    ) throws -> ServingCertificates {
        let now = Date()
        let (caCertificate, caKey) = try Self.loadOrCreateAuthority(in: directory, now: now)
        if let certificatePEM = try directory.read(Self.certificateFile).map({ String(decoding: $0, as: UTF8.self) }),
            let keyPEM = try directory.read(Self.keyFile).map({ String(decoding: $0, as: UTF8.self) }),
            let certificate = try? Certificate(pemEncoded: certificatePEM),
            certificate.notValidAfter > now.addingTimeInterval(30 * 24 * 3600),
            certificate.issuer == caCertificate.subject,
            // Signed by this CA's key (a regenerated CA has the same name) and paired with the stored key.
            caCertificate.publicKey.isValidSignature(certificate.signature, for: certificate),
            let key = try? P256.Signing.PrivateKey(pemRepresentation: keyPEM),
            Certificate.PublicKey(key.publicKey) == certificate.publicKey,
            Self.sanHosts(of: certificate) == Set(hosts)
        {
            return ServingCertificates(
                caCertificatePEM: try caCertificate.serializeAsPEM().pemString,
                certificatePEM: certificatePEM,
                privateKeyPEM: keyPEM
            )
        }
        let key = P256.Signing.PrivateKey()
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(365 * 24 * 3600),
            issuer: caCertificate.subject,
            subject: try DistinguishedName { CommonName("kube-apiserver") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(hosts.map(Self.generalName(for:)))
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey)
        )
        let certificatePEM = try certificate.serializeAsPEM().pemString
        try directory.write(Self.keyFile, Array(key.pemRepresentation.utf8))
        try directory.write(Self.certificateFile, Array(certificatePEM.utf8), mode: 0o644)
        return ServingCertificates(
            caCertificatePEM: try caCertificate.serializeAsPEM().pemString,
            certificatePEM: certificatePEM,
            privateKeyPEM: key.pemRepresentation
        )
    }

    private static func loadOrCreateAuthority(
        in directory: DataDirectory,
        now: Date
    ) throws -> (Certificate, P256.Signing.PrivateKey) {
        if let certificateBytes = try directory.read(Self.caCertificateFile),
            let keyBytes = try directory.read(Self.caKeyFile)
        {
            let certificate = try Certificate(pemEncoded: String(decoding: certificateBytes, as: UTF8.self))
            let key = try P256.Signing.PrivateKey(pemRepresentation: String(decoding: keyBytes, as: UTF8.self))
            return (certificate, key)
        }
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            OrganizationName("SwiftKruise")
            CommonName("swiftkruise-local-ca")
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(10 * 365 * 24 * 3600),
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
        try directory.write(Self.caKeyFile, Array(key.pemRepresentation.utf8))
        try directory.write(Self.caCertificateFile, Array(try certificate.serializeAsPEM().pemString.utf8), mode: 0o644)
        return (certificate, key)
    }

    private static func generalName(for host: String) -> GeneralName {
        if let address = Self.ipAddressBytes(host) {
            return .ipAddress(ASN1OctetString(contentBytes: address[...]))
        }
        return .dnsName(host)
    }

    private static func sanHosts(of certificate: Certificate) -> Set<String> {
        guard let names = try? certificate.extensions.subjectAlternativeNames else { return [] }
        var hosts: Set<String> = []
        for name in names {
            switch name {
            case .dnsName(let dns): hosts.insert(dns)
            case .ipAddress(let bytes): hosts.insert(Self.ipAddressText(Array(bytes.bytes)))
            default: break
            }
        }
        return hosts
    }

    /// The 4 or 16 bytes of an IPv4 or IPv6 literal.
    static func ipAddressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    /// The canonical text of an address given as 4 or 16 bytes.
    static func ipAddressText(_ bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        _ = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
