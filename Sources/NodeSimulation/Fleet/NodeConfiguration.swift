public import KubeJSON
public import KubeModel

/// The node configuration of `kruise local` (`--node-config FILE`): labels, taints and resources for the
/// simulated nodes, as defaults and per node. Read from YAML or JSON through KubeJSON.
///
/// Format (every member optional):
/// ```yaml
/// defaults:                      # applied to every node
///   labels: {tier: general}
///   annotations: {team: infra}
///   taints:
///     - {key: dedicated, value: batch, effect: NoSchedule}
///   capacity: {cpu: "8", memory: 32Gi, pods: "110", ephemeral-storage: 100Gi}
///   allocatable: {cpu: 7800m}    # missing resources default to the capacity
/// nodes:                         # per node; matched by generated name, else by position
///   - name: kruise-node-1        # optional; overrides the generated name at this position
///     zone: zone-b               # optional; overrides the round-robin zone
///     labels: {gpu: "true"}      # merged over the defaults
///     taints: []                 # replaces the default taints when present
///     capacity: {nvidia.com/gpu: "4"}   # merged over the defaults
///     allocatable: {}
/// ```
/// Quantities may be written as strings or numbers (`cpu: 8`).
public struct NodeConfiguration: Sendable, Hashable {
    /// The settings of every node.
    public var defaults: NodeTemplate
    /// Per-node settings, by position (and by `name` when given).
    public var nodes: [NodeTemplate]

    public init(defaults: NodeTemplate = NodeTemplate(), nodes: [NodeTemplate] = []) {
        self.defaults = defaults
        self.nodes = nodes
    }

    /// Decodes a configuration document.
    /// - Throws: ``NodeConfigurationError`` naming the member that is wrong.
    public init(json: JSONValue) throws(NodeConfigurationError) {
        guard case .object(let root) = json else {
            throw NodeConfigurationError(path: "", message: "expected an object, got \(json.typeName)")
        }
        for key in root.keys where key != "defaults" && key != "nodes" {
            throw NodeConfigurationError(path: key, message: "unknown member")
        }
        self.defaults = try root["defaults"].map { value throws(NodeConfigurationError) in
            try NodeTemplate(json: value, path: "defaults")
        } ?? NodeTemplate()
        var nodes: [NodeTemplate] = []
        if let value = root["nodes"], !value.isNull {
            guard case .array(let entries) = value else {
                throw NodeConfigurationError(path: "nodes", message: "expected an array, got \(value.typeName)")
            }
            for (index, entry) in entries.enumerated() {
                nodes.append(try NodeTemplate(json: entry, path: "nodes[\(index)]"))
            }
        }
        self.nodes = nodes
    }

    /// Reads a configuration from YAML (or JSON, which is YAML).
    /// - Throws: ``NodeConfigurationError``.
    public init(yaml text: String) throws(NodeConfigurationError) {
        let json: JSONValue
        do {
            json = try YAMLReader.read(text)
        } catch {
            throw NodeConfigurationError(path: "", message: error.description)
        }
        try self.init(json: json)
    }

    /// The template of the node at `index` whose generated name is `name`: the defaults with the matching
    /// per-node entry merged over them. The entry whose `name` is the generated name matches; otherwise the
    /// entry at the node's position does (and its `name`, if any, renames the node).
    public func template(forNodeAt index: Int, named name: String) -> NodeTemplate {
        let entry = self.nodes.first { $0.name == name } ?? (index < self.nodes.count ? self.nodes[index] : nil)
        guard let entry else { return self.defaults }
        return self.defaults.merging(entry)
    }
}
