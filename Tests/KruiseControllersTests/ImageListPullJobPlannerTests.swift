import ControllerRuntime
import KruiseAPI
import KruiseControllers
import KubeJSON
import KubeModel
import Testing

/// ``ImageListPullJobPlanner``, rule by rule (upstream `pkg/controller/imagelistpulljob`, v1.6).
@Suite struct ImageListPullJobPlannerTests {
    static let now = KubeTime(seconds: 1_700_000_000)

    /// A list job `list` (uid `uid-list`) of `images`, of completion `type`, with pull secret `regcred`, labelled with
    /// its template hash unless `labelled` is false.
    static func listJob(
        _ images: [String], type: ImagePullJobCompletionPolicy.Kind = .always, ttl: Int32? = nil,
        parallelism: Int? = nil, labelled: Bool = true
    ) -> ImageListPullJob {
        var job = ImageListPullJob(metadata: ObjectMeta(name: "list", namespace: "ns"))
        job.metadata.uid = "uid-list"
        var spec = ImageListPullJobSpec()
        spec.images = images
        var completion = ImagePullJobCompletionPolicy()
        completion.type = type
        completion.ttlSecondsAfterFinished = ttl
        spec.completionPolicy = completion
        if let parallelism { spec.parallelism = .int(parallelism) }
        spec.pullSecrets = ["regcred"]
        job.spec = spec
        if labelled { job.metadata.labels = [KruiseKeys.controllerRevisionHash: ImageListPullJobTemplateHash.of(job)] }
        return job
    }

    /// The child the planner would create for `image`, named `name`, with `status`.
    static func child(
        of job: ImageListPullJob, image: String, name: String, status: ImagePullJobStatus? = nil,
        created: Int64 = 0
    ) -> ImagePullJob {
        var child = ImageListPullJobPlanner.child(of: job, image: image, hash: ImageListPullJobTemplateHash.of(job))
        child.metadata.name = name
        child.metadata.generateName = nil
        child.metadata.uid = "uid-" + name
        child.metadata.creationTimestamp = KubeTime(seconds: 1_600_000_000 + created)
        if let status { child.status = status }
        return child
    }

    static func childStatus(desired: Int32, active: Int32 = 0, succeeded: Int32 = 0, failed: Int32 = 0, started: Bool = true) -> ImagePullJobStatus {
        var status = ImagePullJobStatus()
        if started { status.startTime = KubeTime(seconds: 1_699_999_000) }
        status.desired = desired
        status.active = active
        status.succeeded = succeeded
        status.failed = failed
        return status
    }

    // MARK: Template hash

    @Test func hashIsShortLowercaseAlphanumericAndStable() {
        let hash = ImageListPullJobTemplateHash.of(Self.listJob(["a"]))
        #expect(!hash.isEmpty && hash.count <= 10)
        #expect(hash.allSatisfy { $0.isLowercase || $0.isNumber })
        #expect(hash == ImageListPullJobTemplateHash.of(Self.listJob(["a"])))
    }

    @Test func hashIgnoresImagesButFollowsTheTemplate() {
        let base = ImageListPullJobTemplateHash.of(Self.listJob(["a"]))
        #expect(ImageListPullJobTemplateHash.of(Self.listJob(["a", "b", "c"])) == base)
        #expect(ImageListPullJobTemplateHash.of(Self.listJob(["a"], parallelism: 2)) != base)
        #expect(ImageListPullJobTemplateHash.of(Self.listJob(["a"], type: .never)) != base)
    }

    @Test func hashLabelIsPatchedOnlyWhenItDiffers() {
        let unlabelled = Self.listJob(["a"], labelled: false)
        let plan = ImageListPullJobPlanner.plan(unlabelled, children: [], now: Self.now)
        #expect(plan.patchHashLabel)
        #expect(plan.templateHash == ImageListPullJobTemplateHash.of(unlabelled))

        var stale = Self.listJob(["a"])
        stale.metadata.labels[KruiseKeys.controllerRevisionHash] = "old"
        #expect(ImageListPullJobPlanner.plan(stale, children: [], now: Self.now).patchHashLabel)
        #expect(!ImageListPullJobPlanner.plan(Self.listJob(["a"]), children: [], now: Self.now).patchHashLabel)
    }

    // MARK: Completion and TTL

    @Test func completedJobPastItsTTLIsDeleted() {
        var job = Self.listJob(["a"], ttl: 60)
        job.status.completionTime = Self.now.adding(seconds: -60)
        let plan = ImageListPullJobPlanner.plan(job, children: [], now: Self.now)
        #expect(plan.deleteJob)
        #expect(plan.creates.isEmpty && plan.status == nil)
    }

    @Test func completedJobWithinItsTTLRequeuesAtExpiry() {
        var job = Self.listJob(["a"], ttl: 60)
        job.status.completionTime = Self.now.adding(seconds: -45)
        let plan = ImageListPullJobPlanner.plan(job, children: [], now: Self.now)
        #expect(!plan.deleteJob)
        #expect(plan.requeueAfter == .seconds(15))
    }

    @Test func completedJobIsNoLongerSynced() {
        var job = Self.listJob(["a", "b"])
        job.status.completionTime = Self.now.adding(seconds: -3600)
        let stray = Self.child(of: Self.listJob(["x"]), image: "x", name: "list-x")
        let plan = ImageListPullJobPlanner.plan(job, children: [stray], now: Self.now)
        #expect(!plan.deleteJob && plan.requeueAfter == nil)
        #expect(plan.creates.isEmpty && plan.deletes.isEmpty && plan.status == nil)
    }

    // MARK: Expectations

    @Test func unsatisfiedExpectationsPlanNoChildrenAndNoStatus() {
        let job = Self.listJob(["a", "b"], labelled: false)
        let plan = ImageListPullJobPlanner.plan(job, children: [], expectationsSatisfied: false, now: Self.now)
        #expect(plan.waitsForExpectations)
        #expect(plan.patchHashLabel)
        #expect(plan.creates.isEmpty && plan.deletes.isEmpty && plan.status == nil)
    }

    // MARK: Children

    @Test func eachImageWithoutAChildGetsOne() throws {
        let job = Self.listJob(["nginx:1.25", "redis:7", "busybox"], parallelism: 2)
        let existing = Self.child(of: job, image: "redis:7", name: "list-r")
        let plan = ImageListPullJobPlanner.plan(job, children: [existing], now: Self.now)
        #expect(plan.creates.map(\.spec.image) == ["nginx:1.25", "busybox"])
        #expect(plan.deletes.isEmpty)
        let child = try #require(plan.creates.first)
        #expect(child.metadata.generateName == "list-")
        #expect(child.metadata.name == nil)
        #expect(child.namespace == "ns")
        #expect(child.metadata.labels == [KruiseKeys.controllerRevisionHash: plan.templateHash])
        let owner = try #require(child.metadata.ownerReferences.first)
        #expect(child.metadata.ownerReferences.count == 1)
        #expect(owner.kind == "ImageListPullJob" && owner.apiVersion == "apps.kruise.io/v1alpha1")
        #expect(owner.name == "list" && owner.uid == "uid-list")
        #expect(owner.controller == true && owner.blockOwnerDeletion == true)
        #expect(child.spec.pullSecrets == ["regcred"])
        #expect(child.spec.parallelism == .int(2))
        #expect(child.spec.completionPolicy.type == .always)
        #expect(child.spec.object["images"] == nil)
    }

    @Test func childWithAnotherHashIsReplaced() {
        let job = Self.listJob(["a", "b"])
        var stale = Self.child(of: job, image: "a", name: "list-a")
        stale.metadata.labels[KruiseKeys.controllerRevisionHash] = "other"
        let current = Self.child(of: job, image: "b", name: "list-b")
        let plan = ImageListPullJobPlanner.plan(job, children: [stale, current], now: Self.now)
        #expect(plan.deletes == [ImageListPullJobPlan.Deletion(name: "list-a", uid: "uid-list-a", image: "a")])
        #expect(plan.creates.map(\.spec.image) == ["a"])
    }

    @Test func unlabelledChildIsKeptWhenItsTemplateMatchesAndReplacedOtherwise() {
        let job = Self.listJob(["a", "b"])
        var same = Self.child(of: job, image: "a", name: "list-a")
        same.metadata.labels = [:]
        var different = Self.child(of: job, image: "b", name: "list-b")
        different.metadata.labels = [:]
        different.spec.parallelism = .int(5)
        let plan = ImageListPullJobPlanner.plan(job, children: [same, different], now: Self.now)
        #expect(plan.deletes.map(\.name) == ["list-b"])
        #expect(plan.creates.map(\.spec.image) == ["b"])
    }

    @Test func childOfAnImageNoLongerListedIsDeleted() {
        let job = Self.listJob(["a"])
        let kept = Self.child(of: job, image: "a", name: "list-a")
        let gone = Self.child(of: job, image: "old", name: "list-old")
        let plan = ImageListPullJobPlanner.plan(job, children: [kept, gone], now: Self.now)
        #expect(plan.deletes.map(\.name) == ["list-old"])
        #expect(plan.creates.isEmpty)
    }

    @Test func terminatingChildIsIgnored() {
        let job = Self.listJob(["a"])
        var terminating = Self.child(of: job, image: "a", name: "list-a")
        terminating.metadata.deletionTimestamp = Self.now
        let plan = ImageListPullJobPlanner.plan(job, children: [terminating], now: Self.now)
        #expect(plan.deletes.isEmpty)
        #expect(plan.creates.map(\.spec.image) == ["a"])
    }

    @Test func duplicateChildOfOneImageIsDeletedKeepingTheOldest() {
        let job = Self.listJob(["a"])
        let older = Self.child(of: job, image: "a", name: "list-z", created: 1)
        let newer = Self.child(of: job, image: "a", name: "list-b", created: 2)
        let plan = ImageListPullJobPlanner.plan(job, children: [newer, older], now: Self.now)
        #expect(plan.deletes.map(\.name) == ["list-b"])
        #expect(plan.creates.isEmpty)
    }

    // MARK: Status

    @Test func statusSumsTheChildren() throws {
        let job = Self.listJob(["a", "b", "c", "d"])
        let children = [
            Self.child(of: job, image: "a", name: "list-a", status: Self.childStatus(desired: 3, active: 1, succeeded: 2)),
            Self.child(of: job, image: "b", name: "list-b", status: Self.childStatus(desired: 3, succeeded: 2, failed: 1)),
            Self.child(of: job, image: "c", name: "list-c", status: Self.childStatus(desired: 3, succeeded: 3)),
            // Not started: counted nowhere, even though its numbers add up.
            Self.child(of: job, image: "d", name: "list-d", status: Self.childStatus(desired: 0, started: false)),
        ]
        let plan = ImageListPullJobPlanner.plan(job, children: children, now: Self.now)
        let status = try #require(plan.status)
        #expect(status.desired == 4)
        #expect(status.active == 1)
        #expect(status.completed == 2)
        #expect(status.succeeded == 1)
        #expect(status.startTime == Self.now)
        #expect(status.completionTime == nil)
        #expect(status.failedImageStatuses.map(\.imagePullJob) == ["list-b"])
        #expect(status.failedImageStatuses.map(\.name) == ["b"])
        #expect(status.failedImageStatuses.first?.message
            == "Please check for details which nodes failed by 'kubectl get ImagePullJob list-b'.")
    }

    @Test func statusCompletesWhenEveryChildCompleted() throws {
        let job = Self.listJob(["a", "b"])
        let children = [
            Self.child(of: job, image: "a", name: "list-a", status: Self.childStatus(desired: 2, succeeded: 2)),
            Self.child(of: job, image: "b", name: "list-b", status: Self.childStatus(desired: 2, succeeded: 1, failed: 1)),
        ]
        let status = try #require(ImageListPullJobPlanner.plan(job, children: children, now: Self.now).status)
        #expect(status.completed == 2 && status.succeeded == 1)
        #expect(status.completionTime == Self.now)
    }

    @Test func neverJobDoesNotComplete() throws {
        let job = Self.listJob(["a"], type: .never)
        let children = [Self.child(of: job, image: "a", name: "list-a", status: Self.childStatus(desired: 1, succeeded: 1))]
        let status = try #require(ImageListPullJobPlanner.plan(job, children: children, now: Self.now).status)
        #expect(status.completed == 1)
        #expect(status.completionTime == nil)
    }

    @Test func startTimeIsKeptAndAnUnchangedStatusIsNotWritten() throws {
        var job = Self.listJob(["a"])
        let children = [Self.child(of: job, image: "a", name: "list-a", status: Self.childStatus(desired: 2, active: 1, succeeded: 1))]
        let first = try #require(ImageListPullJobPlanner.plan(job, children: children, now: Self.now).status)
        job.status = first
        let later = Self.now.adding(seconds: 30)
        #expect(ImageListPullJobPlanner.plan(job, children: children, now: later).status == nil)

        let progressed = [Self.child(of: job, image: "a", name: "list-a", status: Self.childStatus(desired: 2, succeeded: 2))]
        let second = try #require(ImageListPullJobPlanner.plan(job, children: progressed, now: later).status)
        #expect(second.startTime == Self.now)
        #expect(second.completionTime == later)
    }

    @Test func childrenOfImagesNoLongerListedAreNotCounted() throws {
        let job = Self.listJob(["a"])
        let children = [
            Self.child(of: job, image: "a", name: "list-a", status: Self.childStatus(desired: 1, active: 1)),
            Self.child(of: job, image: "gone", name: "list-gone", status: Self.childStatus(desired: 1, succeeded: 1)),
        ]
        let status = try #require(ImageListPullJobPlanner.plan(job, children: children, now: Self.now).status)
        #expect(status.desired == 1 && status.completed == 0 && status.active == 1)
        #expect(status.completionTime == nil)
    }

    @Test func statusIsComputedFromChildrenBeforeTheirReplacement() throws {
        let job = Self.listJob(["a"])
        var stale = Self.child(of: job, image: "a", name: "list-a", status: Self.childStatus(desired: 1, succeeded: 1))
        stale.metadata.labels[KruiseKeys.controllerRevisionHash] = "other"
        let plan = ImageListPullJobPlanner.plan(job, children: [stale], now: Self.now)
        #expect(plan.deletes.map(\.name) == ["list-a"])
        #expect(plan.status?.completed == 1)
    }
}

/// ``ImageListPullJobEventRouter``: owner routing and expectations.
@Suite struct ImageListPullJobEventRouterTests {
    static let owner = ObjectKey(namespace: "ns", name: "list")

    static func child(_ name: String, image: String) -> ImagePullJob {
        let job = ImageListPullJobPlannerTests.listJob([image])
        return ImageListPullJobPlannerTests.child(of: job, image: image, name: name)
    }

    @Test func childEventsMapToTheirListJob() {
        let router = ImageListPullJobEventRouter(expectations: ScaleExpectations())
        #expect(router.keys(for: .added(Self.child("list-a", image: "a"))) == [Self.owner])
        var orphan = Self.child("x", image: "a")
        orphan.metadata.ownerReferences = []
        #expect(router.keys(for: .added(orphan)).isEmpty)
    }

    @Test func appearingChildSatisfiesTheCreation() {
        let expectations = ScaleExpectations()
        let router = ImageListPullJobEventRouter(expectations: expectations)
        expectations.expect(Self.owner, .create, name: "a")
        #expect(!expectations.isSatisfied(Self.owner))
        _ = router.keys(for: .added(Self.child("list-a", image: "a")))
        #expect(expectations.isSatisfied(Self.owner))
    }

    @Test func terminatingOrDeletedChildSatisfiesTheDeletion() {
        let expectations = ScaleExpectations()
        let router = ImageListPullJobEventRouter(expectations: expectations)
        let child = Self.child("list-a", image: "a")
        expectations.expect(Self.owner, .delete, name: "list-a")
        var terminating = child
        terminating.metadata.deletionTimestamp = ImageListPullJobPlannerTests.now
        _ = router.keys(for: .updated(old: child, new: terminating))
        #expect(expectations.isSatisfied(Self.owner))

        expectations.expect(Self.owner, .delete, name: "list-a")
        _ = router.keys(for: .deleted(child))
        #expect(expectations.isSatisfied(Self.owner))
    }
}
