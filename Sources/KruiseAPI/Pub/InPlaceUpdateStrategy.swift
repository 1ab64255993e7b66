public import KubeJSON
public import KubeModel

/// `InPlaceUpdateStrategy`.
public struct InPlaceUpdateStrategy: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `gracePeriodSeconds`: time between marking the pod not-ready and changing its images.
    public var gracePeriodSeconds: Int32 {
        get { self.value("gracePeriodSeconds") ?? 0 }
        set { self.setValue("gracePeriodSeconds", newValue == 0 ? nil : newValue) }
    }
}
