import ContainerRuntime
import ControllerRuntime
import KruiseAPI
import KubeJSON
import KubeModel
import Logging

/// The image puller of one node (upstream `realPuller` with its per-image worker pools): the pull rounds it
/// holds, each tag's latest status, and the NodeImage they are for. An actor; no method suspends while it
/// changes state, so syncs and reports never interleave halfway.
///
/// Rounds run in the daemon's task group (``ImagePullCommand/pull(_:)``); their reports come back through
/// ``report(_:serial:status:)`` and ``finish(_:serial:outcome:)``. Each change marks the status dirty, and one
/// status writer at a time (``ImagePullCommand/writeStatus(_:)``) writes it.
actor NodeImagePuller {
    private struct HeldRound {
        var serial: UInt64
        var signal: ImagePullStopSignal
        var finished = false
    }

    /// The node (and NodeImage) name.
    let nodeName: String
    private let imageService: any ImageService
    private let slots: ImagePullSlots
    private let secrets: ImagePullSecretReader
    private let recorder: EventRecorder
    private let backoff: ImagePullBackoff
    private let submit: @Sendable (ImagePullCommand) -> Void
    private let logger: Logger

    private var uid: String?
    private var latest: NodeImage?
    private var held: [ImagePullTaskID: HeldRound] = [:]
    /// image → tag → the tag's latest status (reported by a round, or kept from the NodeImage).
    private var results: [String: [String: ImageTagStatus]] = [:]
    private var nextSerial: UInt64 = 0
    private var dirty = false
    private var writerActive = false
    private var retired = false

    init(
        nodeName: String, imageService: any ImageService, options: ImagePullerOptions, secrets: ImagePullSecretReader,
        recorder: EventRecorder, logger: Logger, submit: @escaping @Sendable (ImagePullCommand) -> Void
    ) {
        self.nodeName = nodeName
        self.imageService = imageService
        self.slots = ImagePullSlots(limit: options.maxWorkers)
        self.secrets = secrets
        self.recorder = recorder
        self.backoff = options.backoff
        self.submit = submit
        var logger = logger
        logger[metadataKey: "node"] = "\(nodeName)"
        self.logger = logger
    }

    /// The rounds held (running, queued, or finished and not yet seen in the status).
    var heldRounds: Set<ImagePullTaskID> { Set(self.held.keys) }

    /// Brings the rounds in line with `nodeImage` (``ImagePullPlanner``): stops rounds no longer wanted, keeps
    /// done tags' statuses, starts new rounds, and schedules a status write.
    func sync(_ nodeImage: NodeImage) {
        guard !self.retired else { return }
        if let uid = self.uid, uid != nodeImage.metadata.uid {
            // A NodeImage deleted and created again under the same name: nothing carries over.
            self.stopEverything()
        }
        self.uid = nodeImage.metadata.uid
        self.adopt(nodeImage)
        // Plan on the newest version known: the informer may still deliver a version older than one a status
        // write returned or a conflict re-read, and planning on it would pull again what that one shows done.
        let current = self.latest ?? nodeImage
        let plan = ImagePullPlanner.plan(for: current, held: Set(self.held.keys))
        for id in plan.stop {
            self.held.removeValue(forKey: id)?.signal.stop()
        }
        let images = current.images
        self.pruneResults(to: images)
        for (id, status) in plan.kept {
            self.results[id.image, default: [:]][id.tag] = status
        }
        let observed = current.status.imageStatuses
        for task in plan.start {
            self.nextSerial += 1
            let serial = self.nextSerial
            let signal = ImagePullStopSignal()
            self.held[task.id] = HeldRound(serial: serial, signal: signal)
            // Until the round reports, the tag shows what the NodeImage already says of this version (a pull a
            // previous daemon left under way), or nothing — never an older version's result.
            self.results[task.image, default: [:]][task.tag] =
                observed[task.image]?.first { $0.tag == task.tag && $0.version == task.version }
            let references = images[task.image]?.pullSecrets ?? []
            let secrets = self.secrets
            let id = task.id
            let worker = ImagePullWorker(
                task: task, imageService: self.imageService, slots: self.slots, backoff: self.backoff,
                credential: { reference in
                    references.isEmpty ? nil : await secrets.credentials(references).credential(for: reference)
                },
                report: { [self] status in await self.report(id, serial: serial, status: status) })
            self.logger.debug(
                "starting pull", metadata: ["image": "\(task.image):\(task.tag)", "version": "\(task.version)"])
            self.submit(.pull(ImagePullWorkItem(puller: self, id: id, serial: serial, signal: signal, worker: worker)))
        }
        self.markDirty()
    }

    /// A round's status changed; ignored when the round was stopped meanwhile.
    func report(_ id: ImagePullTaskID, serial: UInt64, status: ImageTagStatus) {
        guard !self.retired, let round = self.held[id], round.serial == serial, !round.finished else { return }
        self.results[id.image, default: [:]][id.tag] = status
        self.markDirty()
    }

    /// A round ended: its final status is kept and its event recorded, unless it was stopped meanwhile.
    func finish(_ id: ImagePullTaskID, serial: UInt64, outcome: ImagePullOutcome) {
        guard !self.retired, let round = self.held[id], round.serial == serial, !round.finished,
            let status = outcome.status
        else { return }
        self.held[id]?.finished = true
        self.results[id.image, default: [:]][id.tag] = status
        self.markDirty()
        guard let nodeImage = self.latest else { return }
        switch outcome {
        case .succeeded(_, let elapsed):
            self.recorder.record(
                nodeImage, type: .normal, reason: "PullImageSucceed",
                message: "Image \(id.image):\(id.tag), ecalpsedTime \(GoDuration.format(elapsed))")
        case .failed(_, let error):
            let message = "Image \(id.image):\(id.tag) \(error)"
            self.logger.info("pull failed", metadata: ["image": "\(id.image):\(id.tag)", "error": "\(error)"])
            for owner in self.owners(of: id, in: nodeImage) {
                self.recorder.record(owner, type: .warning, reason: "PullImageFailed", message: message)
            }
            self.recorder.record(nodeImage, type: .warning, reason: "PullImageFailed", message: message)
        case .stopped:
            break
        }
    }

    /// The NodeImage is gone (or the node is no longer ours): every round stops and nothing more is written.
    func retire() {
        self.retired = true
        self.stopEverything()
        self.dirty = false
    }

    /// The status to write on `nodeImage`: built from its spec and the tags' latest statuses
    /// (``NodeImageStatusBuilder``), with the fields the daemon does not own kept.
    func status(for nodeImage: NodeImage) -> NodeImageStatus {
        var status = NodeImageStatusBuilder.status(for: nodeImage.images, tagStatuses: self.results)
        status.firstSyncStatus = nodeImage.status.firstSyncStatus
        return status
    }

    /// The status to write on `nodeImage`, after syncing it first when it is a version this puller has not seen
    /// (a re-read after a conflict: the NodeImage controller may have marked a tag failed, which must be kept,
    /// not overwritten with this puller's older view).
    func refreshedStatus(for nodeImage: NodeImage) -> NodeImageStatus {
        if !self.retired, nodeImage.metadata.resourceVersion != self.latest?.metadata.resourceVersion {
            self.sync(nodeImage)
        }
        return self.status(for: nodeImage)
    }

    /// The next status write: the latest NodeImage, when something changed since the last write. `nil` ends the
    /// writer (the next change starts another).
    func takeWrite() -> NodeImage? {
        guard self.dirty, !self.retired, let latest = self.latest else {
            self.writerActive = false
            return nil
        }
        self.dirty = false
        return latest
    }

    /// A write failed: try again on the writer's next turn.
    func writeFailed() {
        guard !self.retired else { return }
        self.dirty = true
    }

    /// The writer stopped early (shutdown).
    func writerStopped() {
        self.writerActive = false
    }

    /// Takes `nodeImage` (what a write returned, or a fresh read) as the latest unless a newer one is known.
    func adopt(_ nodeImage: NodeImage) {
        guard nodeImage.metadata.uid == self.uid || self.uid == nil else { return }
        if let latest = self.latest, Self.isOlder(nodeImage, than: latest) { return }
        self.latest = nodeImage
    }

    private func markDirty() {
        self.dirty = true
        guard !self.writerActive else { return }
        self.writerActive = true
        self.submit(.writeStatus(self))
    }

    private func stopEverything() {
        for round in self.held.values { round.signal.stop() }
        self.held.removeAll()
        self.results.removeAll()
        self.latest = nil
    }

    /// Keeps only spec images and tags (a removed tag's result goes with it).
    private func pruneResults(to images: [String: NodeImageSpec]) {
        var pruned: [String: [String: ImageTagStatus]] = [:]
        for (name, tags) in self.results {
            guard let spec = images[name] else { continue }
            let wanted = Set(spec.tags.map(\.tag))
            let kept = tags.filter { wanted.contains($0.key) }
            if !kept.isEmpty { pruned[name] = kept }
        }
        self.results = pruned
    }

    /// The ImagePullJobs (or other objects) that asked for the round's tag, as event targets.
    private func owners(of id: ImagePullTaskID, in nodeImage: NodeImage) -> [UnstructuredObject] {
        let tag = nodeImage.images[id.image]?.tags.first { $0.tag == id.tag }
        return (tag?.ownerReferences ?? []).map { owner in
            var metadata = ObjectMeta(name: owner.name, namespace: owner.namespace.isEmpty ? nil : owner.namespace)
            if !owner.uid.isEmpty { metadata.uid = owner.uid }
            var object = UnstructuredObject()
            object.object["apiVersion"] = .string(owner.apiVersion)
            object.object["kind"] = .string(owner.kind)
            object.object["metadata"] = .object(metadata.object)
            return object
        }
    }

    /// Whether `candidate` is an older version than `current`: resourceVersions are opaque, but the API servers
    /// SwiftKruise talks to (etcd's revision, the embedded store's counter) use integers; anything else counts as
    /// newer.
    private static func isOlder(_ candidate: NodeImage, than current: NodeImage) -> Bool {
        guard let new = candidate.metadata.resourceVersion.flatMap(UInt64.init),
            let old = current.metadata.resourceVersion.flatMap(UInt64.init)
        else { return false }
        return new < old
    }
}
