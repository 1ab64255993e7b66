public import KubeModel

/// The resources a pod requests, as kube-scheduler computes them: the sum over containers, raised to the
/// largest init container, plus `spec.overhead`.
public struct PodResourceRequest: Sendable, Hashable {
    public var milliCPU: Int64
    /// Bytes.
    public var memory: Int64
    /// Bytes.
    public var ephemeralStorage: Int64
    /// Extended and other resources by name (`nvidia.com/gpu`), in their base units.
    public var scalar: [String: Int64]

    public init(milliCPU: Int64 = 0, memory: Int64 = 0, ephemeralStorage: Int64 = 0, scalar: [String: Int64] = [:]) {
        self.milliCPU = milliCPU
        self.memory = memory
        self.ephemeralStorage = ephemeralStorage
        self.scalar = scalar
    }

    /// The request of `pod` (`max(Σ containers, max init container) + overhead`). With `nonZero`, a container
    /// requesting no CPU counts 100m and one requesting no memory counts 200Mi, as the scoring plugins do.
    public init(pod: Pod, nonZero: Bool = false) {
        self.init()
        let spec = pod.spec
        for container in spec.containers {
            self.add(Self.containerRequest(container, nonZero: nonZero))
        }
        for container in spec.initContainers {
            self.raise(to: Self.containerRequest(container, nonZero: nonZero))
        }
        if let overhead: [String: Quantity] = spec.value("overhead") {
            self.add(Self.request(from: overhead))
        }
    }

    /// `true` when nothing is requested.
    public var isEmpty: Bool {
        self.milliCPU == 0 && self.memory == 0 && self.ephemeralStorage == 0 && self.scalar.values.allSatisfy { $0 == 0 }
    }

    public mutating func add(_ other: PodResourceRequest) {
        self.milliCPU += other.milliCPU
        self.memory += other.memory
        self.ephemeralStorage += other.ephemeralStorage
        for (name, value) in other.scalar { self.scalar[name, default: 0] += value }
    }

    /// Takes away what `add(other)` added.
    mutating func subtract(_ other: PodResourceRequest) {
        self.milliCPU -= other.milliCPU
        self.memory -= other.memory
        self.ephemeralStorage -= other.ephemeralStorage
        for (name, value) in other.scalar { self.scalar[name, default: 0] -= value }
    }

    mutating func raise(to other: PodResourceRequest) {
        self.milliCPU = max(self.milliCPU, other.milliCPU)
        self.memory = max(self.memory, other.memory)
        self.ephemeralStorage = max(self.ephemeralStorage, other.ephemeralStorage)
        for (name, value) in other.scalar { self.scalar[name] = max(self.scalar[name] ?? 0, value) }
    }

    static func containerRequest(_ container: Container, nonZero: Bool) -> PodResourceRequest {
        var request = self.request(from: container.resources.requests)
        if nonZero {
            if container.resources.requests["cpu"] == nil { request.milliCPU = 100 }
            if container.resources.requests["memory"] == nil { request.memory = 200 * 1024 * 1024 }
        }
        return request
    }

    /// The request in a resource list (`cpu` in millicores, everything else in base units; `pods` ignored).
    public static func request(from resources: [String: Quantity]) -> PodResourceRequest {
        var request = PodResourceRequest()
        for (name, quantity) in resources {
            switch name {
            case "cpu": request.milliCPU = quantity.milliValue
            case "memory": request.memory = quantity.value
            case "ephemeral-storage": request.ephemeralStorage = quantity.value
            case "pods": continue
            default: request.scalar[name] = quantity.value
            }
        }
        return request
    }
}
