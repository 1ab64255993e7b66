public import KubeJSON
public import KubeModel

/// `CloneSetSpec` (apps.kruise.io/v1alpha1).
public struct CloneSetSpec: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `replicas`; the defaulting webhook sets 1 when absent.
    public var replicas: Int32? {
        get { self.value("replicas") }
        set { self.setValue("replicas", newValue) }
    }

    /// `replicas`, or 1 when absent.
    public var effectiveReplicas: Int { Int(self.replicas ?? 1) }

    /// `selector` (required); `nil` when absent or malformed.
    public var selector: LabelSelector? {
        get { self.value("selector") }
        set { self.setValue("selector", newValue) }
    }

    /// `template`: the pods to create.
    public var template: PodTemplateSpec {
        get { self.view("template") }
        set { self.setView("template", newValue) }
    }

    /// `volumeClaimTemplates`: one PVC per template for every pod (`<claim>-<cloneset>-<instance-id>`).
    public var volumeClaimTemplates: [PersistentVolumeClaim] {
        get { self.views("volumeClaimTemplates") }
        set { self.setViews("volumeClaimTemplates", newValue) }
    }

    /// `scaleStrategy`.
    public var scaleStrategy: CloneSetScaleStrategy {
        get { self.view("scaleStrategy") }
        set { self.setView("scaleStrategy", newValue) }
    }

    /// `updateStrategy`.
    public var updateStrategy: CloneSetUpdateStrategy {
        get { self.view("updateStrategy") }
        set { self.setView("updateStrategy", newValue) }
    }

    /// `revisionHistoryLimit`; defaulted to 10.
    public var revisionHistoryLimit: Int32? {
        get { self.value("revisionHistoryLimit") }
        set { self.setValue("revisionHistoryLimit", newValue) }
    }

    /// `minReadySeconds` (0 when absent).
    public var minReadySeconds: Int32 {
        get { self.value("minReadySeconds") ?? 0 }
        set { self.setValue("minReadySeconds", newValue == 0 ? nil : newValue) }
    }

    /// `lifecycle`; `nil` when absent.
    public var lifecycle: Lifecycle? {
        get {
            guard case .object(let nested)? = self.object["lifecycle"] else { return nil }
            return Lifecycle(object: nested)
        }
        set { self.object["lifecycle"] = newValue.map { .object($0.object) } }
    }
}
