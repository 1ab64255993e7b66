public import KubeJSON

/// `metadata` of a list (metav1.ListMeta).
public struct ListMeta: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var resourceVersion: String? {
        get { self.value("resourceVersion") }
        set { self.setValue("resourceVersion", newValue) }
    }

    /// The token for the next page, when the list was paginated.
    public var `continue`: String? {
        get { self.value("continue") }
        set { self.setValue("continue", newValue) }
    }

    public var remainingItemCount: Int64? {
        get { self.value("remainingItemCount") }
        set { self.setValue("remainingItemCount", newValue) }
    }
}
