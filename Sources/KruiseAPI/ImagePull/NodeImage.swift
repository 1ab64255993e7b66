public import KubeJSON
public import KubeModel

/// apps.kruise.io/v1alpha1 NodeImage (cluster scope, one per Node with the Node's name): the images the daemon
/// on that node must pull, and what it reports of each pull.
public struct NodeImage: KubeObject {
    /// `apps.kruise.io/v1alpha1`, kind `NodeImage`.
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: "apps.kruise.io", version: "v1alpha1", kind: "NodeImage")
    }

    /// The label that keeps a NodeImage without a Node (upstream's tests use it for fake nodes).
    public static let fakeLabel = "apps.kruise.io/fake-nodeimage"

    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `spec.images`: image name (without tag) → what to pull.
    public var images: [String: NodeImageSpec] {
        get { self.view("spec", as: NodeImageSpecView.self).images }
        set {
            var spec = self.view("spec", as: NodeImageSpecView.self)
            spec.images = newValue
            self.object["spec"] = .object(spec.object)
        }
    }

    /// `status`.
    public var status: NodeImageStatus {
        get { self.view("status") }
        set { self.setView("status", newValue) }
    }
}

/// `spec` of a NodeImage: its `images` map, kept in key order when written back.
struct NodeImageSpecView: JSONObjectView {
    var object: JSONObject

    init(object: JSONObject) {
        self.object = object
    }

    var images: [String: NodeImageSpec] {
        get {
            guard case .object(let map)? = self.object["images"] else { return [:] }
            var result: [String: NodeImageSpec] = [:]
            for member in map {
                if case .object(let nested) = member.value { result[member.key] = NodeImageSpec(object: nested) }
            }
            return result
        }
        set { self.object["images"] = NodeImageSpecView.orderedMap(newValue, existing: self.object["images"]) }
    }

    /// `map` as a JSON object: keys already present keep their place, new ones are appended sorted; empty → absent.
    static func orderedMap<V: JSONObjectView>(_ map: [String: V], existing: JSONValue?) -> JSONValue? {
        if map.isEmpty { return nil }
        var encoded = JSONObject(minimumCapacity: map.count)
        if case .object(let old)? = existing {
            for member in old {
                if let value = map[member.key] { encoded.appendUnchecked(key: member.key, value: .object(value.object)) }
            }
        }
        for key in map.keys.sorted() where encoded[key] == nil {
            encoded.appendUnchecked(key: key, value: .object(map[key]!.object))
        }
        return .object(encoded)
    }
}
