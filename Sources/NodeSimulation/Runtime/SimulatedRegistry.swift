public import ContainerRuntime
import KubeJSON
import Synchronization

/// The image registries of the simulation: every tag resolves to a deterministic `sha256:` digest,
/// ``push(_:)`` publishes new content under a tag (so `imagePullPolicy: Always` pulls see a new digest),
/// failures can be injected per reference or repository, and private repositories need credentials.
///
/// Shared between nodes and tests; a `Mutex` guards the state, so every method is synchronous and safe
/// from any thread.
public final class SimulatedRegistry: Sendable {
    private struct State {
        var generations: [String: Int] = [:]
        var revisions: [String: String] = [:]
        var knownOnly = false
        var known: Set<String> = []
        var failures: [String: RegistryFailure] = [:]
        var privateRepositories: [String: Set<RegistryCredential>] = [:]
    }

    private let state = Mutex(State())

    /// A registry where every reference exists, unless `knownReferencesOnly`: then only pushed references do.
    public init(knownReferencesOnly: Bool = false) {
        self.state.withLock { $0.knownOnly = knownReferencesOnly }
    }

    /// Publishes new content under `reference` (created if new): its digest changes.
    /// - Throws: ``ImageReferenceError`` for an invalid reference.
    @discardableResult
    public func push(_ reference: String) throws(ImageReferenceError) -> String {
        let normalized = try ImageReference(parsing: reference)
        let key = normalized.description
        let generation = self.state.withLock { state in
            state.known.insert(key)
            state.generations[key, default: 0] += 1
            return state.generations[key]!
        }
        return Self.digest(key, generation: generation)
    }

    /// Publishes the content named `revision` under `reference` (the `local-registry` ConfigMap's way to push):
    /// the digest is a function of the reference and the revision, so every node (and a restarted cluster) sees
    /// the same digest for the same revision; `nil` returns the reference to its pushed content.
    /// - Throws: ``ImageReferenceError`` for an invalid reference.
    public func setRevision(_ revision: String?, for reference: String) throws(ImageReferenceError) {
        let key = try ImageReference(parsing: reference).description
        self.state.withLock { state in
            state.revisions[key] = revision
            if revision != nil { state.known.insert(key) }
        }
    }

    /// Makes pulls of `reference` fail with `failure`; `nil` removes the injected failure. A reference with a
    /// tag or digest (`nginx:1.25`) names that image only; one without (`nginx`, `quay.io/team/app`) names
    /// the whole repository.
    public func injectFailure(_ failure: RegistryFailure?, for reference: String) {
        let key = (try? ImageReference(parsing: reference)).map { self.isRepositoryOnly(reference) ? $0.repository : $0.description }
            ?? reference
        self.state.withLock { $0.failures[key] = failure }
    }

    /// Marks `repository` (e.g. `registry.example.com/team/app` or `nginx`) private: pulls need one of
    /// `credentials`.
    public func makePrivate(_ repository: String, credentials: Set<RegistryCredential>) {
        let key = (try? ImageReference(parsing: repository))?.repository ?? repository
        self.state.withLock { $0.privateRepositories[key] = credentials }
    }

    /// Resolves `reference` as a pull would (with `credential`), without changing anything.
    /// - Throws: ``ContainerRuntimeError`` with containerd's messages for missing, unauthorized or failing
    ///   references.
    public func resolve(_ reference: String, credential: RegistryCredential?) throws(ContainerRuntimeError) -> ResolvedImage {
        let normalized: ImageReference
        do {
            normalized = try ImageReferenceCache.shared.reference(reference)
        } catch {
            throw ContainerRuntimeError(code: .unknown, message: error.description)
        }
        let key = normalized.description
        let lookup = self.state.withLock { state in
            (
                failure: state.failures[key] ?? state.failures[normalized.repository],
                allowed: state.privateRepositories[normalized.repository],
                known: !state.knownOnly || state.known.contains(key) || normalized.digest != nil,
                generation: state.generations[key] ?? 0,
                revision: state.revisions[key]
            )
        }
        let quoted = "\"\(key)\""
        let unpack = "failed to pull and unpack image \(quoted): failed to resolve reference \(quoted)"
        if let allowed = lookup.allowed, credential.map({ !allowed.contains($0) }) ?? true {
            throw Self.error(for: .unauthorized, key: key, unpack: unpack)
        }
        if let failure = lookup.failure { throw Self.error(for: failure, key: key, unpack: unpack) }
        guard lookup.known else { throw Self.error(for: .notFound, key: key, unpack: unpack) }
        let digest = normalized.digest
            ?? lookup.revision.map { "sha256:" + SHA256.hexDigest("manifest:\(key)@\($0)") }
            ?? Self.digest(key, generation: lookup.generation)
        let imageID = "sha256:" + SHA256.hexDigest("config:\(digest)")
        let size = Int64(5_000_000 + (Int(digest.utf8.last!) % 64) * 1_000_000)
        return ResolvedImage(reference: normalized, digest: digest, imageID: imageID, size: size)
    }

    private func isRepositoryOnly(_ reference: String) -> Bool {
        let lastComponent = reference.split(separator: "/").last ?? ""
        return !lastComponent.contains(":") && !reference.contains("@")
    }

    static func digest(_ key: String, generation: Int) -> String {
        "sha256:" + SHA256.hexDigest("manifest:\(key)#\(generation)")
    }

    private static func error(for failure: RegistryFailure, key: String, unpack: String) -> ContainerRuntimeError {
        switch failure {
        case .notFound:
            return ContainerRuntimeError(code: .notFound, message: "\(unpack): \(key): not found")
        case .unauthorized:
            return ContainerRuntimeError(
                code: .unknown,
                message: "\(unpack): pull access denied, repository does not exist or may require authorization: "
                    + "server message: insufficient_scope: authorization failed"
            )
        case .error(let message):
            return ContainerRuntimeError(code: .unknown, message: "\(unpack): \(message)")
        }
    }
}
