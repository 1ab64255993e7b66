public import KubeJSON
public import KubeModel

/// `AdaptiveWorkloadSpreadStrategy`.
public struct AdaptiveWorkloadSpreadStrategy: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `disableSimulationSchedule`: upstream reserves it for a webhook-side scheduling simulation it never
    /// implemented; kept for round trips.
    public var disableSimulationSchedule: Bool {
        get { self.value("disableSimulationSchedule") ?? false }
        set { self.setValue("disableSimulationSchedule", newValue ? true : nil) }
    }

    /// `rescheduleCriticalSeconds`: how long a pod may stay Pending and unschedulable before it is deleted.
    public var rescheduleCriticalSeconds: Int32? {
        get { self.value("rescheduleCriticalSeconds") }
        set { self.setValue("rescheduleCriticalSeconds", newValue) }
    }
}
