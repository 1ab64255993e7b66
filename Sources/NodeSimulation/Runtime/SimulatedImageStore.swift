public import ContainerRuntime
public import KubeModel
import Synchronization

/// The image store of one simulated node: the CRI ``ImageService`` over a ``SimulatedRegistry``, plus the pull
/// bookkeeping (pulls under way, failures) the simulated kubelet plans with (``view(for:credential:)``).
///
/// A `Mutex` guards the state; methods are synchronous (the `async` requirements of ``ImageService`` are met by
/// synchronous implementations) and safe from any thread.
public final class SimulatedImageStore: ImageService, Sendable {
    private struct State {
        var images: [String: RuntimeImage] = [:]
        var referenceToImageID: [String: String] = [:]
        var referenceToLocal: [String: LocalImage] = [:]
        var pullsUnderWay: [String: KubeTime] = [:]
        var failures: [String: ImagePullFailure] = [:]
    }

    /// The registry pulls go to.
    public let registry: SimulatedRegistry
    private let state = Mutex(State())

    public init(registry: SimulatedRegistry) {
        self.registry = registry
    }

    // MARK: ImageService

    public func pullImage(_ reference: String, credential: RegistryCredential?) throws(ContainerRuntimeError) -> String {
        let resolved = try self.registry.resolve(reference, credential: credential)
        self.store(resolved)
        return resolved.imageID
    }

    public func listImages() -> [RuntimeImage] {
        self.state.withLock { Array($0.images.values) }.sorted { $0.id < $1.id }
    }

    public func imageStatus(_ reference: String) -> RuntimeImage? {
        let key = Self.key(reference)
        return self.state.withLock { state in
            if let id = state.referenceToImageID[key] { return state.images[id] }
            return state.images[reference]
        }
    }

    public func removeImage(_ reference: String) throws(ContainerRuntimeError) {
        let key = Self.key(reference)
        let removed = self.state.withLock { state -> Bool in
            guard let id = state.referenceToImageID[key] ?? (state.images[reference] != nil ? reference : nil) else {
                return false
            }
            state.images[id] = nil
            for (name, imageID) in state.referenceToImageID where imageID == id {
                state.referenceToImageID[name] = nil
                state.referenceToLocal[name] = nil
            }
            return true
        }
        if !removed {
            throw ContainerRuntimeError(code: .notFound, message: "image \"\(reference)\": not found")
        }
    }

    // MARK: Simulation bookkeeping

    /// Records that a pull of `reference` started at `time`.
    public func beginPull(_ reference: String, at time: KubeTime) {
        let key = Self.key(reference)
        self.state.withLock { state in
            if state.pullsUnderWay[key] == nil { state.pullsUnderWay[key] = time }
        }
    }

    /// Finishes the pull of `reference` at `time`: the image is stored, or the failure is recorded for the
    /// kubelet's back-off.
    @discardableResult
    public func completePull(
        _ reference: String,
        credential: RegistryCredential?,
        at time: KubeTime
    ) -> Result<RuntimeImage, ContainerRuntimeError> {
        let key = Self.key(reference)
        do {
            let resolved = try self.registry.resolve(reference, credential: credential)
            let image = self.store(resolved)
            self.state.withLock { state in
                state.pullsUnderWay[key] = nil
                state.failures[key] = nil
            }
            return .success(image)
        } catch {
            self.state.withLock { state in
                state.pullsUnderWay[key] = nil
                let count = (state.failures[key]?.consecutiveFailures ?? 0) + 1
                state.failures[key] = ImagePullFailure(message: error.description, failedAt: time, consecutiveFailures: count)
            }
            return .failure(error)
        }
    }

    /// Everything the kubelet planner needs about `reference` (see ``ImagePullView``); the registry is asked
    /// for its current digest with `credential` unless `remote` is `false` (the digest matters only to
    /// `imagePullPolicy: Always`; the view then has none).
    public func view(for reference: String, credential: RegistryCredential? = nil, remote: Bool = true) -> ImagePullView {
        let key = Self.key(reference)
        let remote = remote ? try? self.registry.resolve(reference, credential: credential) : nil
        return self.state.withLock { state in
            ImagePullView(
                local: state.referenceToLocal[key],
                pullStartedAt: state.pullsUnderWay[key],
                lastFailure: state.failures[key],
                remoteDigest: remote?.digest
            )
        }
    }

    @discardableResult
    private func store(_ resolved: ResolvedImage) -> RuntimeImage {
        let key = resolved.reference.description
        return self.state.withLock { state in
            var image = state.images[resolved.imageID]
                ?? RuntimeImage(id: resolved.imageID, repoTags: [], repoDigests: [], size: resolved.size)
            // A tag names one image: move it off the image it named before.
            if let previous = state.referenceToImageID[key], previous != resolved.imageID {
                state.images[previous]?.repoTags.removeAll { $0 == key }
            }
            if resolved.reference.tag != nil, !image.repoTags.contains(key) { image.repoTags.append(key) }
            if !image.repoDigests.contains(resolved.repoDigest) { image.repoDigests.append(resolved.repoDigest) }
            state.images[resolved.imageID] = image
            state.referenceToImageID[key] = resolved.imageID
            state.referenceToLocal[key] = LocalImage(
                imageID: resolved.imageID,
                digest: resolved.digest,
                repoDigest: resolved.repoDigest
            )
            return image
        }
    }

    private static func key(_ reference: String) -> String {
        ImageReferenceCache.shared.normalized(reference) ?? reference
    }
}
