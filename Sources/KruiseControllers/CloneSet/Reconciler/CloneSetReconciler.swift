public import ControllerRuntime
public import KruiseAPI
import KubeClient
public import KubeModel

/// The CloneSet controller's reconcile (`ReconcileCloneSet.doReconcile`): reads the CloneSet, the pods and PVCs
/// it controls (the shared informers' controller-UID index) and the ControllerRevisions in its namespace, asks
/// the pure ``CloneSetPlanner`` what to do, runs the plan through ``CloneSetPlanExecutor``, writes the status
/// (only when it changed) and honours the plan's requeue.
///
/// ## Never planning on a stale cache
/// A sync is skipped while the CloneSet's scale expectations are unsatisfied (a pod or PVC it created or
/// deleted is not yet seen so in the cache) or while the cache holds an older version of a pod than one we
/// wrote (``CloneSetExpectations``). The informer events that satisfy them requeue the CloneSet; a recheck
/// after ``recheckInterval`` covers expectations that only time out.
///
/// ## Crash safety
/// Expectations live in memory, so a fresh process (a restart, or a new leader) starts with none. What keeps
/// it from creating pods a second time is that controllers start only after every informer has synced: the
/// initial list is a consistent read of the API server, so every pod the previous process created — every
/// create the server accepted — is in the cache before the first plan, and the planner counts it. Pod names
/// are random (`<cloneset>-<random id>`), so a name collision would not catch a duplicate; the synced cache
/// does. A create that the previous process sent but the server never accepted did not happen, so planning it
/// again is right. From then on, the expectations cover the window between our own writes and their events.
/// Leader election keeps two processes from acting at once.
public struct CloneSetReconciler: Reconciler {
    /// CloneSets.
    public let cloneSets: Informer<CloneSet>
    /// Pods (indexed by controller UID).
    public let pods: Informer<Pod>
    /// PVCs (indexed by controller UID).
    public let claims: Informer<PersistentVolumeClaim>
    /// ControllerRevisions.
    public let revisions: Informer<ControllerRevision>
    /// Runs plans.
    public let executor: CloneSetPlanExecutor
    /// Writes status.
    public let statusWriter: CloneSetStatusWriter
    /// Plans.
    public let planner: CloneSetPlanner
    /// How soon to look again while expectations are unsatisfied (events usually come first).
    public let recheckInterval: Duration
    /// The least time between two syncs of one CloneSet (like kube-controller-manager's endpoint batch period):
    /// the worker keeps the key this long after a sync, so the pod events of a rollout arriving meanwhile make one
    /// follow-up sync instead of one each; every sync walks all the CloneSet's pods. A change of the CloneSet's
    /// spec (a new generation) ends the wait, and so does every pod the sync wrote having been written again by
    /// someone else (what the sync waits for has happened). Zero syncs back to back.
    public let syncBatchPeriod: Duration

    /// A reconciler.
    public init(
        cloneSets: Informer<CloneSet>, pods: Informer<Pod>, claims: Informer<PersistentVolumeClaim>,
        revisions: Informer<ControllerRevision>, executor: CloneSetPlanExecutor, statusWriter: CloneSetStatusWriter,
        planner: CloneSetPlanner, recheckInterval: Duration = .seconds(30), syncBatchPeriod: Duration = .zero
    ) {
        self.cloneSets = cloneSets
        self.pods = pods
        self.claims = claims
        self.revisions = revisions
        self.executor = executor
        self.statusWriter = statusWriter
        self.planner = planner
        self.recheckInterval = recheckInterval
        self.syncBatchPeriod = syncBatchPeriod
    }

    /// The expectations shared with the event router.
    public var expectations: CloneSetExpectations { self.executor.expectations }

    /// Syncs the CloneSet `key`.
    public func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard let observed = self.cloneSets.store.get(key) else {
            self.expectations.forget(key)
            return .done
        }
        let uid = observed.metadata.uid ?? ""
        let pods = self.pods.store.byIndex(CacheIndex.controllerUID, uid)
        guard self.expectations.isSatisfied(key, pods: pods) else {
            return ReconcileResult(requeueAfter: self.recheckInterval)
        }
        let (execution, status, requeueAfter) = await self.planAndExecute(observed, pods: pods)
        try await self.statusWriter.write(status, on: observed)
        if !execution.succeeded { throw CloneSetReconcileError.planStepFailed(cloneSet: key.description) }
        if self.syncBatchPeriod > .zero {
            // The batch ends early once there is something new to act on: a new generation (a scale or template
            // change); every pod this sync wrote written again since by someone else (the kubelets restarted the
            // containers, or reported the pods ready); or, after a sync that wrote no pod, a change in how many
            // pods are ready (the status just written is stale: pods finishing a scale-up).
            let generation = observed.metadata.generation
            let ready = status.readyReplicas
            await Self.pause(for: self.syncBatchPeriod) {
                if self.cloneSets.store.get(key)?.metadata.generation != generation { return true }
                if execution.written.isEmpty {
                    return Self.readyCount(self.pods.store.byIndex(CacheIndex.controllerUID, uid)) != ready
                }
                return Self.allWrittenAgain(execution.written) { self.pods.store.get($0)?.metadata.resourceVersion }
            }
        }
        return ReconcileResult(requeueAfter: requeueAfter)
    }

    /// Plans a sync of `observed` and runs the plan's steps; gives what the rest of the sync needs of the plan.
    /// The plan (with the changed pods its actions carry) is released on return, not after the batch pause,
    /// where freeing it held up the next sync by a millisecond or two.
    private func planAndExecute(
        _ observed: CloneSet, pods: [Pod]
    ) async -> (CloneSetPlanExecutor.Execution, CloneSetStatus, Duration?) {
        let uid = observed.metadata.uid ?? ""
        let claims = self.claims.store.byIndex(CacheIndex.controllerUID, uid)
        let revisions = Self.candidateRevisions(self.revisions.store.list(namespace: observed.namespace), of: observed)
        let cloneSet = CloneSetDefaults.defaulted(observed, injectTemplateDefaults: false)
        var random = SystemRandomNumberGenerator()
        let plan = self.planner.plan(
            cloneSet: cloneSet, pods: pods, pvcs: claims, revisions: revisions, now: KubeTime.now(), random: &random)
        let execution = await self.executor.execute(
            plan.steps, cloneSet: observed, updateRevision: plan.status.updateRevision ?? "")
        return (execution, plan.status, plan.requeueAfter)
    }

    /// `true` when every pod in `written` (pod → the version we wrote) has since been written by someone else:
    /// the cache (`cachedVersion`) shows a later version, or no longer has the pod. Versions compare numerically,
    /// as the expectations do; `false` for nothing written.
    static func allWrittenAgain(_ written: [ObjectKey: String], cachedVersion: (ObjectKey) -> String?) -> Bool {
        guard !written.isEmpty else { return false }
        return written.allSatisfy { key, version in
            guard let ours = UInt64(version) else { return true }
            guard let cached = cachedVersion(key) else { return true }
            return UInt64(cached).map { $0 > ours } ?? true
        }
    }

    /// The pods `status.readyReplicas` counts: active, running, ready and not held by `InPlaceUpdateReady`.
    static func readyCount(_ pods: [Pod]) -> Int32 {
        Int32(pods.count { CloneSetPods.isActive($0) && CloneSetPods.isUpdateReady($0, minReadySeconds: 0, now: KubeTime.now()) })
    }

    /// Sleeps for `period` in slices of `slice`, ending early once `changed()` holds or the task is cancelled.
    static func pause(for period: Duration, slice: Duration = .milliseconds(2), until changed: () -> Bool) async {
        let deadline = ContinuousClock.now + period
        while ContinuousClock.now < deadline {
            try? await Task.sleep(for: min(slice, deadline - ContinuousClock.now))
            if Task.isCancelled || changed() { return }
        }
    }

    /// The revisions the planner chooses from: those the CloneSet controls, and orphans its selector matches.
    public static func candidateRevisions(_ revisions: [ControllerRevision], of cloneSet: CloneSet) -> [ControllerRevision] {
        let uid = cloneSet.metadata.uid ?? ""
        let selector = cloneSet.spec.selector
        return revisions.filter { revision in
            if let reference = revision.metadata.controllerReference { return reference.uid == uid }
            guard let selector, !selector.isEmpty else { return false }
            return selector.matches(revision.metadata.labels)
        }
    }
}
