extension StrategicMergeSchema {
    /// The schema of a built-in kind, or `nil` when the kind has none.
    ///
    /// `nil` means the kind is not a compiled-in API type (custom resources, unknown kinds): kube-apiserver refuses
    /// strategic merge patches for those with `415 Unsupported Media Type`, and so should the caller.
    ///
    /// The trees hold every field tagged with `patchStrategy` in k8s.io/api (core/v1, apps/v1, batch/v1,
    /// networking/v1, coordination/v1, admissionregistration/v1), k8s.io/apimachinery's ObjectMeta and
    /// apiextensions/v1 that a kind can reach through objects and merged lists.
    public static func builtIn(apiVersion: String, kind: String) -> StrategicMergeSchema? {
        BuiltInSchemas.byKind[BuiltInSchemas.Key(apiVersion: apiVersion, kind: kind)]
    }

    /// The `(apiVersion, kind)` pairs that ``builtIn(apiVersion:kind:)`` knows.
    public static var builtInKinds: [(apiVersion: String, kind: String)] {
        BuiltInSchemas.byKind.keys
            .sorted { ($0.apiVersion, $0.kind) < ($1.apiVersion, $1.kind) }
            .map { (apiVersion: $0.apiVersion, kind: $0.kind) }
    }

    /// `metav1.ObjectMeta`: owner references merge by `uid`, finalizers merge as a set.
    public static var objectMeta: StrategicMergeSchema { BuiltInSchemas.objectMeta }

    /// `core/v1.PodTemplateSpec`, shared by the workload kinds' `spec.template`.
    public static var podTemplateSpec: StrategicMergeSchema { BuiltInSchemas.podTemplateSpec }

    /// `core/v1.PodSpec`.
    public static var podSpec: StrategicMergeSchema { BuiltInSchemas.podSpec }
}
