import KubeJSON
public import KubeModel

/// The Deployment controller's decisions (`pkg/controller/deployment`), as a pure function of what it observes.
///
/// One plan does what one upstream sync does:
/// - finds the new ReplicaSet (the oldest one whose template equals the Deployment's, ignoring
///   `pod-template-hash`) or creates it as `<deployment>-<hash>` (``TemplateHash/podTemplateHash(_:collisionCount:)``)
///   with the `pod-template-hash` label in its selector, template and labels, the
///   `deployment.kubernetes.io/revision`, `desired-replicas` and `max-replicas` annotations and the Deployment's
///   other annotations; a ReplicaSet that becomes new again (a rollback) gets the next revision number;
/// - while paused, or when only `spec.replicas` changed, scales without rolling out (proportionally across
///   active ReplicaSets, as upstream);
/// - `RollingUpdate`: scales the new ReplicaSet up within `replicas + maxSurge`, then scales old ones down
///   within `replicas − maxUnavailable` available pods, unhealthy old replicas first;
/// - `Recreate`: scales old ReplicaSets to 0, waits until none of their pods is running, then creates and
///   scales up the new one;
/// - deletes old ReplicaSets with no replicas beyond `revisionHistoryLimit` once the rollout is complete;
/// - computes the status `kubectl rollout status` reads, with the Available and Progressing conditions.
///
/// When the create of the new ReplicaSet fails with AlreadyExists (a name collision the plan could not see),
/// the reconciler writes ``statusAfterHashCollision(_:)`` and syncs again: the next hash differs.
public struct DeploymentPlanner: Sendable {
    /// A planner.
    public init() {}

    /// The label that ties pods and ReplicaSets to one template of a Deployment.
    public static let podTemplateHashLabel = "pod-template-hash"
    /// The revision annotation on Deployments and their ReplicaSets.
    public static let revisionAnnotation = "deployment.kubernetes.io/revision"
    /// Earlier revisions a reused ReplicaSet had.
    public static let revisionHistoryAnnotation = "deployment.kubernetes.io/revision-history"
    /// `spec.replicas` of the Deployment when it last scaled this ReplicaSet.
    public static let desiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas"
    /// `replicas + maxSurge` of the Deployment when it last scaled this ReplicaSet.
    public static let maxReplicasAnnotation = "deployment.kubernetes.io/max-replicas"
    /// Deployment annotations never copied onto ReplicaSets.
    static let annotationsNotCopied: Set<String> = [
        "kubectl.kubernetes.io/last-applied-configuration", revisionAnnotation, revisionHistoryAnnotation,
        desiredReplicasAnnotation, maxReplicasAnnotation, "deprecated.deployment.rollback.to",
    ]
    /// apps/v1's default `progressDeadlineSeconds`.
    public static let defaultProgressDeadlineSeconds: Int32 = 600
    /// apps/v1's default `revisionHistoryLimit`.
    public static let defaultRevisionHistoryLimit: Int32 = 10

    /// The plan for `deployment`.
    /// - Parameters:
    ///   - deployment: the Deployment as observed.
    ///   - replicaSets: ReplicaSets in its namespace; those it controls are its own, the others only matter when
    ///     one already has the name the new ReplicaSet would get (a hash collision).
    ///   - pods: pods of its ReplicaSets (the Recreate strategy waits for old ones to go).
    ///   - now: the time conditions are stamped with and deadlines judged at.
    /// - Throws: ``PlanningError`` for a missing or invalid selector or an invalid maxSurge/maxUnavailable.
    public func plan(deployment: Deployment, replicaSets: [ReplicaSet], pods: [Pod], now: KubeTime)
        throws(PlanningError) -> ControllerPlan<DeploymentStatus>
    {
        var sync = try DeploymentSync(deployment: deployment, replicaSets: replicaSets, pods: pods, now: now)
        sync.run()
        return sync.plan()
    }

    /// The status to write after creating the new ReplicaSet failed with AlreadyExists: `collisionCount` + 1.
    public static func statusAfterHashCollision(_ deployment: Deployment) -> DeploymentStatus {
        var status = deployment.status
        status.collisionCount = (status.collisionCount ?? 0) &+ 1
        return status
    }

    /// `deploymentutil.ResolveFenceposts`: maxSurge rounded up, maxUnavailable rounded down, and 1 unavailable
    /// when both come out 0. Defaults are 25% each.
    public static func resolveFenceposts(maxSurge: IntOrString?, maxUnavailable: IntOrString?, desired: Int)
        throws(PlanningError) -> (surge: Int, unavailable: Int)
    {
        let surgeValue = maxSurge ?? "25%", unavailableValue = maxUnavailable ?? "25%"
        let surge: Int, unavailable: Int
        do { surge = try surgeValue.scaledValue(total: desired, roundUp: true) } catch {
            throw .invalidIntOrString(field: "spec.strategy.rollingUpdate.maxSurge", error)
        }
        do { unavailable = try unavailableValue.scaledValue(total: desired, roundUp: false) } catch {
            throw .invalidIntOrString(field: "spec.strategy.rollingUpdate.maxUnavailable", error)
        }
        if surge == 0 && unavailable == 0 { return (0, 1) }
        return (surge, unavailable)
    }

    /// `EqualIgnoreHash`: the two templates are equal once the `pod-template-hash` label is removed from both.
    public static func templatesEqualIgnoringHash(_ lhs: PodTemplateSpec, _ rhs: PodTemplateSpec) -> Bool {
        withoutHashLabel(lhs) == withoutHashLabel(rhs)
    }

    static func withoutHashLabel(_ template: PodTemplateSpec) -> JSONValue {
        var copy = template
        var metadata = copy.metadata
        var labels = metadata.labels
        if labels.removeValue(forKey: podTemplateHashLabel) != nil {
            metadata.labels = labels
            copy.metadata = metadata
        }
        if copy.metadata.object.isEmpty { copy.object["metadata"] = nil }
        return copy.json
    }
}
