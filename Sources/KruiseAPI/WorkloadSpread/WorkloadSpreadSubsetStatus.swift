public import KubeJSON
public import KubeModel

/// `WorkloadSpreadSubsetStatus`: the bookkeeping of one subset, shared by the pod webhook (which reserves and
/// releases places) and the controller (which recomputes it from the pods it sees).
public struct WorkloadSpreadSubsetStatus: JSONObjectView {
    /// The condition type the Adaptive strategy sets to `False` while a subset cannot schedule pods.
    public static let schedulableCondition = "Schedulable"

    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// A status for subset `name` with `replicas` active pods and `missingReplicas` free places (−1: unlimited).
    /// `replicas` and `missingReplicas` are always written, as upstream's JSON has no `omitempty` on them.
    public init(name: String, replicas: Int32 = 0, missingReplicas: Int32) {
        self.object = JSONObject()
        self.name = name
        self.replicas = replicas
        self.missingReplicas = missingReplicas
    }

    /// `name`: the subset's name.
    public var name: String {
        get { self.value("name") ?? "" }
        set { self.setValue("name", newValue) }
    }

    /// `replicas`: active pods in the subset.
    public var replicas: Int32 {
        get { self.value("replicas") ?? 0 }
        set { self.setValue("replicas", newValue) }
    }

    /// `missingReplicas`: places left before `maxReplicas` is reached; −1 when the subset is unlimited.
    public var missingReplicas: Int32 {
        get { self.value("missingReplicas") ?? 0 }
        set { self.setValue("missingReplicas", newValue) }
    }

    /// `creatingPods`: pods the webhook placed here that the controller has not seen yet, by name (or by the UID
    /// the webhook generated for a pod with only `generateName`), with the time of admission.
    public var creatingPods: [String: KubeTime] {
        get { self.timeMap("creatingPods") }
        set { self.setTimeMap("creatingPods", newValue) }
    }

    /// `deletingPods`: pods whose deletion or eviction the webhook admitted, by name, with the time of admission.
    public var deletingPods: [String: KubeTime] {
        get { self.timeMap("deletingPods") }
        set { self.setTimeMap("deletingPods", newValue) }
    }

    /// `conditions` (type `Schedulable`).
    public var conditions: [Condition] {
        get { self.views("conditions") }
        set { self.setViews("conditions", newValue) }
    }

    /// `false` only when the `Schedulable` condition is `False`: the webhook then skips the subset.
    public var isSchedulable: Bool {
        self.conditions[type: Self.schedulableCondition]?.status != "False"
    }

    /// Whether `podID` is recorded in `creatingPods` or `deletingPods`.
    public func records(_ podID: String) -> Bool {
        self.creatingPods[podID] != nil || self.deletingPods[podID] != nil
    }

    private func timeMap(_ key: String) -> [String: KubeTime] {
        guard case .object(let map)? = self.object[key] else { return [:] }
        var result: [String: KubeTime] = [:]
        for member in map {
            if let time = try? KubeTime(json: member.value) { result[member.key] = time }
        }
        return result
    }

    /// Writes a map with its keys sorted, as Go marshals maps; an empty map removes the member (`omitempty`).
    private mutating func setTimeMap(_ key: String, _ map: [String: KubeTime]) {
        if map.isEmpty {
            self.object[key] = nil
            return
        }
        var encoded = JSONObject(minimumCapacity: map.count)
        for name in map.keys.sorted() { encoded.appendUnchecked(key: name, value: map[name]!.json) }
        self.object[key] = .object(encoded)
    }
}

extension WorkloadSpreadSubsetStatus {
    /// The statuses a version bucket starts with (upstream's `initializedSubsetStatuses`): one per subset in spec
    /// order, with `missingReplicas` the subset's limit for `workloadReplicas` replicas, or −1 when unlimited.
    public static func initial(for spec: WorkloadSpreadSpec, workloadReplicas: Int) -> [WorkloadSpreadSubsetStatus] {
        spec.subsets.map { subset in
            let limit = subset.replicaLimit(workloadReplicas: workloadReplicas).map { Int32(clamping: $0) } ?? -1
            return WorkloadSpreadSubsetStatus(name: subset.name, missingReplicas: limit)
        }
    }
}
