public import KubeJSON
public import KubeModel

/// `WorkloadSpreadStatus`.
public struct WorkloadSpreadStatus: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `observedGeneration` (0 when absent).
    public var observedGeneration: Int64 {
        get { self.value("observedGeneration") ?? 0 }
        set { self.setValue("observedGeneration", newValue == 0 ? nil : newValue) }
    }

    /// `subsetStatuses`: one per subset in spec order, aggregated over every pod version (written by the
    /// controller; conditions and rescheduling are read from here).
    public var subsetStatuses: [WorkloadSpreadSubsetStatus] {
        get { self.views("subsetStatuses") }
        set { self.setViews("subsetStatuses", newValue) }
    }

    /// `versionedSubsetStatuses`: subset statuses per pod version (kruise v1.6); the webhook books creations and
    /// deletions in the bucket of the pod's version only.
    public var versionedSubsetStatuses: [String: [WorkloadSpreadSubsetStatus]] {
        get {
            guard case .object(let map)? = self.object["versionedSubsetStatuses"] else { return [:] }
            var result: [String: [WorkloadSpreadSubsetStatus]] = [:]
            for member in map {
                guard case .array(let elements) = member.value else { continue }
                result[member.key] = elements.compactMap { element in
                    if case .object(let nested) = element { return WorkloadSpreadSubsetStatus(object: nested) }
                    return nil
                }
            }
            return result
        }
        set {
            if newValue.isEmpty {
                self.object["versionedSubsetStatuses"] = nil
                return
            }
            var encoded = JSONObject(minimumCapacity: newValue.count)
            for version in newValue.keys.sorted() {
                encoded.appendUnchecked(key: version, value: .array(newValue[version]!.map { .object($0.object) }))
            }
            self.object["versionedSubsetStatuses"] = .object(encoded)
        }
    }
}
