import Foundation
import KubeModel
import Synchronization

/// Supplies the bearer token for each request: fixed, read from a file (re-read every minute, as client-go
/// does, so a rotated service-account token is picked up), or obtained from an exec plugin (cached until it
/// expires or the server answers 401).
final class BearerTokenProvider: Sendable {
    private struct Cached {
        var token: String?
        var validUntil: ContinuousClock.Instant
    }

    private let source: CredentialSource
    private let cache: Mutex<Cached?>

    /// How long a token read from a file is used before the file is read again.
    static let fileRefreshInterval: Duration = .seconds(60)

    init(source: CredentialSource) {
        self.source = source
        self.cache = Mutex(nil)
    }

    /// The token to send, or `nil` for none.
    func token() throws(KubeconfigError) -> String? {
        switch self.source {
        case .none:
            return nil
        case .token(let token):
            return token
        case .tokenFile, .exec:
            let now = ContinuousClock.now
            if let cached = self.cache.withLock({ $0 }), cached.validUntil > now { return cached.token }
            let fresh = try self.fetch(now: now)
            self.cache.withLock { $0 = fresh }
            return fresh.token
        }
    }

    /// Forgets a cached token after the server rejected it, so the next request fetches a new one.
    func invalidate() {
        self.cache.withLock { $0 = nil }
    }

    private func fetch(now: ContinuousClock.Instant) throws(KubeconfigError) -> Cached {
        switch self.source {
        case .tokenFile(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw KubeconfigError("cannot read token file \(path)")
            }
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return Cached(token: token, validUntil: now + Self.fileRefreshInterval)
        case .exec(let config):
            let credential = try ExecCredentialPlugin.run(config)
            var validFor = Duration.seconds(3600 * 24 * 365)
            if let expiration = credential.expiration {
                // Refresh a little before the plugin's expiry.
                let remaining = expiration.duration(since: KubeTime.now()) - .seconds(10)
                validFor = max(.zero, remaining)
            }
            return Cached(token: credential.token, validUntil: now + validFor)
        case .none, .token:
            return Cached(token: nil, validUntil: now)
        }
    }
}
