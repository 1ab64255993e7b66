public import KubeJSON

/// core/v1 Toleration.
public struct Toleration: JSONObjectView {
    public var object: JSONObject

    public init(object: JSONObject) {
        self.object = object
    }

    public var key: String? {
        get { self.value("key") }
        set { self.setValue("key", newValue) }
    }

    /// `Exists` or `Equal` (the default).
    public var `operator`: String? {
        get { self.value("operator") }
        set { self.setValue("operator", newValue) }
    }

    public var value: String? {
        get { self.value("value") }
        set { self.setValue("value", newValue) }
    }

    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`; empty matches all effects.
    public var effect: String? {
        get { self.value("effect") }
        set { self.setValue("effect", newValue) }
    }

    public var tolerationSeconds: Int64? {
        get { self.value("tolerationSeconds") }
        set { self.setValue("tolerationSeconds", newValue) }
    }

    /// Whether this toleration tolerates `taint`, by the rules of core/v1 Toleration.ToleratesTaint.
    public func tolerates(_ taint: Taint) -> Bool {
        if let effect = self.effect, !effect.isEmpty, effect != taint.effect { return false }
        let key = self.key ?? ""
        if !key.isEmpty && key != taint.key { return false }
        switch self.operator ?? "Equal" {
        case "Exists": return true
        case "Equal", "": return (self.value ?? "") == (taint.value ?? "")
        default: return false
        }
    }
}
