import ContainerRuntime
import KruiseAPI
import KruiseDaemon
import KubeJSON
import KubeModel
import Synchronization

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A NodeImage from YAML (`metadata` may be left out: the name is `node-1`).
func nodeImage(_ yaml: String) throws -> NodeImage {
    guard var object = try YAMLReader.read(yaml).objectValue else { throw FixtureError("not an object: \(yaml)") }
    if object["metadata"] == nil { object["metadata"] = ["name": "node-1", "uid": "uid-1"] }
    return NodeImage(object: object)
}

/// A tag status in `phase` (finished phases get a completion time).
func tagStatus(_ tag: String, _ phase: ImageTagStatus.Phase, version: Int64 = 0, message: String? = nil) -> ImageTagStatus {
    var status = ImageTagStatus(tag: tag, phase: phase, version: version)
    if phase != .waiting { status.startTime = KubeTime(seconds: 1_700_000_000) }
    if phase == .succeeded || phase == .failed { status.completionTime = KubeTime(seconds: 1_700_000_010) }
    status.message = message
    return status
}

/// A task for `image:tag` with fast limits.
func pullTask(
    _ image: String, _ tag: String, version: Int64 = 1, policy: ImagePullPolicy = .ifNotPresent, backoffLimit: Int32 = 3,
    timeoutSeconds: Int32? = nil, activeDeadlineSeconds: Int64? = nil
) -> ImagePullTask {
    var spec = ImageTagSpec(tag: tag)
    spec.version = version
    spec.imagePullPolicy = policy
    var limits = ImageTagPullPolicy()
    limits.backoffLimit = backoffLimit
    limits.timeoutSeconds = timeoutSeconds
    limits.activeDeadlineSeconds = activeDeadlineSeconds
    spec.pullPolicy = limits
    return ImagePullTask(image: image, tag: spec)
}

/// Backoff waits short enough for tests.
let fastBackoff = ImagePullBackoff(base: .milliseconds(1), cap: .milliseconds(4))

/// A `kubernetes.io/dockerconfigjson` Secret with `username:password` for `registry`.
func dockerConfigSecret(namespace: String, name: String, registry: String, username: String, password: String) -> Secret {
    var secret = Secret(metadata: ObjectMeta(name: name, namespace: namespace))
    secret.type = "kubernetes.io/dockerconfigjson"
    let auth = Base64.encode(Array("\(username):\(password)".utf8))
    let json = #"{"auths":{"\#(registry)":{"auth":"\#(auth)"}}}"#
    secret.data = [".dockerconfigjson": Base64.encode(Array(json.utf8))]
    return secret
}

/// Every status a worker reported, in order.
final class ReportLog: Sendable {
    private let reports = Mutex<[ImageTagStatus]>([])

    var all: [ImageTagStatus] { self.reports.withLock { $0 } }
    var phases: [ImageTagStatus.Phase] { self.all.map(\.phase) }

    @Sendable func record(_ status: ImageTagStatus) async {
        self.reports.withLock { $0.append(status) }
    }
}

/// An image service that counts pulls and can hold them until opened; everything else is the wrapped store's.
final class InstrumentedImageService: ImageService, Sendable {
    private struct State {
        var pulls: [String] = []
        var held = false
        var failuresLeft = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    let base: any ImageService
    private let state = Mutex(State())

    /// Wraps `base`; `holdPulls` holds every pull until ``open()``; the first `failFirst` pulls fail.
    init(_ base: any ImageService, holdPulls: Bool = false, failFirst: Int = 0) {
        self.base = base
        self.state.withLock {
            $0.held = holdPulls
            $0.failuresLeft = failFirst
        }
    }

    /// References pulled (or being pulled), in order.
    var pulls: [String] { self.state.withLock { $0.pulls } }

    /// Lets held pulls (and later ones) go on.
    func open() {
        let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.held = false
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func pullImage(_ reference: String, credential: RegistryCredential?) async throws(ContainerRuntimeError) -> String {
        self.state.withLock { $0.pulls.append(reference) }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let wait = self.state.withLock { state -> Bool in
                guard state.held else { return false }
                state.waiters.append(continuation)
                return true
            }
            if !wait { continuation.resume() }
        }
        let fail = self.state.withLock { state -> Bool in
            guard state.failuresLeft > 0 else { return false }
            state.failuresLeft -= 1
            return true
        }
        if fail { throw ContainerRuntimeError(code: .unavailable, message: "connection reset by peer") }
        return try await self.base.pullImage(reference, credential: credential)
    }

    func listImages() async -> [RuntimeImage] { await self.base.listImages() }
    func imageStatus(_ reference: String) async -> RuntimeImage? { await self.base.imageStatus(reference) }
    func removeImage(_ reference: String) async throws(ContainerRuntimeError) { try await self.base.removeImage(reference) }
}

/// An image service whose pulls never finish (until cancelled).
struct HangingImageService: ImageService {
    func pullImage(_ reference: String, credential: RegistryCredential?) async throws(ContainerRuntimeError) -> String {
        try? await Task.sleep(for: .seconds(3600))
        throw ContainerRuntimeError(code: .unknown, message: "cancelled")
    }

    func listImages() async -> [RuntimeImage] { [] }
    func imageStatus(_ reference: String) async -> RuntimeImage? { nil }
    func removeImage(_ reference: String) async throws(ContainerRuntimeError) {}
}
