public import KubeJSON

/// The value of the pod annotation `apps.kruise.io/matched-workloadspread` (upstream's `InjectWorkloadSpread`):
/// which WorkloadSpread and subset placed the pod, and the UID the webhook generated for a pod that had only a
/// `generateName` at admission.
public struct MatchedWorkloadSpread: Sendable, Hashable {
    /// The WorkloadSpread's name.
    public var name: String
    /// The subset's name.
    public var subset: String
    /// The generated pod identity used as the `creatingPods` key; empty when the pod had a name.
    public var uid: String

    /// A match of subset `subset` of WorkloadSpread `name`.
    public init(name: String, subset: String, uid: String = "") {
        self.name = name
        self.subset = subset
        self.uid = uid
    }

    /// Reads the annotation as Go's `json.Unmarshal` does: keys match case-insensitively (upstream's own tests
    /// write `{"Name":…,"Subset":…}`), unknown keys are ignored, a later key wins. `nil` when the text is not a
    /// JSON object or a known key holds a non-string.
    public init?(annotationValue text: String) {
        guard case .object(let object)? = try? JSONValue(parsing: text) else { return nil }
        var name = "", subset = "", uid = ""
        for member in object {
            let key = member.key.lowercased()
            guard key == "name" || key == "subset" || key == "uid" else { continue }
            let value: String
            switch member.value {
            case .string(let string): value = string
            case .null: continue
            default: return nil
            }
            switch key {
            case "name": name = value
            case "subset": subset = value
            default: uid = value
            }
        }
        self.init(name: name, subset: subset, uid: uid)
    }

    /// The match recorded on `annotations`, if any (a missing or unreadable annotation gives `nil`).
    public init?(annotations: [String: String]) {
        guard let text = annotations[KruiseKeys.matchedWorkloadSpread] else { return nil }
        self.init(annotationValue: text)
    }

    /// The annotation text exactly as upstream's `json.Marshal` writes it: `{"name":"ws","subset":"zone-a"}`, with
    /// `"uid"` last and only when not empty, and `<`, `>`, `&` escaped.
    public var annotationValue: String {
        var object = JSONObject()
        object.appendUnchecked(key: "name", value: .string(self.name))
        object.appendUnchecked(key: "subset", value: .string(self.subset))
        if !self.uid.isEmpty { object.appendUnchecked(key: "uid", value: .string(self.uid)) }
        return JSONValue.object(object).serializedString(options: JSONWriter.Options(escapeHTML: true))
    }
}
