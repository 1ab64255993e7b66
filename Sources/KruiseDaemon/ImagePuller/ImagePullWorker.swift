public import ContainerRuntime
public import KruiseAPI
import KubeModel

/// Runs one pull round (upstream `pullWorker.Run`) against a node's CRI image service and reports each change of
/// the tag's status as it happens.
///
/// - It takes a slot of the node's limit, reporting `Waiting` (no `startTime`) while it has to wait, then
///   `Pulling` with `startTime`.
/// - `IfNotPresent`: an image already on the node succeeds at once. `Always` pulls every round, so a moved tag
///   is refreshed (upstream HEAD; v1.6 compared digests with the registry first).
/// - Up to `backoffLimit + 1` attempts, each limited by `timeoutSeconds` and by the time left to
///   `activeDeadlineSeconds` (counted from `startTime`), with ``ImagePullBackoff`` waits between them.
/// - Success: `Succeeded`, progress 100, `completionTime`, `imageID` `<name>@<image id>`. Failure: `Failed`,
///   `completionTime`, `message` the last error.
///
/// Cancelling the task running ``run()`` stops the round (``ImagePullOutcome/stopped``).
public struct ImagePullWorker: Sendable {
    /// The round.
    public var task: ImagePullTask
    /// The node's image service.
    public var imageService: any ImageService
    /// The node's concurrent-pull limit.
    public var slots: ImagePullSlots
    /// The waits between failed attempts.
    public var backoff: ImagePullBackoff
    /// The registry credential for a reference (from the image's pull secrets), asked once before pulling.
    public var credential: @Sendable (String) async -> RegistryCredential?
    /// Receives every status change, the final one included.
    public var report: @Sendable (ImageTagStatus) async -> Void

    /// A worker for `task`.
    public init(
        task: ImagePullTask,
        imageService: any ImageService,
        slots: ImagePullSlots,
        backoff: ImagePullBackoff = ImagePullBackoff(),
        credential: @escaping @Sendable (String) async -> RegistryCredential? = { _ in nil },
        report: @escaping @Sendable (ImageTagStatus) async -> Void
    ) {
        self.task = task
        self.imageService = imageService
        self.slots = slots
        self.backoff = backoff
        self.credential = credential
        self.report = report
    }

    /// Runs the round to its end.
    public func run() async -> ImagePullOutcome {
        if !self.slots.tryAcquire() {
            await self.report(ImageTagStatus(tag: self.task.tag, phase: .waiting, version: self.task.version))
            guard await self.slots.acquire() else { return .stopped }
        }
        defer { self.slots.release() }
        if Task.isCancelled { return .stopped }
        return await self.pull()
    }

    /// The round, holding a slot.
    private func pull() async -> ImagePullOutcome {
        let reference = self.task.reference
        let started = ContinuousClock.now
        var status = ImageTagStatus(tag: self.task.tag, phase: .pulling, version: self.task.version)
        status.startTime = KubeTime.now()
        await self.report(status)
        if self.task.pullPolicy == .ifNotPresent, let image = await self.imageService.imageStatus(reference) {
            return await self.succeed(status, imageID: image.id, started: started)
        }
        let credential = await self.credential(reference)
        let deadline = self.task.activeDeadlineSeconds.map { started + .seconds($0) }
        var lastError = ImagePullError.deadlineExceeded
        for attempt in 0...max(0, self.task.backoffLimit) {
            if Task.isCancelled { return .stopped }
            var timeout = Duration.seconds(self.task.timeoutSeconds)
            if let deadline {
                let left = deadline - ContinuousClock.now
                guard left > .zero else {
                    lastError = .deadlineExceeded
                    break
                }
                timeout = min(timeout, left)
            }
            switch await self.attempt(reference, credential: credential, timeout: timeout) {
            case .success(let pulled):
                // The runtime's own record of the image names its ID; the pull's answer is the fallback.
                let imageID = await self.imageService.imageStatus(reference)?.id ?? pulled
                return await self.succeed(status, imageID: imageID, started: started)
            case .failure(let error):
                lastError = error
            }
            if Task.isCancelled { return .stopped }
            // No wait after the last attempt: the failure is reported at once.
            if attempt < self.task.backoffLimit {
                do {
                    try await Task.sleep(for: self.backoff.delay(afterFailures: attempt + 1))
                } catch {
                    return .stopped
                }
            }
        }
        status.phase = .failed
        status.completionTime = KubeTime.now()
        status.message = lastError.description
        await self.report(status)
        return .failed(status, lastError)
    }

    private func succeed(
        _ pulling: ImageTagStatus, imageID: String, started: ContinuousClock.Instant
    ) async -> ImagePullOutcome {
        var status = pulling
        status.phase = .succeeded
        status.progress = 100
        status.completionTime = KubeTime.now()
        status.imageID = "\(self.task.image)@\(imageID)"
        status.message = nil
        await self.report(status)
        return .succeeded(status, elapsed: ContinuousClock.now - started)
    }

    /// One attempt, raced against `timeout` (a CRI pull honours cancellation; the timer's win cancels it).
    private func attempt(
        _ reference: String, credential: RegistryCredential?, timeout: Duration
    ) async -> Result<String, ImagePullError> {
        let imageService = self.imageService
        return await withTaskGroup(of: Optional<Result<String, ImagePullError>>.self) { group in
            group.addTask {
                do throws(ContainerRuntimeError) {
                    return .success(try await imageService.pullImage(reference, credential: credential))
                } catch {
                    return .failure(.runtime(error))
                }
            }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                } catch {
                    return nil
                }
                return .failure(.timedOut(reference: reference))
            }
            var result: Result<String, ImagePullError>?
            while result == nil, let next = await group.next() {
                result = next
            }
            group.cancelAll()
            return result ?? .failure(.stopped(reference: reference))
        }
    }
}
