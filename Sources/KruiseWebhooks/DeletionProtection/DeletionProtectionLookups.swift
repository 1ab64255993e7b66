public import KubeModel

/// The read-only cluster state the `Cascading` checks need, as synchronous reads (informer caches in the
/// manager, fixed arrays in tests). Each may throw to say it cannot answer; the delete is then denied.
public struct DeletionProtectionLookups: Sendable {
    /// The pods of a namespace (all of them: the check itself skips finished and terminating ones).
    public var pods: @Sendable (_ namespace: String) throws(DeletionProtectionLookupError) -> [Pod]
    /// The PersistentVolumeClaims of a namespace (all of them: the check counts `Bound`, not terminating).
    public var persistentVolumeClaims: @Sendable (_ namespace: String) throws(DeletionProtectionLookupError) -> [PersistentVolumeClaim]
    /// The metadata of every custom resource (all namespaces) served by a CRD at its storage version,
    /// e.g. `apps.kruise.io/v1alpha1 clonesets`. Only `deletionTimestamp` is read.
    public var customResources: @Sendable (_ resource: GroupVersionResource) throws(DeletionProtectionLookupError) -> [ObjectMeta]

    public init(
        pods: @escaping @Sendable (_ namespace: String) throws(DeletionProtectionLookupError) -> [Pod],
        persistentVolumeClaims: @escaping @Sendable (_ namespace: String) throws(DeletionProtectionLookupError) -> [PersistentVolumeClaim],
        customResources: @escaping @Sendable (_ resource: GroupVersionResource) throws(DeletionProtectionLookupError) -> [ObjectMeta]
    ) {
        self.pods = pods
        self.persistentVolumeClaims = persistentVolumeClaims
        self.customResources = customResources
    }

    /// Lookups that see an empty cluster.
    public static var empty: DeletionProtectionLookups {
        DeletionProtectionLookups(pods: { _ in [] }, persistentVolumeClaims: { _ in [] }, customResources: { _ in [] })
    }
}
