public import KubeJSON

/// `metadata` of every object (metav1.ObjectMeta).
public struct ObjectMeta: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    /// Metadata with a name and, for namespaced objects, a namespace.
    public init(name: String, namespace: String? = nil) {
        self.object = JSONObject()
        self.name = name
        self.namespace = namespace
    }

    public var name: String? {
        get { self.value("name") }
        set { self.setValue("name", newValue) }
    }

    public var generateName: String? {
        get { self.value("generateName") }
        set { self.setValue("generateName", newValue) }
    }

    public var namespace: String? {
        get { self.value("namespace") }
        set { self.setValue("namespace", newValue) }
    }

    public var uid: String? {
        get { self.value("uid") }
        set { self.setValue("uid", newValue) }
    }

    public var resourceVersion: String? {
        get { self.value("resourceVersion") }
        set { self.setValue("resourceVersion", newValue) }
    }

    public var generation: Int64? {
        get { self.value("generation") }
        set { self.setValue("generation", newValue) }
    }

    public var creationTimestamp: KubeTime? {
        get { self.value("creationTimestamp") }
        set { self.setValue("creationTimestamp", newValue) }
    }

    public var deletionTimestamp: KubeTime? {
        get { self.value("deletionTimestamp") }
        set { self.setValue("deletionTimestamp", newValue) }
    }

    public var deletionGracePeriodSeconds: Int64? {
        get { self.value("deletionGracePeriodSeconds") }
        set { self.setValue("deletionGracePeriodSeconds", newValue) }
    }

    public var labels: [String: String] {
        get { self.stringMap("labels") }
        set { self.setStringMap("labels", newValue) }
    }

    public var annotations: [String: String] {
        get { self.stringMap("annotations") }
        set { self.setStringMap("annotations", newValue) }
    }

    /// One label's value, read without building the whole ``labels`` map (controllers read a few labels of
    /// every pod on every sync).
    public func label(_ key: String) -> String? {
        self.object["labels"]?[key]?.stringValue
    }

    /// One annotation's value, read without building the whole ``annotations`` map.
    public func annotation(_ key: String) -> String? {
        self.object["annotations"]?[key]?.stringValue
    }

    public var ownerReferences: [OwnerReference] {
        get { self.views("ownerReferences") }
        set { self.setViews("ownerReferences", newValue) }
    }

    public var finalizers: [String] {
        get { self.value("finalizers") ?? [] }
        set { self.setValue("finalizers", newValue.isEmpty ? nil : newValue) }
    }

    /// The owner reference with `controller: true`, if any.
    public var controllerReference: OwnerReference? {
        self.ownerReferences.first { $0.controller == true }
    }

    /// `true` once deletion has been requested (a deletion timestamp is set).
    public var isBeingDeleted: Bool { self.object["deletionTimestamp"].map { !$0.isNull } ?? false }
}
