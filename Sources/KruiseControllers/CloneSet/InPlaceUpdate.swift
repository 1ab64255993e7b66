public import KubeJSON
import KruiseAPI
public import KubeModel

/// The in-place update engine (`pkg/util/inplaceupdate`) for CloneSet, as pure functions over pods.
///
/// Supported: container image changes plus template label/annotation changes, with an optional grace period;
/// all changed containers are updated in one batch (no container launch priorities, no env-from-metadata
/// restarts, no resource resizing).
public enum InPlaceUpdate {
    /// What an in-place update changes (upstream `UpdateSpec`).
    public struct Spec: Sendable, Hashable {
        /// The revision the pod moves to.
        public var revision: String
        /// New images by container name.
        public var containerImages: [String: String]
        /// Template labels after the update (only those that changed or were added).
        public var labels: [String: String]
        /// Template annotations after the update (only those that changed or were added).
        public var annotations: [String: String]
        /// Label keys the new template dropped.
        public var removedLabels: [String]
        /// Annotation keys the new template dropped.
        public var removedAnnotations: [String]
        /// `inPlaceUpdateStrategy.gracePeriodSeconds`.
        public var graceSeconds: Int32

        /// The spec's JSON form, stored in the `apps.kruise.io/inplace-update-grace` annotation.
        public var json: JSONValue {
            var object = JSONObject()
            object["revision"] = .string(revision)
            if !containerImages.isEmpty { object["containerImages"] = containerImages.json }
            var metadata = JSONObject()
            if !labels.isEmpty || !removedLabels.isEmpty {
                var map = JSONObject()
                for key in labels.keys.sorted() { map[key] = .string(labels[key]!) }
                for key in removedLabels.sorted() { map[key] = .null }
                metadata["labels"] = .object(map)
            }
            if !annotations.isEmpty || !removedAnnotations.isEmpty {
                var map = JSONObject()
                for key in annotations.keys.sorted() { map[key] = .string(annotations[key]!) }
                for key in removedAnnotations.sorted() { map[key] = .null }
                metadata["annotations"] = .object(map)
            }
            if !metadata.isEmpty { object["metaDataPatch"] = ["metadata": .object(metadata)] }
            if graceSeconds > 0 { object["graceSeconds"] = .int(Int64(graceSeconds)) }
            return .object(object)
        }

        /// Reads the grace annotation's JSON.
        public init?(json: JSONValue) {
            guard let revision = json["revision"]?.stringValue else { return nil }
            self.revision = revision
            self.containerImages = (try? [String: String](json: json["containerImages"] ?? .emptyObject)) ?? [:]
            var labels: [String: String] = [:], removedLabels: [String] = []
            var annotations: [String: String] = [:], removedAnnotations: [String] = []
            for member in json["metaDataPatch"]?["metadata"]?["labels"]?.objectValue ?? JSONObject() {
                if let value = member.value.stringValue { labels[member.key] = value } else { removedLabels.append(member.key) }
            }
            for member in json["metaDataPatch"]?["metadata"]?["annotations"]?.objectValue ?? JSONObject() {
                if let value = member.value.stringValue { annotations[member.key] = value } else { removedAnnotations.append(member.key) }
            }
            self.labels = labels
            self.annotations = annotations
            self.removedLabels = removedLabels
            self.removedAnnotations = removedAnnotations
            self.graceSeconds = Int32(json["graceSeconds"]?.intValue ?? 0)
        }

        /// A spec from its parts.
        public init(
            revision: String, containerImages: [String: String], labels: [String: String] = [:],
            annotations: [String: String] = [:], removedLabels: [String] = [], removedAnnotations: [String] = [],
            graceSeconds: Int32 = 0
        ) {
            self.revision = revision
            self.containerImages = containerImages
            self.labels = labels
            self.annotations = annotations
            self.removedLabels = removedLabels
            self.removedAnnotations = removedAnnotations
            self.graceSeconds = graceSeconds
        }
    }

    /// `defaultCalculateInPlaceUpdateSpec`: the spec moving a pod from `old` to `new`, or `nil` when the change
    /// is not in-place-able (any template spec change other than replacing a container image, or no old
    /// revision).
    public static func spec(from old: ControllerRevision?, to new: ControllerRevision, graceSeconds: Int32) -> Spec? {
        guard let old, let oldTemplate = CloneSetRevisions.template(of: old),
            let newTemplate = CloneSetRevisions.template(of: new)
        else { return nil }
        var images: [String: String] = [:]
        let oldContainers = oldTemplate.spec.containers
        for operation in JSONDiff.operations(from: oldTemplate.spec.json, to: newTemplate.spec.json) {
            guard case .replace(let path, let value) = operation else { return nil }
            let tokens = path.tokens
            guard tokens.count == 3, tokens[0] == "containers", tokens[2] == "image", let index = Int(tokens[1]),
                index < oldContainers.count, let image = value.stringValue
            else { return nil }
            images[oldContainers[index].name] = image
        }
        let oldLabels = oldTemplate.metadata.labels, newLabels = newTemplate.metadata.labels
        let oldAnnotations = oldTemplate.metadata.annotations, newAnnotations = newTemplate.metadata.annotations
        return Spec(
            revision: new.name, containerImages: images,
            labels: newLabels.filter { oldLabels[$0.key] != $0.value },
            annotations: newAnnotations.filter { oldAnnotations[$0.key] != $0.value },
            removedLabels: oldLabels.keys.filter { newLabels[$0] == nil }.sorted(),
            removedAnnotations: oldAnnotations.keys.filter { newAnnotations[$0] == nil }.sorted(),
            graceSeconds: graceSeconds)
    }

    /// The `InPlaceUpdateState` annotation value (Go's field order).
    public static func stateJSON(
        revision: String, updateTimestamp: KubeTime, lastImageIDs: [String: String]?, batchContainers: [String]?
    ) -> String {
        var object = JSONObject()
        object["revision"] = .string(revision)
        object["updateTimestamp"] = .string(updateTimestamp.truncatedToSeconds.rfc3339)
        if let lastImageIDs {
            var statuses = JSONObject()
            for name in lastImageIDs.keys.sorted() { statuses[name] = ["imageID": .string(lastImageIDs[name]!)] }
            object["lastContainerStatuses"] = .object(statuses)
        } else {
            object["lastContainerStatuses"] = .null
        }
        if let batchContainers {
            object["containerBatchesRecord"] = [
                ["timestamp": .string(updateTimestamp.truncatedToSeconds.rfc3339), "containers": batchContainers.sorted().json]
            ]
        }
        return String(decoding: JSONValue.object(object).serialized(), as: UTF8.self)
    }

    /// `defaultPatchUpdateSpecToPod`: applies the metadata change and new images, recording the pre-update
    /// image IDs in the state annotation.
    public static func patchSpec(_ spec: Spec, to pod: Pod, updateTimestamp: KubeTime) -> Pod {
        var labels = pod.metadata.labels
        var annotations = pod.metadata.annotations
        var updated = pod
        updated.spec.containers = Self.patchSpec(
            spec, of: pod, labels: &labels, annotations: &annotations, updateTimestamp: updateTimestamp)
        updated.metadata.labels = labels
        updated.metadata.annotations = annotations
        return updated
    }

    /// ``patchSpec(_:to:updateTimestamp:)`` on the pod's labels and annotations as the caller holds them (each
    /// written back to the pod once, not once per key); returns the containers with their new images.
    private static func patchSpec(
        _ spec: Spec, of pod: Pod, labels: inout [String: String], annotations: inout [String: String],
        updateTimestamp: KubeTime
    ) -> [Container] {
        for (key, value) in spec.labels { labels[key] = value }
        for key in spec.removedLabels { labels[key] = nil }
        for (key, value) in spec.annotations { annotations[key] = value }
        for key in spec.removedAnnotations { annotations[key] = nil }
        var containers = pod.spec.containers
        var changed: [String] = []
        for index in containers.indices {
            if let image = spec.containerImages[containers[index].name] {
                containers[index].image = image
                changed.append(containers[index].name)
            }
        }
        var lastImageIDs: [String: String] = [:]
        for status in pod.status.containerStatuses where changed.contains(status.name) {
            lastImageIDs[status.name] = status.imageID ?? ""
        }
        annotations[KruiseKeys.inPlaceUpdateState] = stateJSON(
            revision: spec.revision, updateTimestamp: updateTimestamp,
            lastImageIDs: lastImageIDs.isEmpty ? nil : lastImageIDs, batchContainers: changed)
        return containers
    }

    /// `Update`: the in-place update of `pod` to `spec` starting at `now`. The writes it makes are worked out
    /// when the executor asks for them (``InPlaceUpdateChange/statusChange`` and
    /// ``InPlaceUpdateChange/podChange``), in the task that sends them.
    public static func update(pod: Pod, spec: Spec, now: KubeTime) -> InPlaceUpdateChange {
        InPlaceUpdateChange(pod: pod, spec: spec, now: now)
    }

    /// The status change an update starts with when the pod has the readiness gate: InPlaceUpdateReady False,
    /// reason `StartInPlaceUpdate`, Ready recomputed; `nil` when there is none or it changes nothing.
    public static func startingStatus(of pod: Pod, now: KubeTime) -> PodChange? {
        guard CloneSetPods.hasInPlaceReadinessGate(pod) else { return nil }
        var condition = Condition(type: KruiseKeys.inPlaceUpdateReady, status: "False", reason: "StartInPlaceUpdate")
        condition.lastTransitionTime = now.truncatedToSeconds
        let changed = settingCondition(pod, condition)
        return changed != pod ? PodChange(from: pod, to: changed) : nil
    }

    /// The pod change of an update: revision labels, lifecycle Updating, state annotation, then images and
    /// metadata now, or the grace annotation when `graceSeconds > 0`. The labels and annotations are read once
    /// and written back once (each write of one key rebuilt the whole map and copied the metadata).
    public static func updatedPod(_ pod: Pod, spec: Spec, now: KubeTime) -> PodChange {
        var labels = pod.metadata.labels
        var annotations = pod.metadata.annotations
        labels[KruiseKeys.controllerRevisionHash] = spec.revision
        labels[KruiseKeys.podTemplateHash] = CloneSetPods.shortHash(spec.revision)
        CloneSetPods.setLifecycle(.updating, now: now, labels: &labels, annotations: &annotations)
        annotations[KruiseKeys.inPlaceUpdateStateOld] = nil
        var updated = pod
        if spec.graceSeconds <= 0 {
            updated.spec.containers = Self.patchSpec(
                spec, of: pod, labels: &labels, annotations: &annotations, updateTimestamp: now)
            annotations[KruiseKeys.inPlaceUpdateGrace] = nil
            annotations[KruiseKeys.inPlaceUpdateGraceOld] = nil
        } else {
            annotations[KruiseKeys.inPlaceUpdateState] = stateJSON(
                revision: spec.revision, updateTimestamp: now, lastImageIDs: nil, batchContainers: nil)
            annotations[KruiseKeys.inPlaceUpdateGrace] = String(decoding: spec.json.serialized(), as: UTF8.self)
        }
        updated.metadata.labels = labels
        updated.metadata.annotations = annotations
        return PodChange(from: pod, to: updated)
    }

    /// The outcome of ``refresh(pod:now:)``.
    public struct Refresh: Sendable, Hashable {
        /// The pod after a finished grace period (`nil` when unchanged).
        public var pod: Pod?
        /// The pod with `InPlaceUpdateReady` set True (`nil` when unchanged).
        public var status: Pod?
        /// Look again after this long (grace period remaining).
        public var requeueAfter: Duration?
    }

    /// `Refresh`: finishes an elapsed grace period (or drops it when the pod moved to another revision), and
    /// once the update completed sets `InPlaceUpdateReady` True on pods with the readiness gate.
    public static func refresh(pod: Pod, now: KubeTime) -> Refresh {
        // Cheap checks first: a synced CloneSet refreshes every pod on every sync, and most are settled.
        let facts = CloneSetPodFacts.of(pod)
        if !facts.hasInPlaceUpdateGrace && (!facts.hasInPlaceReadinessGate || facts.inPlaceUpdateReadySettled) {
            return Refresh()
        }
        if let graceText = pod.metadata.annotation(KruiseKeys.inPlaceUpdateGrace), !graceText.isEmpty {
            let annotations = pod.metadata.annotations
            guard let json = try? JSONValue(parsing: Array(graceText.utf8)), let spec = Spec(json: json),
                let stateText = annotations[KruiseKeys.inPlaceUpdateState],
                let state = try? JSONValue(parsing: Array(stateText.utf8))
            else { return Refresh() }
            var updated = pod
            if !CloneSetPods.isAtRevision(pod, spec.revision) {
                updated.metadata.annotations[KruiseKeys.inPlaceUpdateGrace] = nil
                return Refresh(pod: updated)
            }
            let started = (state["updateTimestamp"]?.stringValue).flatMap { try? KubeTime(parsing: $0) } ?? now
            let elapsed = now.duration(since: started)
            let grace = Duration.seconds(Int64(spec.graceSeconds))
            if elapsed < grace {
                let remaining = grace - elapsed
                let seconds = remaining.components.seconds + (remaining.components.attoseconds > 0 ? 1 : 0)
                return Refresh(requeueAfter: .seconds(seconds))
            }
            updated = patchSpec(spec, to: updated, updateTimestamp: started)
            updated.metadata.annotations[KruiseKeys.inPlaceUpdateGrace] = nil
            return Refresh(pod: updated)
        }
        guard CloneSetPods.hasInPlaceReadinessGate(pod) else { return Refresh() }
        if let existing = pod.status.condition(KruiseKeys.inPlaceUpdateReady), existing.status == "True",
            existing.reason == nil, existing.message == nil
        {
            return Refresh()
        }
        if pod.metadata.annotation(KruiseKeys.inPlaceUpdateState) != nil, !isUpdateCompleted(pod) { return Refresh() }
        var condition = Condition(type: KruiseKeys.inPlaceUpdateReady, status: "True")
        condition.lastTransitionTime = now.truncatedToSeconds
        let changed = settingCondition(pod, condition, setReady: false)
        return Refresh(status: changed == pod ? nil : changed)
    }

    /// `CheckPodUpdateCompleted` (default check): no grace pending, and every container recorded in the state
    /// runs a different image ID than before the update (or already reports the spec's image).
    public static func isUpdateCompleted(_ pod: Pod) -> Bool {
        let annotations = pod.metadata.annotations
        if let grace = annotations[KruiseKeys.inPlaceUpdateGrace], !grace.isEmpty { return false }
        guard let stateText = annotations[KruiseKeys.inPlaceUpdateState] ?? annotations[KruiseKeys.inPlaceUpdateStateOld],
            let state = try? JSONValue(parsing: Array(stateText.utf8))
        else { return false }
        var remaining = state["lastContainerStatuses"]?.objectValue ?? JSONObject()
        var images: [String: String] = [:]
        for container in pod.spec.containers {
            let image = container.image ?? ""
            images[container.name] = image.split(separator: ":").count <= 1 ? image + ":latest" : image
        }
        for status in pod.status.containerStatuses {
            guard let old = remaining[status.name] else { continue }
            if old["imageID"]?.stringValue ?? "" == status.imageID ?? "" && images[status.name] != status.image {
                return false
            }
            _ = remaining.removeValue(forKey: status.name)
        }
        return remaining.isEmpty
    }

    /// `util.SetPodCondition` (replace when status, reason or message differ) and, for a False condition,
    /// `SetPodReadyCondition` (Ready False with reason `ReadinessGatesNotReady` while a gate is not True).
    static func settingCondition(_ pod: Pod, _ condition: Condition, setReady: Bool = true) -> Pod {
        var status = pod.status
        var conditions = status.conditions
        if let existing = conditions[type: condition.type], existing.status == condition.status,
            existing.reason == condition.reason, existing.message == condition.message
        {
            return pod
        }
        if let index = conditions.firstIndex(where: { $0.type == condition.type }) {
            conditions[index] = condition
        } else {
            conditions.append(condition)
        }
        if setReady && condition.status == "False", let readyIndex = conditions.firstIndex(where: { $0.type == "Ready" }),
            conditions[type: "ContainersReady"]?.isTrue == true
        {
            var messages: [String] = []
            for gate in pod.spec.readinessGates {
                if let gateCondition = conditions[type: gate] {
                    if !gateCondition.isTrue {
                        messages.append("the status of pod readiness gate \"\(gate)\" is not \"True\", but \(gateCondition.status)")
                    }
                } else {
                    messages.append("corresponding condition of pod readiness gate \"\(gate)\" does not exist.")
                }
            }
            var ready = Condition(type: "Ready", status: "True")
            if !messages.isEmpty {
                ready = Condition(
                    type: "Ready", status: "False", reason: "ReadinessGatesNotReady",
                    message: messages.joined(separator: ", "))
            }
            let existing = conditions[readyIndex]
            if existing.status != ready.status || existing.reason != ready.reason || existing.message != ready.message {
                ready.lastTransitionTime = condition.lastTransitionTime
                conditions[readyIndex] = ready
            }
        }
        status.conditions = conditions
        var updated = pod
        updated.status = status
        return updated
    }
}
