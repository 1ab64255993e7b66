public import KubeJSON

/// apps/v1 DeploymentSpec.
public struct DeploymentSpec: PodTemplatedSpec {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var paused: Bool {
        get { self.value("paused") ?? false }
        set { self.setValue("paused", newValue ? true : nil) }
    }

    /// `strategy.type`: `RollingUpdate` (the default) or `Recreate`.
    public var strategyType: String? { self.object["strategy"]?["type"]?.stringValue }

    /// `strategy.rollingUpdate.maxSurge`.
    public var maxSurge: IntOrString? {
        self.object["strategy"]?["rollingUpdate"]?["maxSurge"].flatMap { try? IntOrString(json: $0) }
    }

    /// `strategy.rollingUpdate.maxUnavailable`.
    public var maxUnavailable: IntOrString? {
        self.object["strategy"]?["rollingUpdate"]?["maxUnavailable"].flatMap { try? IntOrString(json: $0) }
    }

    public var progressDeadlineSeconds: Int32? {
        get { self.value("progressDeadlineSeconds") }
        set { self.setValue("progressDeadlineSeconds", newValue) }
    }
}
