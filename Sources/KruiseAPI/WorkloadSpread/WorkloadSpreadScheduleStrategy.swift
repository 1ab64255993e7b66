public import KubeJSON
public import KubeModel

/// `WorkloadSpreadScheduleStrategy`.
public struct WorkloadSpreadScheduleStrategy: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `type` as written (`Fixed`, `Adaptive` or absent); validation rejects other values.
    public var typeName: String? {
        get { self.value("type") }
        set { self.setValue("type", newValue) }
    }

    /// `type`: `Fixed` when absent or empty; `nil` for an unknown value.
    public var type: WorkloadSpreadScheduleStrategyType? {
        get {
            let name = self.typeName ?? ""
            return name.isEmpty ? .fixed : WorkloadSpreadScheduleStrategyType(rawValue: name)
        }
        set { self.typeName = newValue?.rawValue }
    }

    /// `adaptive`; `nil` when absent.
    public var adaptive: AdaptiveWorkloadSpreadStrategy? {
        get {
            guard case .object(let nested)? = self.object["adaptive"] else { return nil }
            return AdaptiveWorkloadSpreadStrategy(object: nested)
        }
        set { self.object["adaptive"] = newValue.map { .object($0.object) } }
    }

    /// The seconds after which an unschedulable pod is rescheduled: `adaptive.rescheduleCriticalSeconds` when the
    /// type is `Adaptive` and it is set, else 0 (no rescheduling), as the controller reads it.
    public var effectiveRescheduleCriticalSeconds: Int32 {
        guard self.typeName == WorkloadSpreadScheduleStrategyType.adaptive.rawValue else { return 0 }
        return self.adaptive?.rescheduleCriticalSeconds ?? 0
    }
}
