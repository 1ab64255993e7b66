import ContainerRuntime
public import KubeJSON
public import KubeModel

/// Builds the `Node` objects of a simulated fleet, as a kubelet registering itself would create them
/// (labels, capacity, addresses, nodeInfo, healthy conditions).
public struct NodeFleet: Sendable {
    /// The capacity of a node when the configuration gives none: 8 CPUs, 32 GiB, 110 pods, 100 GiB disk.
    public static let defaultCapacity: [String: Quantity] = [
        "cpu": Quantity(value: 8),
        "memory": Quantity("32Gi")!,
        "pods": Quantity(value: 110),
        "ephemeral-storage": Quantity("100Gi")!,
    ]

    public var options: NodeFleetOptions

    public init(options: NodeFleetOptions) {
        self.options = options
    }

    /// The name of the node at `index` (0-based) before configuration overrides.
    public func generatedName(at index: Int) -> String {
        "\(self.options.namePrefix)\(index + 1)"
    }

    /// All nodes, registered at `now`.
    public func nodes(now: KubeTime) -> [Node] {
        (0..<max(0, self.options.count)).map { self.node(at: $0, now: now) }
    }

    /// The node at `index` (0-based), registered at `now`.
    public func node(at index: Int, now: KubeTime) -> Node {
        let generated = self.generatedName(at: index)
        let template = self.options.configuration.template(forNodeAt: index, named: generated)
        let name = template.name ?? generated
        let zone = template.zone ?? (self.options.zones.isEmpty ? nil : self.options.zones[index % self.options.zones.count])

        var metadata = ObjectMeta(name: name)
        var labels: [String: String] = [
            SimulatedNodeLabels.architecture: "amd64",
            SimulatedNodeLabels.operatingSystem: "linux",
            SimulatedNodeLabels.betaArchitecture: "amd64",
            SimulatedNodeLabels.betaOperatingSystem: "linux",
            SimulatedNodeLabels.hostname: name,
            SimulatedNodeLabels.simulated: "true",
        ]
        if let zone { labels[SimulatedNodeLabels.zone] = zone }
        if let region = self.options.region { labels[SimulatedNodeLabels.region] = region }
        labels.merge(template.labels) { _, configured in configured }
        metadata.labels = labels
        var annotations = ["node.alpha.kubernetes.io/ttl": "0"]
        annotations.merge(template.annotations) { _, configured in configured }
        metadata.annotations = annotations

        var node = Node(metadata: metadata)
        var spec = NodeSpec()
        let podCIDR = "\(self.options.podCIDRPrefix).\(index % 256).0/24"
        spec.podCIDR = podCIDR
        spec.object["podCIDRs"] = [.string(podCIDR)]
        spec.taints = template.taints ?? []
        node.spec = spec

        var capacity = Self.defaultCapacity
        capacity.merge(template.capacity) { _, configured in configured }
        var allocatable = capacity
        allocatable.merge(template.allocatable) { _, configured in configured }

        var status = NodeStatus()
        status.capacity = capacity
        status.allocatable = allocatable
        status.conditions = NodeStatusUpdates.healthyConditions(now: now, previous: [])
        status.addresses = [(type: "InternalIP", address: self.internalIP(at: index)), (type: "Hostname", address: name)]
        status.object["daemonEndpoints"] = ["kubeletEndpoint": ["Port": 10250]]
        let machineID = String(SHA256.hexDigest("machine:\(name)").prefix(32))
        status.nodeInfo = .object(
            JSONObject([
                ("architecture", .string("amd64")),
                ("bootID", .string(Self.uuid(SHA256.hexDigest("boot:\(name)")))),
                ("containerRuntimeVersion", .string(self.options.containerRuntimeVersion)),
                ("kernelVersion", .string("6.8.0-kruise-local")),
                ("kubeProxyVersion", .string(self.options.kubeletVersion)),
                ("kubeletVersion", .string(self.options.kubeletVersion)),
                ("machineID", .string(machineID)),
                ("operatingSystem", .string("linux")),
                ("osImage", .string("SwiftKruise simulated node")),
                ("systemUUID", .string(Self.uuid(SHA256.hexDigest("system:\(name)")))),
            ])
        )
        node.status = status
        return node
    }

    /// The InternalIP of the node at `index` (0-based): unique for the first 64,000 nodes.
    public func internalIP(at index: Int) -> String {
        "\(self.options.nodeAddressPrefix).\(index / 250).\(index % 250 + 2)"
    }

    /// 32 hex digits formatted as a UUID (8-4-4-4-12).
    static func uuid(_ hex: String) -> String {
        let digits = Array(hex.prefix(32))
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32]
        return groups.map { String(digits[$0]) }.joined(separator: "-")
    }
}
