import ContainerRuntime

/// How many simulated nodes to build and how to name and place them.
public struct NodeFleetOptions: Sendable, Hashable {
    /// The number of nodes.
    public var count: Int
    /// Node names are `namePrefix` followed by 1, 2, 3, …
    public var namePrefix: String
    /// Zones assigned round-robin (node 1 → first zone); empty for no zone label.
    public var zones: [String]
    /// `topology.kubernetes.io/region`, when not `nil`.
    public var region: String?
    /// Labels, taints and resources.
    public var configuration: NodeConfiguration
    /// `status.nodeInfo.kubeletVersion`.
    public var kubeletVersion: String
    /// `status.nodeInfo.containerRuntimeVersion`.
    public var containerRuntimeVersion: String
    /// The first two octets of node InternalIPs: node *i* (0-based) gets `prefix.(i / 250).(i % 250 + 2)`.
    public var nodeAddressPrefix: String
    /// The first octet pair of pod CIDRs: node *i* (0-based) gets `prefix.i.0/24`.
    public var podCIDRPrefix: String

    public init(
        count: Int = 3,
        namePrefix: String = "kruise-node-",
        zones: [String] = ["zone-a", "zone-b", "zone-c"],
        region: String? = "local",
        configuration: NodeConfiguration = NodeConfiguration(),
        kubeletVersion: String = "v1.32.0",
        containerRuntimeVersion: String = "containerd://1.7.24",
        nodeAddressPrefix: String = "172.18",
        podCIDRPrefix: String = "10.244"
    ) {
        self.count = count
        self.namePrefix = namePrefix
        self.zones = zones
        self.region = region
        self.configuration = configuration
        self.kubeletVersion = kubeletVersion
        self.containerRuntimeVersion = containerRuntimeVersion
        self.nodeAddressPrefix = nodeAddressPrefix
        self.podCIDRPrefix = podCIDRPrefix
    }
}
