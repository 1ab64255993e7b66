public import KruiseAPI
public import KubeJSON
public import KubeModel

/// The workload a WorkloadSpread can target, as the pod webhook and the validating webhook read it: kind,
/// apiVersion, name, replicas and pod template. Read from raw JSON so Deployments, ReplicaSets, StatefulSets,
/// Jobs and CloneSets share one shape.
public struct WorkloadSpreadWorkload: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    /// `spec.replicas` (default 1); a Job's `spec.parallelism`.
    public var replicas: Int
    /// `spec.template`.
    public var template: PodTemplateSpec?
    /// Volume claim template names (CloneSet, StatefulSet).
    public var volumeClaimNames: [String]
    /// The workload's own controller (a ReplicaSet's Deployment).
    public var controller: OwnerReference?

    /// Reads a workload object of `kind`.
    public init(object: JSONObject, apiVersion: String, kind: String) {
        self.apiVersion = object["apiVersion"]?.stringValue ?? apiVersion
        self.kind = object["kind"]?.stringValue ?? kind
        self.name = object["metadata"]?["name"]?.stringValue ?? ""
        let spec = object["spec"]
        let count = kind == "Job" ? spec?["parallelism"]?.intValue : spec?["replicas"]?.intValue
        self.replicas = Int(count ?? 1)
        self.template = spec?["template"]?.objectValue.map(PodTemplateSpec.init(object:))
        self.volumeClaimNames = (spec?["volumeClaimTemplates"]?.arrayValue ?? []).compactMap { $0["metadata"]?["name"]?.stringValue }
        self.controller = ObjectMeta(object: object["metadata"]?.objectValue ?? [:]).controllerReference
    }

    /// `true` when `workloadSpread` targets this workload.
    public func isTarget(of workloadSpread: WorkloadSpread) -> Bool {
        guard let reference = workloadSpread.spec.targetRef else { return false }
        return reference.refers(toAPIVersion: self.apiVersion, kind: self.kind, name: self.name)
    }
}
