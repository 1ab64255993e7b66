public import KubeJSON

/// core/v1 NodeStatus.
public struct NodeStatus: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var capacity: [String: Quantity] {
        get { self.value("capacity") ?? [:] }
        set { self.setValue("capacity", newValue.isEmpty ? nil : newValue) }
    }

    public var allocatable: [String: Quantity] {
        get { self.value("allocatable") ?? [:] }
        set { self.setValue("allocatable", newValue.isEmpty ? nil : newValue) }
    }

    public var conditions: [Condition] {
        get { self.views("conditions") }
        set { self.setViews("conditions", newValue) }
    }

    /// `addresses[]` as (type, address) pairs, e.g. (`InternalIP`, `10.0.0.1`).
    public var addresses: [(type: String, address: String)] {
        get {
            guard case .array(let entries)? = self.object["addresses"] else { return [] }
            return entries.compactMap { entry in
                guard let type = entry["type"]?.stringValue, let address = entry["address"]?.stringValue else {
                    return nil
                }
                return (type, address)
            }
        }
        set {
            self.object["addresses"] =
                newValue.isEmpty ? nil : .array(newValue.map { ["type": .string($0.type), "address": .string($0.address)] })
        }
    }

    /// `nodeInfo` (kubelet and runtime versions, architecture), kept as JSON.
    public var nodeInfo: JSONValue? {
        get { self.object["nodeInfo"] }
        set { self.object["nodeInfo"] = newValue }
    }

    /// `images[]` (names and sizes of images present on the node), kept as JSON.
    public var images: [JSONValue] {
        get { self.value("images") ?? [] }
        set { self.setValue("images", newValue.isEmpty ? nil : newValue) }
    }
}
