public import KubeJSON

/// core/v1 PodSpec: the fields the controllers and the simulated kubelet use; all others are kept as JSON.
public struct PodSpec: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var containers: [Container] {
        get { self.views("containers") }
        set { self.setViews("containers", newValue) }
    }

    public var initContainers: [Container] {
        get { self.views("initContainers") }
        set { self.setViews("initContainers", newValue) }
    }

    public var volumes: [Volume] {
        get { self.views("volumes") }
        set { self.setViews("volumes", newValue) }
    }

    public var nodeName: String? {
        get { self.value("nodeName") }
        set { self.setValue("nodeName", newValue) }
    }

    public var nodeSelector: [String: String] {
        get { self.stringMap("nodeSelector") }
        set { self.setStringMap("nodeSelector", newValue) }
    }

    /// `affinity`, kept as JSON: node and pod (anti-)affinity are read by the scheduler and written by
    /// WorkloadSpread as whole terms.
    public var affinity: JSONValue? {
        get { self.object["affinity"] }
        set { self.object["affinity"] = newValue }
    }

    public var tolerations: [Toleration] {
        get { self.views("tolerations") }
        set { self.setViews("tolerations", newValue) }
    }

    /// `true` when the pod has a readiness gate for `conditionType` (read without building the list).
    public func hasReadinessGate(_ conditionType: String) -> Bool {
        guard case .array(let gates)? = self.object["readinessGates"] else { return false }
        return gates.contains { $0["conditionType"]?.stringValue == conditionType }
    }

    public var readinessGates: [String] {
        get {
            guard case .array(let gates)? = self.object["readinessGates"] else { return [] }
            return gates.compactMap { $0["conditionType"]?.stringValue }
        }
        set {
            self.object["readinessGates"] =
                newValue.isEmpty ? nil : .array(newValue.map { ["conditionType": .string($0)] })
        }
    }

    public var restartPolicy: String? {
        get { self.value("restartPolicy") }
        set { self.setValue("restartPolicy", newValue) }
    }

    public var schedulerName: String? {
        get { self.value("schedulerName") }
        set { self.setValue("schedulerName", newValue) }
    }

    public var serviceAccountName: String? {
        get { self.value("serviceAccountName") }
        set { self.setValue("serviceAccountName", newValue) }
    }

    public var hostname: String? {
        get { self.value("hostname") }
        set { self.setValue("hostname", newValue) }
    }

    public var subdomain: String? {
        get { self.value("subdomain") }
        set { self.setValue("subdomain", newValue) }
    }

    public var priority: Int32? {
        get { self.value("priority") }
        set { self.setValue("priority", newValue) }
    }

    public var terminationGracePeriodSeconds: Int64? {
        get { self.value("terminationGracePeriodSeconds") }
        set { self.setValue("terminationGracePeriodSeconds", newValue) }
    }

    public var activeDeadlineSeconds: Int64? {
        get { self.value("activeDeadlineSeconds") }
        set { self.setValue("activeDeadlineSeconds", newValue) }
    }

    public var imagePullSecrets: [String] {
        get {
            guard case .array(let refs)? = self.object["imagePullSecrets"] else { return [] }
            return refs.compactMap { $0["name"]?.stringValue }
        }
        set {
            self.object["imagePullSecrets"] = newValue.isEmpty ? nil : .array(newValue.map { ["name": .string($0)] })
        }
    }
}
