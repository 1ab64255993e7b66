public import KubeJSON

/// core/v1 Volume: its name, with the source kept as JSON.
public struct Volume: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var name: String {
        get { self.value("name") ?? "" }
        set { self.setValue("name", newValue) }
    }

    /// `persistentVolumeClaim.claimName`, when the volume is a PVC.
    public var claimName: String? { self.object["persistentVolumeClaim"]?["claimName"]?.stringValue }
}
