public import Foundation
public import KubeClient
import KubeJSON
public import KubeTLS
import KubeModel
public import Logging

/// Keeps the webhook server's CA and serving certificate: created on first start, stored in a Secret (or a
/// directory), renewed before expiry, and the CA patched into the webhook configurations' `caBundle` so the
/// API server trusts the server. Every replica runs it: whichever writes the Secret first wins, the others
/// read what it wrote (the create is atomic; a lost race re-reads).
public final class WebhookCertificateManager: Sendable {
    public let options: WebhookCertificateOptions
    private let client: KubeClient?
    private let logger: Logger

    /// - Parameter client: the API client; may be `nil` only with a ``WebhookCertificateOptions/directory``
    ///   (then no caBundle is patched).
    public init(options: WebhookCertificateOptions, client: KubeClient?, logger: Logger) {
        self.options = options
        self.client = client
        self.logger = logger
    }

    /// The current CA and serving identity, creating or renewing what is missing or expiring.
    public func ensure(now: Date = Date()) async throws -> (authority: CertificateAuthority, serving: TLSIdentity) {
        var stored = try await self.load()
        var changed = false
        let authority: CertificateAuthority
        if let ca = stored[WebhookCertificateOptions.caCertificateKey], let key = stored[WebhookCertificateOptions.caKeyKey],
            let loaded = try? CertificateAuthority(identity: TLSIdentity(certificatePEM: ca, privateKeyPEM: key))
        {
            authority = loaded
        } else {
            authority = try CertificateAuthority.generate(commonName: "kruise-webhook-ca", now: now)
            stored[WebhookCertificateOptions.caCertificateKey] = authority.identity.certificatePEM
            stored[WebhookCertificateOptions.caKeyKey] = authority.identity.privateKeyPEM
            changed = true
        }
        let renewBefore = Double(self.options.renewBefore.components.seconds)
        var serving = TLSIdentity(
            certificatePEM: stored[WebhookCertificateOptions.certificateKey] ?? "",
            privateKeyPEM: stored[WebhookCertificateOptions.keyKey] ?? ""
        )
        if changed || !authority.isCurrent(serving, hosts: self.options.hosts, now: now, renewBefore: renewBefore) {
            serving = try authority.issue(
                hosts: self.options.hosts, commonName: self.options.hosts.first ?? "kruise-webhook", now: now, days: self.options.validityDays
            )
            stored[WebhookCertificateOptions.certificateKey] = serving.certificatePEM
            stored[WebhookCertificateOptions.keyKey] = serving.privateKeyPEM
            changed = true
            self.logger.info("issued webhook serving certificate", metadata: ["hosts": "\(self.options.hosts)"])
        }
        if changed {
            if try await !self.save(stored) {
                // Another replica wrote first: use its certificates.
                return try await self.ensure(now: now)
            }
        }
        return (authority, serving)
    }

    /// Sets `caBundle` on the webhooks of the configured webhook configurations (those that exist) that point at
    /// ``WebhookCertificateOptions/endpoint`` (all of them when it is `nil`).
    public func publishCABundle(_ authority: CertificateAuthority) async throws {
        guard let client = self.client else { return }
        let bundle = Base64.encode(Array(authority.identity.certificatePEM.utf8))
        for name in self.options.mutatingConfigurations {
            try await Self.patchBundle(MutatingWebhookConfiguration.self, name: name, bundle: bundle, endpoint: self.options.endpoint, client: client)
        }
        for name in self.options.validatingConfigurations {
            try await Self.patchBundle(ValidatingWebhookConfiguration.self, name: name, bundle: bundle, endpoint: self.options.endpoint, client: client)
        }
    }

    /// Checks hourly: renews the serving certificate before it expires, hands it to `server`, and keeps the
    /// caBundles current. Runs until cancelled.
    public func run(server: WebhookServer, interval: Duration = .seconds(3600)) async {
        while !Task.isCancelled {
            do {
                let (authority, serving) = try await self.ensure()
                if serving != server.currentIdentity { server.rotate(to: serving) }
                try await self.publishCABundle(authority)
            } catch {
                self.logger.warning("webhook certificate upkeep failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    private static func patchBundle<Configuration: KubeObject>(
        _ type: Configuration.Type, name: String, bundle: String, endpoint: WebhookEndpoint?, client: KubeClient
    ) async throws {
        let configuration: Configuration
        do {
            configuration = try await client.get(Configuration.self, name: name)
        } catch {
            guard error.isNotFound else { throw error }
            return
        }
        var updated = configuration
        guard case .array(let webhooks)? = configuration.object["webhooks"] else { return }
        updated.object["webhooks"] = .array(webhooks.map { webhook -> JSONValue in
            guard case .object(var object) = webhook else { return webhook }
            var clientConfig = object["clientConfig"]?.objectValue ?? [:]
            if let endpoint, !endpoint.matches(clientConfig: clientConfig) { return webhook }
            clientConfig["caBundle"] = .string(bundle)
            object["clientConfig"] = .object(clientConfig)
            return .object(object)
        })
        if updated.object == configuration.object { return }
        _ = try await client.update(updated)
    }

    // MARK: Storage

    private func load() async throws -> [String: String] {
        if let directory = self.options.directory {
            var stored: [String: String] = [:]
            for key in [WebhookCertificateOptions.caCertificateKey, WebhookCertificateOptions.caKeyKey, WebhookCertificateOptions.certificateKey, WebhookCertificateOptions.keyKey] {
                if let data = FileManager.default.contents(atPath: directory + "/" + key) {
                    stored[key] = String(decoding: data, as: UTF8.self)
                }
            }
            return stored
        }
        guard let client = self.client else { throw CertificateError("webhook certificates need a directory or an API client") }
        // (No `catch ... where` here: Swift 6.3.1 crashes on it in async methods.)
        do {
            let secret = try await client.get(Secret.self, namespace: self.options.secretNamespace, name: self.options.secretName)
            return secret.data.compactMapValues { Base64.decode($0).map { String(decoding: $0, as: UTF8.self) } }
        } catch {
            guard error.isNotFound else { throw error }
            return [:]
        }
    }

    /// Writes the certificates; `false` when another replica changed the Secret first.
    private func save(_ stored: [String: String]) async throws -> Bool {
        if let directory = self.options.directory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (key, value) in stored {
                let path = directory + "/" + key
                try Data(value.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                // Private keys readable by the owner only.
                if key.hasSuffix("key.pem") { chmod(path, 0o600) }
            }
            return true
        }
        guard let client = self.client else { return false }
        var secret = Secret(metadata: ObjectMeta(name: self.options.secretName, namespace: self.options.secretNamespace))
        secret.type = "Opaque"
        secret.data = stored.mapValues { Base64.encode(Array($0.utf8)) }
        let existing: Secret?
        do {
            existing = try await client.get(Secret.self, namespace: self.options.secretNamespace, name: self.options.secretName)
        } catch {
            guard error.isNotFound else { throw error }
            existing = nil
        }
        do {
            if let existing {
                secret.metadata.resourceVersion = existing.metadata.resourceVersion
                _ = try await client.update(secret)
            } else {
                _ = try await client.create(secret)
            }
        } catch {
            guard error.isAlreadyExists || error.isConflict else { throw error }
            return false
        }
        return true
    }
}
