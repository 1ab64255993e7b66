public import ContainerRuntime
import Synchronization

/// The CRI runtime service of a simulated node: reports a containerd version and records stopped containers.
/// A `Mutex` guards the record.
public final class SimulatedRuntimeService: RuntimeService, Sendable {
    private let stopped = Mutex<[String: Int64]>([:])
    /// The version reported.
    public let runtimeVersion: RuntimeVersion

    public init(runtimeVersion: RuntimeVersion = RuntimeVersion(runtimeName: "containerd", runtimeVersion: "v1.7.24", runtimeAPIVersion: "v1")) {
        self.runtimeVersion = runtimeVersion
    }

    public func version() -> RuntimeVersion { self.runtimeVersion }

    public func stopContainer(_ containerID: String, timeoutSeconds: Int64) throws(ContainerRuntimeError) {
        self.stopped.withLock { $0[containerID] = timeoutSeconds }
    }

    /// The containers stopped so far, with the timeout each was given.
    public var stoppedContainers: [String: Int64] { self.stopped.withLock { $0 } }
}
