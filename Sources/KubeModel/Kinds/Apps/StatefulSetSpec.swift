public import KubeJSON

/// apps/v1 StatefulSetSpec.
public struct StatefulSetSpec: PodTemplatedSpec {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var serviceName: String? {
        get { self.value("serviceName") }
        set { self.setValue("serviceName", newValue) }
    }

    /// `OrderedReady` (the default) or `Parallel`.
    public var podManagementPolicy: String? {
        get { self.value("podManagementPolicy") }
        set { self.setValue("podManagementPolicy", newValue) }
    }

    /// `updateStrategy.type`: `RollingUpdate` (the default) or `OnDelete`.
    public var updateStrategyType: String? { self.object["updateStrategy"]?["type"]?.stringValue }

    /// `updateStrategy.rollingUpdate.partition`.
    public var partition: Int32? {
        self.object["updateStrategy"]?["rollingUpdate"]?["partition"]?.int64Value.flatMap { Int32(exactly: $0) }
    }

    public var volumeClaimTemplates: [PersistentVolumeClaim] {
        get { self.views("volumeClaimTemplates") }
        set { self.setViews("volumeClaimTemplates", newValue) }
    }
}
