import ContainerRuntime
import KruiseAPI
import KruiseDaemon
import KubeModel
import NodeSimulation
import Testing

@Suite struct ImagePullWorkerTests {
    let registry = SimulatedRegistry()
    let store: SimulatedImageStore
    let log = ReportLog()

    init() {
        self.store = SimulatedImageStore(registry: self.registry)
    }

    func worker(
        _ task: ImagePullTask, service: (any ImageService)? = nil, slots: ImagePullSlots = ImagePullSlots(limit: 0),
        credential: @escaping @Sendable (String) async -> RegistryCredential? = { _ in nil }, log: ReportLog? = nil
    ) -> ImagePullWorker {
        let log = log ?? self.log
        return ImagePullWorker(
            task: task, imageService: service ?? self.store, slots: slots, backoff: fastBackoff, credential: credential,
            report: { await log.record($0) })
    }

    @Test func ifNotPresentSucceedsAtOnceWhenTheImageIsThere() async throws {
        _ = try self.store.pullImage("nginx:1.25", credential: nil)
        let present = try #require(self.store.imageStatus("nginx:1.25"))
        // A pull would fail now: success proves none was made.
        self.registry.injectFailure(.notFound, for: "nginx:1.25")
        let service = InstrumentedImageService(self.store)
        let outcome = await self.worker(pullTask("nginx", "1.25"), service: service).run()
        guard case .succeeded(let status, _) = outcome else {
            Issue.record("expected success, got \(outcome)")
            return
        }
        #expect(service.pulls.isEmpty)
        #expect(status.phase == .succeeded)
        #expect(status.progress == 100)
        #expect(status.imageID == "nginx@\(present.id)")
        #expect(status.version == 1)
        #expect(status.startTime != nil && status.completionTime != nil)
        #expect(self.log.phases == [.pulling, .succeeded])
        #expect(self.log.all.first?.startTime != nil)
    }

    @Test func aMissingTagFailsAfterEveryAttemptWithContainerdsMessage() async {
        self.registry.injectFailure(.notFound, for: "nginx:nope")
        let service = InstrumentedImageService(self.store)
        let outcome = await self.worker(pullTask("nginx", "nope", backoffLimit: 2), service: service).run()
        guard case .failed(let status, let error) = outcome else {
            Issue.record("expected failure, got \(outcome)")
            return
        }
        #expect(service.pulls == ["nginx:nope", "nginx:nope", "nginx:nope"])
        #expect(status.phase == .failed)
        #expect(status.completionTime != nil)
        #expect(status.imageID == nil)
        let message = status.message
        #expect(message == error.description)
        #expect(message?.hasPrefix("rpc error: code = NotFound desc = failed to pull and unpack image") == true)
        #expect(message?.hasSuffix("docker.io/library/nginx:nope: not found") == true)
        #expect(self.log.phases == [.pulling, .failed])
    }

    @Test func aRetryThatSucceedsEndsTheRound() async {
        let service = InstrumentedImageService(self.store, failFirst: 2)
        let outcome = await self.worker(pullTask("nginx", "1.25", backoffLimit: 5), service: service).run()
        guard case .succeeded(let status, _) = outcome else {
            Issue.record("expected success, got \(outcome)")
            return
        }
        #expect(service.pulls.count == 3)
        #expect(status.imageID?.hasPrefix("nginx@sha256:") == true)
        #expect(status.message == nil)
    }

    @Test func alwaysPullsAgainAndSeesAMovedTag() async throws {
        let first = await self.worker(pullTask("nginx", "latest", policy: .always)).run()
        let firstID = try #require(first.status?.imageID)
        try self.registry.push("nginx:latest")
        // IfNotPresent keeps the image the node has.
        let cached = await self.worker(pullTask("nginx", "latest", version: 2)).run()
        #expect(cached.status?.imageID == firstID)
        let second = await self.worker(pullTask("nginx", "latest", version: 3, policy: .always)).run()
        let secondID = try #require(second.status?.imageID)
        #expect(secondID != firstID)
        #expect(secondID == "nginx@\(try #require(self.store.imageStatus("nginx:latest")).id)")
        #expect(second.status?.version == 3)
    }

    @Test func aPrivateRepositoryNeedsThePullSecret() async throws {
        let credential = RegistryCredential(username: "robot", password: "s3cret")
        self.registry.makePrivate("registry.example.com/team/app", credentials: [credential])
        let task = pullTask("registry.example.com/team/app", "v1", backoffLimit: 0)

        let denied = await self.worker(task).run()
        #expect(denied.status?.phase == .failed)
        #expect(denied.status?.message?.contains("pull access denied") == true)

        var credentials = PullSecretCredentials()
        credentials.add(
            dockerConfigSecret(
                namespace: "kruise-daemon-config", name: "pull", registry: "registry.example.com", username: "robot",
                password: "s3cret"))
        let secrets = credentials
        let allowed = await self.worker(task, credential: { secrets.credential(for: $0) }).run()
        #expect(allowed.status?.phase == .succeeded)
        #expect(allowed.status?.imageID?.hasPrefix("registry.example.com/team/app@sha256:") == true)
    }

    @Test func pullsBeyondTheLimitWaitThenPull() async throws {
        let slots = ImagePullSlots(limit: 1)
        let service = InstrumentedImageService(self.store, holdPulls: true)
        let firstLog = ReportLog()
        let secondLog = ReportLog()
        let first = Task { await self.worker(pullTask("nginx", "1.25"), service: service, slots: slots, log: firstLog).run() }
        while service.pulls.isEmpty { await Task.yield() }
        let second = Task { await self.worker(pullTask("redis", "7"), service: service, slots: slots, log: secondLog).run() }
        while slots.waiting == 0 { await Task.yield() }
        #expect(secondLog.phases == [.waiting])
        #expect(secondLog.all.first?.startTime == nil)
        #expect(service.pulls == ["nginx:1.25"])
        service.open()
        #expect(await first.value.status?.phase == .succeeded)
        #expect(await second.value.status?.phase == .succeeded)
        #expect(secondLog.phases == [.waiting, .pulling, .succeeded])
        #expect(secondLog.all[1].startTime != nil)
        #expect(slots.inUse == 0)
    }

    @Test func anAttemptIsLimitedByTimeoutSeconds() async {
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = await self.worker(
            pullTask("nginx", "slow", backoffLimit: 0, timeoutSeconds: 1), service: HangingImageService()
        ).run()
        #expect(outcome.status?.phase == .failed)
        #expect(outcome.status?.message == "pulling image nginx:slow is canceled")
        #expect(clock.now - started < .seconds(20))
    }

    @Test func aPassedDeadlineFailsWithoutPulling() async {
        let service = InstrumentedImageService(self.store)
        let outcome = await self.worker(pullTask("nginx", "1.25", activeDeadlineSeconds: 0), service: service).run()
        #expect(outcome.status?.phase == .failed)
        #expect(outcome.status?.message == "pulling exceeds the activeDeadlineSeconds")
        #expect(service.pulls.isEmpty)
    }

    @Test func cancellingStopsTheRoundAndFreesItsSlot() async {
        let slots = ImagePullSlots(limit: 1)
        let worker = self.worker(pullTask("nginx", "slow"), service: HangingImageService(), slots: slots)
        let round = Task { await worker.run() }
        while slots.inUse == 0 { await Task.yield() }
        round.cancel()
        #expect(await round.value == .stopped)
        #expect(slots.inUse == 0)
    }

    @Test func aWaiterCancelledInTheQueueLeavesIt() async {
        let slots = ImagePullSlots(limit: 1)
        #expect(slots.tryAcquire())
        let waiter = Task { await slots.acquire() }
        while slots.waiting == 0 { await Task.yield() }
        waiter.cancel()
        #expect(await waiter.value == false)
        #expect(slots.waiting == 0)
        slots.release()
        #expect(slots.inUse == 0)
        #expect(slots.tryAcquire())
    }
}

@Suite struct ImagePullBackoffTests {
    @Test func doublesFromBaseToCap() {
        let backoff = ImagePullBackoff()
        #expect((1...7).map { backoff.delay(afterFailures: $0) } == [1, 2, 4, 8, 16, 30, 30].map { Duration.seconds($0) })
    }
}
