public import KubeJSON
public import KubeModel

/// `CloneSetUpdateStrategy`: how a template change rolls out.
public struct CloneSetUpdateStrategy: JSONObjectView {
    /// The JSON object.
    public var object: JSONObject

    /// Wraps a JSON object.
    public init(object: JSONObject) {
        self.object = object
    }

    /// `type` as written (`ReCreate`, `InPlaceIfPossible`, `InPlaceOnly`, or anything the user wrote).
    public var typeName: String? {
        get { self.value("type") }
        set { self.setValue("type", newValue) }
    }

    /// `type` as a known strategy; `ReCreate` when absent or unknown.
    public var type: CloneSetUpdateStrategyType {
        get { self.typeName.flatMap(CloneSetUpdateStrategyType.init(rawValue:)) ?? .reCreate }
        set { self.typeName = newValue.rawValue }
    }

    /// `partition`: pods (or percent of replicas) kept at the current revision; defaulted to 0.
    public var partition: IntOrString? {
        get { self.value("partition") }
        set { self.setValue("partition", newValue) }
    }

    /// `maxUnavailable`; defaulted to `20%`.
    public var maxUnavailable: IntOrString? {
        get { self.value("maxUnavailable") }
        set { self.setValue("maxUnavailable", newValue) }
    }

    /// `maxSurge`; defaulted to 0.
    public var maxSurge: IntOrString? {
        get { self.value("maxSurge") }
        set { self.setValue("maxSurge", newValue) }
    }

    /// `paused`: stop updating pods (scaling goes on).
    public var paused: Bool {
        get { self.value("paused") ?? false }
        set { self.setValue("paused", newValue ? true : nil) }
    }

    /// `priorityStrategy`; `nil` when absent.
    public var priorityStrategy: UpdatePriorityStrategy? {
        get {
            guard case .object(let nested)? = self.object["priorityStrategy"] else { return nil }
            return UpdatePriorityStrategy(object: nested)
        }
        set { self.object["priorityStrategy"] = newValue.map { .object($0.object) } }
    }

    /// `scatterStrategy`: key/value terms whose pods are spread across update batches.
    public var scatterStrategy: [UpdateScatterTerm] {
        get { self.views("scatterStrategy") }
        set { self.setViews("scatterStrategy", newValue) }
    }

    /// `inPlaceUpdateStrategy`; `nil` when absent.
    public var inPlaceUpdateStrategy: InPlaceUpdateStrategy? {
        get {
            guard case .object(let nested)? = self.object["inPlaceUpdateStrategy"] else { return nil }
            return InPlaceUpdateStrategy(object: nested)
        }
        set { self.object["inPlaceUpdateStrategy"] = newValue.map { .object($0.object) } }
    }
}
