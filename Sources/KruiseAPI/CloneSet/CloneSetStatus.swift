public import KubeJSON
public import KubeModel

/// `CloneSetStatus`.
public struct CloneSetStatus: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `observedGeneration`.
    public var observedGeneration: Int64 {
        get { self.value("observedGeneration") ?? 0 }
        set { self.setValue("observedGeneration", newValue) }
    }

    /// `replicas`: pods the CloneSet owns.
    public var replicas: Int32 {
        get { self.value("replicas") ?? 0 }
        set { self.setValue("replicas", newValue) }
    }

    /// `readyReplicas`: Running, Ready and InPlaceUpdateReady absent or True.
    public var readyReplicas: Int32 {
        get { self.value("readyReplicas") ?? 0 }
        set { self.setValue("readyReplicas", newValue) }
    }

    /// `availableReplicas`: ready for minReadySeconds, lifecycle state empty or Normal.
    public var availableReplicas: Int32 {
        get { self.value("availableReplicas") ?? 0 }
        set { self.setValue("availableReplicas", newValue) }
    }

    /// `updatedReplicas`: pods at the update revision.
    public var updatedReplicas: Int32 {
        get { self.value("updatedReplicas") ?? 0 }
        set { self.setValue("updatedReplicas", newValue) }
    }

    /// `updatedReadyReplicas`.
    public var updatedReadyReplicas: Int32 {
        get { self.value("updatedReadyReplicas") ?? 0 }
        set { self.setValue("updatedReadyReplicas", newValue) }
    }

    /// `updatedAvailableReplicas`.
    public var updatedAvailableReplicas: Int32 {
        get { self.value("updatedAvailableReplicas") ?? 0 }
        set { self.setValue("updatedAvailableReplicas", newValue) }
    }

    /// `expectedUpdatedReplicas` = replicas − partition.
    public var expectedUpdatedReplicas: Int32 {
        get { self.value("expectedUpdatedReplicas") ?? 0 }
        set { self.setValue("expectedUpdatedReplicas", newValue) }
    }

    /// `updateRevision`: the name of the revision of the current template.
    public var updateRevision: String? {
        get { self.value("updateRevision") }
        set { self.setValue("updateRevision", newValue) }
    }

    /// `currentRevision`.
    public var currentRevision: String? {
        get { self.value("currentRevision") }
        set { self.setValue("currentRevision", newValue) }
    }

    /// `collisionCount`.
    public var collisionCount: Int32? {
        get { self.value("collisionCount") }
        set { self.setValue("collisionCount", newValue) }
    }

    /// `labelSelector`: the selector in query form, for HPA (the scale subresource).
    public var labelSelector: String? {
        get { self.value("labelSelector") }
        set { self.setValue("labelSelector", newValue) }
    }

    /// `conditions` (`FailedScale`, `FailedUpdate`).
    public var conditions: [Condition] {
        get { self.views("conditions") }
        set { self.setViews("conditions", newValue) }
    }
}
