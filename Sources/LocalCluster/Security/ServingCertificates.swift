import FoundationEssentials
import KubeTLS

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
        let authority = try Self.loadOrCreateAuthority(in: directory, now: now)
        if let certificate = try directory.read(Self.certificateFile).map({ String(decoding: $0, as: UTF8.self) }),
            let key = try directory.read(Self.keyFile).map({ String(decoding: $0, as: UTF8.self) })
        {
            let stored = TLSIdentity(certificatePEM: certificate, privateKeyPEM: key)
            if authority.isCurrent(stored, hosts: hosts, now: now, renewBefore: 30 * 24 * 3600) {
                return ServingCertificates(authority: authority, serving: stored)
            }
        }
        let serving = try authority.issue(hosts: hosts, commonName: "kube-apiserver", now: now)
        try directory.write(Self.keyFile, Array(serving.privateKeyPEM.utf8))
        try directory.write(Self.certificateFile, Array(serving.certificatePEM.utf8), mode: 0o644)
        return ServingCertificates(authority: authority, serving: serving)
    }

    private init(authority: CertificateAuthority, serving: TLSIdentity) {
        self.caCertificatePEM = authority.identity.certificatePEM
        self.certificatePEM = serving.certificatePEM
        self.privateKeyPEM = serving.privateKeyPEM
    }

    private static func loadOrCreateAuthority(in directory: DataDirectory, now: Date) throws -> CertificateAuthority {
        if let certificate = try directory.read(Self.caCertificateFile), let key = try directory.read(Self.caKeyFile) {
            return try CertificateAuthority(
                identity: TLSIdentity(
                    certificatePEM: String(decoding: certificate, as: UTF8.self),
                    privateKeyPEM: String(decoding: key, as: UTF8.self)
                )
            )
        }
        let authority = try CertificateAuthority.generate(commonName: "swiftkruise-local-ca", now: now)
        try directory.write(Self.caKeyFile, Array(authority.identity.privateKeyPEM.utf8))
        try directory.write(Self.caCertificateFile, Array(authority.identity.certificatePEM.utf8), mode: 0o644)
        return authority
    }
}
