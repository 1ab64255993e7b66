public import KubeJSON

/// core/v1 Taint.
public struct Taint: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public init(key: String, value: String? = nil, effect: String) {
        self.object = JSONObject()
        self.key = key
        self.value = value
        self.effect = effect
    }

    public var key: String {
        get { self.value("key") ?? "" }
        set { self.setValue("key", newValue) }
    }

    public var value: String? {
        get { self.value("value") }
        set { self.setValue("value", newValue) }
    }

    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    public var effect: String {
        get { self.value("effect") ?? "" }
        set { self.setValue("effect", newValue) }
    }

    public var timeAdded: KubeTime? {
        get { self.value("timeAdded") }
        set { self.setValue("timeAdded", newValue) }
    }
}
