public import KubeJSON

/// coordination.k8s.io/v1 LeaseSpec.
public struct LeaseSpec: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var holderIdentity: String? {
        get { self.value("holderIdentity") }
        set { self.setValue("holderIdentity", newValue) }
    }

    public var leaseDurationSeconds: Int32? {
        get { self.value("leaseDurationSeconds") }
        set { self.setValue("leaseDurationSeconds", newValue) }
    }

    public var acquireTime: MicroTime? {
        get { self.value("acquireTime") }
        set { self.setValue("acquireTime", newValue) }
    }

    public var renewTime: MicroTime? {
        get { self.value("renewTime") }
        set { self.setValue("renewTime", newValue) }
    }

    public var leaseTransitions: Int32? {
        get { self.value("leaseTransitions") }
        set { self.setValue("leaseTransitions", newValue) }
    }
}
