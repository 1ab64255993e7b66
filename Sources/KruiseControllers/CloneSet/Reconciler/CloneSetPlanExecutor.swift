public import ControllerRuntime
public import KruiseAPI
public import KubeClient
public import KubeJSON
public import KubeModel
public import Logging

/// Runs a ``CloneSetPlan``'s steps through the client, in order, with the scale expectations protocol around
/// pod and PVC creations and deletions: a step's expectations are raised before its calls and taken back for
/// each call that failed or found nothing to do; after a step with a failed call no later step runs (slow
/// start: a failed batch stops the bigger ones after it).
///
/// Within a step the actions on one pod run one after another (a status write, then the metadata write of the
/// same plan), each write carrying the pod's resourceVersion as a precondition — the observed one for the first,
/// then the one the previous write returned — so a stale plan conflicts instead of overwriting newer changes.
/// Each pod version a write returns is recorded in ``CloneSetExpectations/resourceVersions``. Different pods
/// and other objects are written concurrently.
public struct CloneSetPlanExecutor: Sendable {
    /// The client the calls go through.
    public let client: KubeClient
    /// The expectations raised and lowered.
    public let expectations: CloneSetExpectations
    /// Where Events go (`nil`: none are recorded).
    public let recorder: EventRecorder?
    private let logger: Logger

    /// An executor.
    public init(client: KubeClient, expectations: CloneSetExpectations, recorder: EventRecorder?, logger: Logger) {
        self.client = client
        self.expectations = expectations
        self.recorder = recorder
        self.logger = logger
    }

    /// What running a plan did.
    public struct Execution: Sendable {
        /// Every call succeeded or had nothing to do.
        public var succeeded: Bool
        /// The last resourceVersion written to each pod (created or changed).
        public var written: [ObjectKey: String]
    }

    /// Runs `steps` for `cloneSet` (as observed); returns `true` when every call succeeded or had nothing to do.
    public func run(_ steps: [[CloneSetAction]], cloneSet: CloneSet, updateRevision: String) async -> Bool {
        await self.execute(steps, cloneSet: cloneSet, updateRevision: updateRevision).succeeded
    }

    /// Runs `steps` for `cloneSet` (as observed): whether every call succeeded, and the pod versions written.
    public func execute(_ steps: [[CloneSetAction]], cloneSet: CloneSet, updateRevision: String) async -> Execution {
        let owner = ObjectKey(cloneSet)
        var written: [ObjectKey: String] = [:]
        for step in steps {
            for action in step {
                for expectation in CloneSetActionEffects.scaleExpectations(of: action) {
                    self.expectations.scale.expect(owner, expectation.action, name: expectation.entry)
                }
            }
            let outcomes = await withTaskGroup(of: SequenceOutcome.self) { group in
                for sequence in Self.groups(step) {
                    group.addTask { await self.perform(sequence, cloneSet: cloneSet) }
                }
                var outcomes: [(CloneSetAction, CloneSetActionOutcome)] = []
                for await sequence in group {
                    outcomes += sequence.results
                    if let (key, version) = sequence.written { written[key] = version }
                }
                return outcomes
            }
            var failed = false
            for (action, outcome) in outcomes {
                for expectation in CloneSetActionEffects.expectationsToLower(of: action, outcome: outcome) {
                    self.expectations.scale.observe(owner, expectation.action, name: expectation.entry)
                }
                if let event = CloneSetActionEffects.event(for: action, outcome: outcome, updateRevision: updateRevision) {
                    self.recorder?.record(cloneSet, type: event.type, reason: event.reason, message: event.message)
                }
                if case .failed(let message) = outcome {
                    failed = true
                    self.logger.debug(
                        "cloneset action failed", metadata: ["cloneset": "\(owner)", "action": "\(Self.describe(action))", "error": "\(message)"])
                }
            }
            if failed { return Execution(succeeded: false, written: written) }
        }
        return Execution(succeeded: true, written: written)
    }

    /// Splits a step into sequences run concurrently: the actions on one pod form one sequence (in plan
    /// order), every other action is a sequence of its own.
    public static func groups(_ step: [CloneSetAction]) -> [[CloneSetAction]] {
        var groups: [[CloneSetAction]] = []
        var podGroup: [ObjectKey: Int] = [:]
        for action in step {
            if let pod = Self.podKey(of: action) {
                if let index = podGroup[pod] {
                    groups[index].append(action)
                } else {
                    podGroup[pod] = groups.count
                    groups.append([action])
                }
            } else {
                groups.append([action])
            }
        }
        return groups
    }

    /// The outcomes of one sequence, and the last version it wrote to its pod.
    private struct SequenceOutcome: Sendable {
        var results: [(CloneSetAction, CloneSetActionOutcome)]
        var written: (ObjectKey, String)?
    }

    /// Runs the actions of one sequence; after a failure the rest are reported failed too.
    private func perform(_ sequence: [CloneSetAction], cloneSet: CloneSet) async -> SequenceOutcome {
        var results: [(CloneSetAction, CloneSetActionOutcome)] = []
        var version: String?
        var created: Pod?
        for action in sequence {
            if let failure = results.last?.1, failure.isFailure {
                results.append((action, failure))
                continue
            }
            results.append((action, await self.perform(action, cloneSet: cloneSet, version: &version, created: &created)))
        }
        let key = sequence.first.flatMap(Self.podKey(of:))
        return SequenceOutcome(results: results, written: key.flatMap { key in version.map { (key, $0) } })
    }

    /// The key of the pod an action creates, writes to or deletes.
    static func podKey(of action: CloneSetAction) -> ObjectKey? {
        switch action {
        case .deletePod(let ref): ObjectKey(namespace: ref.namespace, name: ref.name)
        case .createPod(let pod): ObjectKey(pod)
        case .settleCreatedPod(let ref, _): ObjectKey(namespace: ref.namespace, name: ref.name)
        case .updatePod(let change), .updatePodStatus(let change): ObjectKey(change.pod)
        case .inPlaceUpdate(let change): ObjectKey(change.pod)
        default: nil
        }
    }

    /// One action. `version` carries the pod's resourceVersion from one write of a sequence to the next;
    /// `created`, the pod as a create of the sequence returned it (a settling write works from it).
    func perform(
        _ action: CloneSetAction, cloneSet: CloneSet, version: inout String?, created: inout Pod?
    ) async -> CloneSetActionOutcome {
        do {
            switch action {
            case .createRevision(let revision):
                _ = try await self.client.create(revision)
            case .updateRevision(let revision):
                _ = try await self.client.update(revision)
            case .deleteRevision(let ref):
                try await self.client.delete(
                    ControllerRevision.self, namespace: ref.namespace, name: ref.name, options: Self.deleteOptions(ref))
            case .createPVC(let claim):
                _ = try await self.client.create(claim)
            case .deletePVC(let ref):
                try await self.client.delete(
                    PersistentVolumeClaim.self, namespace: ref.namespace, name: ref.name, options: Self.deleteOptions(ref))
            case .createPod(let pod):
                let pod = try await self.client.create(pod)
                created = pod
                version = pod.metadata.resourceVersion
            case .settleCreatedPod(let ref, let settling):
                guard let pod = created, let change = settling.change(for: pod) else { return .alreadyDone }
                do {
                    _ = try await self.patch(change, subresource: "status", version: &version)
                } catch {
                    // Not a failure of the step: the next sync's refresh and the pod-readiness controller do the same.
                    self.logger.debug("settling a new pod failed", metadata: ["pod": "\(ref)", "error": "\(error)"])
                    return .alreadyDone
                }
            case .deletePod(let ref):
                try await self.client.delete(Pod.self, namespace: ref.namespace, name: ref.name, options: Self.deleteOptions(ref))
            case .updatePod(let change):
                guard try await self.patch(change, subresource: nil, version: &version) else { return .alreadyDone }
            case .updatePodStatus(let change):
                guard try await self.patch(change, subresource: "status", version: &version) else { return .alreadyDone }
            case .inPlaceUpdate(let change):
                if let statusChange = change.statusChange {
                    _ = try await self.patch(statusChange, subresource: "status", version: &version)
                }
                _ = try await self.patch(change.podChange, subresource: nil, version: &version)
            case .updatePodsToDelete(let names):
                var patch: JSONValue = [
                    "spec": ["scaleStrategy": ["podsToDelete": names.isEmpty ? .null : names.json]]
                ]
                if let resourceVersion = cloneSet.metadata.resourceVersion {
                    patch["metadata"] = ["resourceVersion": .string(resourceVersion)]
                }
                _ = try await self.client.patch(
                    CloneSet.self, namespace: cloneSet.namespace, name: cloneSet.name, type: .merge, body: patch.serialized())
            }
            return .applied
        } catch {
            return Self.outcome(of: error, for: action)
        }
    }

    /// What an API error means for `action`: an existing object for a create of something named
    /// deterministically (revisions, PVCs), or a missing one for a delete, is nothing left to do; a UID
    /// precondition failing on delete means the object we meant is gone. Anything else failed.
    static func outcome(of error: KubeAPIError, for action: CloneSetAction) -> CloneSetActionOutcome {
        switch action {
        case .createRevision, .createPVC:
            if error.isAlreadyExists { return .alreadyDone }
        case .deleteRevision, .deletePVC, .deletePod:
            if error.isNotFound || error.isConflict { return .alreadyDone }
        default:
            break
        }
        return .failed(error.summary)
    }

    /// Applies a pod change as a merge patch with a resourceVersion precondition; returns `false` when the
    /// change is empty. On a conflict (the kubelet wrote the pod meanwhile) the change is re-applied to the
    /// pod as it is now, up to ``conflictRetries`` times, as upstream's `RetryOnConflict` around its in-place
    /// and condition updates does (see ``rebased(_:desired:fresh:)``).
    private func patch(_ change: PodChange, subresource: String?, version: inout String?) async throws(KubeAPIError) -> Bool {
        guard let base = change.patch.objectValue, !base.isEmpty else { return false }
        let pod = change.pod
        var patch = base
        var resourceVersion = version ?? pod.metadata.resourceVersion
        var attempt = 0
        while true {
            var body = patch
            if let resourceVersion {
                var metadata = body["metadata"]?.objectValue ?? JSONObject()
                metadata["resourceVersion"] = .string(resourceVersion)
                body["metadata"] = .object(metadata)
            }
            do {
                let written = try await self.client.patchReturningVersion(
                    Pod.self, namespace: pod.namespace, name: pod.name, type: .merge, body: JSONValue.object(body).serialized(),
                    subresource: subresource)
                if !written.isEmpty {
                    version = written
                    self.expectations.resourceVersions.expect(ObjectKey(namespace: pod.namespace, name: pod.name), resourceVersion: written)
                }
                return true
            } catch {
                guard error.isConflict, attempt < Self.conflictRetries else { throw error }
                attempt += 1
                let fresh = try await self.client.get(Pod.self, namespace: pod.namespace, name: pod.name)
                guard fresh.metadata.uid == pod.metadata.uid else { throw error }
                patch = Self.rebased(base, desired: pod, fresh: fresh)
                resourceVersion = fresh.metadata.resourceVersion
            }
        }
    }

    /// How often a conflicting pod write is re-applied to a fresh read.
    public static let conflictRetries = 3

    /// `patch` (computed against an older version of the pod, towards `desired`) re-based on `fresh`: maps
    /// (labels, annotations) merge as they are; the lists it replaces are rebuilt from `fresh` — the
    /// `InPlaceUpdateReady` condition set as in `desired` (with Ready recomputed when it turns False), the
    /// finalizers `desired` adds appended, and the container images of `desired` set by container name.
    public static func rebased(_ patch: JSONObject, desired: Pod, fresh: Pod) -> JSONObject {
        var patch = patch
        if case .object(var status)? = patch["status"], status["conditions"] != nil {
            var pod = fresh
            if let condition = desired.status.conditions[type: KruiseKeys.inPlaceUpdateReady] {
                pod = InPlaceUpdate.settingCondition(pod, condition, setReady: condition.status == "False")
            }
            status["conditions"] = pod.object["status"]?["conditions"] ?? .null
            patch["status"] = .object(status)
        }
        if case .object(var metadata)? = patch["metadata"], metadata["finalizers"] != nil {
            var finalizers = fresh.metadata.finalizers
            for finalizer in desired.metadata.finalizers where !finalizers.contains(finalizer) { finalizers.append(finalizer) }
            metadata["finalizers"] = finalizers.json
            patch["metadata"] = .object(metadata)
        }
        if case .object(var spec)? = patch["spec"], spec["containers"] != nil {
            var images: [String: String] = [:]
            for container in desired.spec.containers { images[container.name] = container.image }
            var containers = fresh.spec.containers
            for index in containers.indices {
                if let image = images[containers[index].name] { containers[index].image = image }
            }
            var updated = fresh
            updated.spec.containers = containers
            spec["containers"] = updated.object["spec"]?["containers"] ?? .null
            patch["spec"] = .object(spec)
        }
        return patch
    }

    private static func deleteOptions(_ ref: ObjectIdentity) -> DeleteOptions {
        DeleteOptions(preconditionUID: ref.uid.isEmpty ? nil : ref.uid)
    }

    private static func describe(_ action: CloneSetAction) -> String {
        switch action {
        case .createRevision(let revision): "create revision \(revision.name)"
        case .updateRevision(let revision): "update revision \(revision.name)"
        case .deleteRevision(let ref): "delete revision \(ref)"
        case .createPVC(let claim): "create pvc \(claim.name)"
        case .deletePVC(let ref): "delete pvc \(ref)"
        case .createPod(let pod): "create pod \(pod.name)"
        case .settleCreatedPod(let ref, _): "settle new pod \(ref)"
        case .deletePod(let ref): "delete pod \(ref)"
        case .updatePod(let change): "update pod \(change.ref)"
        case .updatePodStatus(let change): "update pod status \(change.ref)"
        case .inPlaceUpdate(let change): "in-place update pod \(ObjectIdentity(of: change.pod))"
        case .updatePodsToDelete: "update podsToDelete"
        }
    }
}
