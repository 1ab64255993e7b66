public import KubeJSON
public import KubeModel

/// The settings of one simulated node (or the defaults of all): see ``NodeConfiguration`` for the format.
public struct NodeTemplate: Sendable, Hashable {
    /// The node's name; `nil` keeps the generated one.
    public var name: String?
    /// The zone (`topology.kubernetes.io/zone`); `nil` keeps the round-robin one.
    public var zone: String?
    public var labels: [String: String]
    public var annotations: [String: String]
    /// The taints; `nil` means "not given" (keep the defaults when merging).
    public var taints: [Taint]?
    public var capacity: [String: Quantity]
    /// Allocatable resources; resources missing here default to the capacity.
    public var allocatable: [String: Quantity]

    public init(
        name: String? = nil,
        zone: String? = nil,
        labels: [String: String] = [:],
        annotations: [String: String] = [:],
        taints: [Taint]? = nil,
        capacity: [String: Quantity] = [:],
        allocatable: [String: Quantity] = [:]
    ) {
        self.name = name
        self.zone = zone
        self.labels = labels
        self.annotations = annotations
        self.taints = taints
        self.capacity = capacity
        self.allocatable = allocatable
    }

    /// Decodes a template at `path` (used in errors).
    init(json: JSONValue, path: String) throws(NodeConfigurationError) {
        guard case .object(let object) = json else {
            throw NodeConfigurationError(path: path, message: "expected an object, got \(json.typeName)")
        }
        self.init()
        for member in object {
            let memberPath = "\(path).\(member.key)"
            let value = member.value
            if value.isNull { continue }
            switch member.key {
            case "name": self.name = try Self.string(value, path: memberPath)
            case "zone": self.zone = try Self.string(value, path: memberPath)
            case "labels": self.labels = try Self.stringMap(value, path: memberPath)
            case "annotations": self.annotations = try Self.stringMap(value, path: memberPath)
            case "capacity": self.capacity = try Self.resources(value, path: memberPath)
            case "allocatable": self.allocatable = try Self.resources(value, path: memberPath)
            case "taints":
                guard case .array(let entries) = value else {
                    throw NodeConfigurationError(path: memberPath, message: "expected an array, got \(value.typeName)")
                }
                var taints: [Taint] = []
                for (index, entry) in entries.enumerated() {
                    guard case .object(let taintObject) = entry else {
                        throw NodeConfigurationError(path: "\(memberPath)[\(index)]", message: "expected an object")
                    }
                    let taint = Taint(object: taintObject)
                    guard !taint.key.isEmpty else {
                        throw NodeConfigurationError(path: "\(memberPath)[\(index)].key", message: "required")
                    }
                    guard ["NoSchedule", "PreferNoSchedule", "NoExecute"].contains(taint.effect) else {
                        throw NodeConfigurationError(
                            path: "\(memberPath)[\(index)].effect",
                            message: "must be NoSchedule, PreferNoSchedule or NoExecute"
                        )
                    }
                    taints.append(taint)
                }
                self.taints = taints
            default:
                throw NodeConfigurationError(path: memberPath, message: "unknown member")
            }
        }
    }

    /// These settings with `other`'s merged over them: maps merged key by key, taints replaced when `other`
    /// gives them, name and zone taken from `other` when set.
    public func merging(_ other: NodeTemplate) -> NodeTemplate {
        var merged = self
        merged.name = other.name ?? self.name
        merged.zone = other.zone ?? self.zone
        merged.labels.merge(other.labels) { _, new in new }
        merged.annotations.merge(other.annotations) { _, new in new }
        merged.taints = other.taints ?? self.taints
        merged.capacity.merge(other.capacity) { _, new in new }
        merged.allocatable.merge(other.allocatable) { _, new in new }
        return merged
    }

    private static func string(_ value: JSONValue, path: String) throws(NodeConfigurationError) -> String {
        guard case .string(let text) = value else {
            throw NodeConfigurationError(path: path, message: "expected a string, got \(value.typeName)")
        }
        return text
    }

    private static func stringMap(_ value: JSONValue, path: String) throws(NodeConfigurationError) -> [String: String] {
        guard case .object(let object) = value else {
            throw NodeConfigurationError(path: path, message: "expected an object, got \(value.typeName)")
        }
        var map: [String: String] = [:]
        for member in object {
            switch member.value {
            case .string(let text): map[member.key] = text
            case .bool(let flag): map[member.key] = flag ? "true" : "false"
            case .int(let number): map[member.key] = String(number)
            default:
                throw NodeConfigurationError(path: "\(path).\(member.key)", message: "expected a string")
            }
        }
        return map
    }

    private static func resources(_ value: JSONValue, path: String) throws(NodeConfigurationError) -> [String: Quantity] {
        guard case .object(let object) = value else {
            throw NodeConfigurationError(path: path, message: "expected an object, got \(value.typeName)")
        }
        var resources: [String: Quantity] = [:]
        for member in object {
            let text: String
            switch member.value {
            case .string(let string): text = string
            case .int(let number): text = String(number)
            case .number(let number): text = number.description
            default:
                throw NodeConfigurationError(path: "\(path).\(member.key)", message: "expected a quantity")
            }
            guard let quantity = Quantity(text) else {
                throw NodeConfigurationError(path: "\(path).\(member.key)", message: "invalid quantity \"\(text)\"")
            }
            resources[member.key] = quantity
        }
        return resources
    }
}
