import ControllerRuntime
import KruiseAPI
import KruiseControllers
import KubeJSON
import KubeModel
import Testing

/// ``NodeImagePlanner``, rule by rule (upstream `pkg/controller/nodeimage`, v1.6).
@Suite struct NodeImagePlannerTests {
    static let now = KubeTime(seconds: 1_700_000_000)
    static let timings = NodeImageTimings()
    static let jobKey = ObjectKey(namespace: "ns", name: "job")
    static let jobs: [ObjectKey: String] = [jobKey: "uid-job"]

    /// A Node `node-1`, Ready since `readyFor` seconds before ``now`` (not Ready when `nil`).
    static func node(readyFor: Int64? = 3600, labels: [String: String] = ["zone": "a"]) -> Node {
        var node = Node(metadata: ObjectMeta(name: "node-1"))
        node.metadata.labels = labels
        var condition = Condition(type: "Ready", status: readyFor == nil ? "False" : "True")
        condition.lastTransitionTime = now.adding(seconds: -(readyFor ?? 3600))
        node.status.conditions = [condition]
        return node
    }

    static func ownerRef(name: String = "job", uid: String = "uid-job", kind: String = "ImagePullJob") -> ObjectReference {
        var reference = ObjectReference()
        reference.apiVersion = "apps.kruise.io/v1alpha1"
        reference.kind = kind
        reference.namespace = "ns"
        reference.name = name
        reference.uid = uid
        return reference
    }

    /// A tag created `age` seconds before ``now``.
    static func tag(
        _ name: String, version: Int64 = 0, age: Int64? = 60, owners: [ObjectReference] = [ownerRef()],
        ttl: Int32? = nil, deadline: Int64? = nil
    ) -> ImageTagSpec {
        var tag = ImageTagSpec(tag: name)
        tag.version = version
        tag.createdAt = age.map { now.adding(seconds: -$0) }
        var policy = ImageTagPullPolicy()
        policy.timeoutSeconds = 600
        policy.backoffLimit = 3
        policy.ttlSecondsAfterFinished = ttl
        policy.activeDeadlineSeconds = deadline
        tag.pullPolicy = policy
        if !owners.isEmpty { tag.ownerReferences = owners }
        return tag
    }

    static func status(_ tag: String, _ phase: ImageTagStatus.Phase, version: Int64 = 0, completedAgo: Int64? = nil) -> ImageTagStatus {
        var status = ImageTagStatus(tag: tag, phase: phase, version: version)
        status.startTime = now.adding(seconds: -100)
        status.completionTime = completedAgo.map { now.adding(seconds: -$0) }
        return status
    }

    /// The NodeImage of `node-1` (labels as ``node()``'s) with `images` and `statuses`.
    static func nodeImage(
        _ images: [String: [ImageTagSpec]], statuses: [String: [ImageTagStatus]] = [:], labels: [String: String] = ["zone": "a"]
    ) -> NodeImage {
        var nodeImage = NodeImage(metadata: ObjectMeta(name: "node-1"))
        nodeImage.metadata.uid = "uid-ni"
        nodeImage.metadata.labels = labels
        var specs: [String: NodeImageSpec] = [:]
        for (name, tags) in images {
            var spec = NodeImageSpec()
            spec.tags = tags
            specs[name] = spec
        }
        nodeImage.images = specs
        if !statuses.isEmpty {
            var status = NodeImageStatus()
            status.imageStatuses = statuses
            nodeImage.status = status
        }
        return nodeImage
    }

    static func plan(node: Node? = node(), _ nodeImage: NodeImage?, jobs: [ObjectKey: String] = jobs, now: KubeTime = now) -> NodeImagePlan {
        NodeImagePlanner.plan(name: "node-1", node: node, nodeImage: nodeImage, imagePullJobs: jobs, now: now, timings: timings)
    }

    static func updated(_ plan: NodeImagePlan) -> NodeImage? {
        if case .update(let nodeImage) = plan.write { return nodeImage }
        return nil
    }

    // MARK: Creation and deletion

    @Test func readyNodeGetsANodeImageWithItsLabels() throws {
        let plan = Self.plan(nil)
        guard case .create(let created) = plan.write else { Issue.record("no create: \(plan)"); return }
        #expect(created.name == "node-1")
        #expect(created.metadata.labels == ["zone": "a"])
        #expect(created.images.isEmpty)
        #expect(plan.requeueAfter == nil)
    }

    @Test func nodeReadyForLessThanTheDelayIsRequeuedForTheRest() {
        let plan = Self.plan(node: Self.node(readyFor: 10), nil)
        #expect(plan.write == nil)
        #expect(plan.requeueAfter == .seconds(20))
    }

    @Test func zeroDelayCreatesAtOnce() {
        let plan = NodeImagePlanner.plan(
            name: "node-1", node: Self.node(readyFor: 0), nodeImage: nil, imagePullJobs: [:], now: Self.now,
            timings: NodeImageTimings(creationDelay: .zero))
        guard case .create = plan.write else { Issue.record("no create"); return }
    }

    @Test func nodeNotReadyGetsNothing() {
        let plan = Self.plan(node: Self.node(readyFor: nil), nil)
        #expect(plan.write == nil && plan.requeueAfter == nil)
    }

    @Test func virtualKubeletNodeGetsNothing() {
        let plan = Self.plan(node: Self.node(labels: ["type": "virtual-kubelet"]), nil)
        #expect(plan.write == nil)
    }

    @Test func nodeImageOfAGoneNodeIsDeleted() {
        #expect(Self.plan(node: nil, Self.nodeImage([:])).write == .delete(name: "node-1", uid: "uid-ni"))
        var deleting = Self.node()
        deleting.metadata.deletionTimestamp = Self.now
        #expect(Self.plan(node: deleting, Self.nodeImage([:])).write == .delete(name: "node-1", uid: "uid-ni"))
    }

    @Test func fakeNodeImageOutlivesItsNode() {
        let fake = Self.nodeImage([:], labels: [NodeImage.fakeLabel: "true"])
        #expect(Self.plan(node: nil, fake).write == nil)
    }

    @Test func nodeImageBeingDeletedIsLeftAlone() {
        var deleting = Self.nodeImage(["nginx": [Self.tag("1.25", age: nil)]], labels: ["other": "x"])
        deleting.metadata.deletionTimestamp = Self.now
        #expect(Self.plan(node: nil, deleting).write == nil)
        let plan = Self.plan(deleting)
        #expect(plan.write == nil && plan.status == nil)
    }

    // MARK: Spec cleanup

    @Test func labelsAreReplacedByTheNodes() throws {
        let plan = Self.plan(node: Self.node(labels: ["zone": "b", "new": "1"]), Self.nodeImage([:], labels: ["zone": "a", "stale": "x"]))
        let updated = try #require(Self.updated(plan))
        #expect(updated.metadata.labels == ["zone": "b", "new": "1"])
    }

    @Test func tagWithoutCreatedAtIsDropped() throws {
        let nodeImage = Self.nodeImage(["nginx": [Self.tag("1.25", age: nil), Self.tag("1.26")]])
        let updated = try #require(Self.updated(Self.plan(nodeImage)))
        #expect(updated.images["nginx"]?.tags.map(\.tag) == ["1.26"])
    }

    @Test func ownerOfAJobThatIsGoneIsDroppedAndItsOnlyTagWithIt() throws {
        let nodeImage = Self.nodeImage([
            "nginx": [Self.tag("1.25", owners: [Self.ownerRef(), Self.ownerRef(name: "gone", uid: "uid-gone")])],
            "redis": [Self.tag("7", owners: [Self.ownerRef(name: "gone", uid: "uid-gone")])],
        ])
        let updated = try #require(Self.updated(Self.plan(nodeImage)))
        #expect(updated.images["nginx"]?.tags.first?.ownerReferences.map(\.name) == ["job"])
        #expect(updated.images["redis"] == nil)
    }

    @Test func ownerWhoseJobHasAnotherUIDIsDropped() throws {
        let nodeImage = Self.nodeImage(["nginx": [Self.tag("1.25", owners: [Self.ownerRef(uid: "uid-old")]), Self.tag("1.26")]])
        let updated = try #require(Self.updated(Self.plan(nodeImage)))
        #expect(updated.images["nginx"]?.tags.map(\.tag) == ["1.26"])
    }

    @Test func tagThatNeverHadOwnersAndOtherOwnerKindsAreKept() {
        var other = Self.ownerRef(name: "someone", uid: "uid-x", kind: "Deployment")
        other.apiVersion = "apps/v1"
        let nodeImage = Self.nodeImage(["nginx": [Self.tag("1.25", owners: []), Self.tag("1.26", owners: [other])]])
        let plan = Self.plan(nodeImage, jobs: [:])
        #expect(plan.write == nil)
    }

    @Test func finishedTagPastItsTTLIsDropped() throws {
        let nodeImage = Self.nodeImage(
            ["nginx": [Self.tag("1.25", version: 2, ttl: 100), Self.tag("1.26")]],
            statuses: ["nginx": [Self.status("1.25", .succeeded, version: 2, completedAgo: 100), Self.status("1.26", .pulling)]])
        let updated = try #require(Self.updated(Self.plan(nodeImage)))
        #expect(updated.images["nginx"]?.tags.map(\.tag) == ["1.26"])
    }

    @Test func finishedTagWithinItsTTLRequeuesAtExpiry() {
        let nodeImage = Self.nodeImage(
            ["nginx": [Self.tag("1.25", ttl: 100)]], statuses: ["nginx": [Self.status("1.25", .failed, completedAgo: 40)]])
        let plan = Self.plan(nodeImage)
        #expect(plan.write == nil)
        #expect(plan.requeueAfter == .seconds(60))
    }

    @Test func ttlCountsOnlyForTheStatusOfTheSameVersion() {
        // The status entry finished long ago, but for version 2: version 3 is a new round.
        let nodeImage = Self.nodeImage(
            ["nginx": [Self.tag("1.25", version: 3, ttl: 100)]],
            statuses: ["nginx": [Self.status("1.25", .succeeded, version: 2, completedAgo: 1000)]])
        let plan = Self.plan(nodeImage)
        #expect(plan.write == nil)
    }

    @Test func requeueIsNeverSoonerThanTheMinimum() {
        let nodeImage = Self.nodeImage(
            ["nginx": [Self.tag("1.25", ttl: 100)]], statuses: ["nginx": [Self.status("1.25", .succeeded, completedAgo: 99)]])
        #expect(Self.plan(nodeImage).requeueAfter == .seconds(3))
    }

    @Test func imageLeftWithoutTagsIsRemovedAndTagsAreSorted() throws {
        let nodeImage = Self.nodeImage([
            "nginx": [Self.tag("b"), Self.tag("a"), Self.tag("c", age: nil)],
            "redis": [Self.tag("7", age: nil)],
        ])
        let updated = try #require(Self.updated(Self.plan(nodeImage)))
        #expect(updated.images["nginx"]?.tags.map(\.tag) == ["a", "b"])
        #expect(updated.images["redis"] == nil)
        #expect(updated.images.keys.sorted() == ["nginx"])
    }

    @Test func specChangeIsTheWholeRound() {
        // The tag also timed out, but the status waits for the next round.
        let nodeImage = Self.nodeImage(["nginx": [Self.tag("1.25", age: 3600), Self.tag("1.26", age: nil)]])
        let plan = Self.plan(nodeImage)
        #expect(Self.updated(plan) != nil)
        #expect(plan.status == nil && plan.failures.isEmpty && plan.requeueAfter == nil)
    }

    @Test func cleanNodeImageIsNotWritten() {
        let nodeImage = Self.nodeImage(["nginx": [Self.tag("1.25")]], statuses: ["nginx": [Self.status("1.25", .pulling)]])
        let plan = Self.plan(nodeImage)
        #expect(plan.write == nil && plan.status == nil)
    }

    // MARK: Status timeouts

    @Test func tagTheNodeNeverAnsweredFailsAfterTheResponseTimeout() throws {
        let nodeImage = Self.nodeImage(["nginx": [Self.tag("1.25", version: 1, age: 601)]])
        let plan = Self.plan(nodeImage)
        let status = try #require(plan.status)
        let entry = try #require(status.tagStatus(image: "nginx", tag: "1.25"))
        #expect(entry.phase == .failed)
        #expect(entry.version == 1)
        #expect(entry.completionTime == Self.now)
        #expect(entry.message == "node has not responded for a long time")
        #expect(plan.failures == [NodeImagePlan.PullFailure(
            image: "nginx:1.25", message: "node has not responded for a long time", owners: [Self.ownerRef()])])
        #expect(plan.failures.first?.eventMessage(node: "node-1")
            == "Failed to pull image nginx:1.25 on node node-1 for node has not responded for a long time")
    }

    @Test func tagTheNodeHasNotAnsweredYetRequeuesAtTheTimeout() {
        let plan = Self.plan(Self.nodeImage(["nginx": [Self.tag("1.25", age: 500)]]))
        #expect(plan.status == nil && plan.failures.isEmpty)
        #expect(plan.requeueAfter == .seconds(100))
    }

    @Test func entryOfAnOlderVersionIsNoAnswer() throws {
        let nodeImage = Self.nodeImage(
            ["nginx": [Self.tag("1.25", version: 2, age: 700)]], statuses: ["nginx": [Self.status("1.25", .succeeded, version: 1, completedAgo: 800)]])
        let status = try #require(Self.plan(nodeImage).status)
        let entries = status.imageStatuses["nginx"] ?? []
        #expect(entries.count == 1)
        #expect(entries.first?.version == 2 && entries.first?.phase == .failed)
        #expect(entries.first?.startTime == nil)
    }

    @Test func waitingEntryOfTheVersionIsAnAnswer() {
        let nodeImage = Self.nodeImage(
            ["nginx": [Self.tag("1.25", version: 1, age: 3600)]], statuses: ["nginx": [Self.status("1.25", .waiting, version: 1)]])
        let plan = Self.plan(nodeImage)
        #expect(plan.status == nil && plan.failures.isEmpty && plan.requeueAfter == nil)
    }

    @Test func unfinishedPullPastItsDeadlineFails() throws {
        let nodeImage = Self.nodeImage(
            ["nginx": [Self.tag("1.25", age: 60 + 600, deadline: 60)]], statuses: ["nginx": [Self.status("1.25", .pulling)]])
        let plan = Self.plan(nodeImage)
        let entry = try #require(plan.status?.tagStatus(image: "nginx", tag: "1.25"))
        #expect(entry.phase == .failed)
        #expect(entry.message == "pulling exceeds the activeDeadlineSeconds")
        #expect(entry.startTime == Self.now.adding(seconds: -100))
        #expect(plan.failures.map(\.message) == ["pulling exceeds the activeDeadlineSeconds"])
    }

    @Test func unfinishedPullWithinItsDeadlineRequeues() {
        let nodeImage = Self.nodeImage(
            ["nginx": [Self.tag("1.25", age: 600, deadline: 60)]], statuses: ["nginx": [Self.status("1.25", .pulling)]])
        let plan = Self.plan(nodeImage)
        #expect(plan.status == nil)
        #expect(plan.requeueAfter == .seconds(60))
    }

    @Test func finishedPullHasNoDeadline() {
        let nodeImage = Self.nodeImage(
            ["nginx": [Self.tag("1.25", age: 3600, deadline: 60)]], statuses: ["nginx": [Self.status("1.25", .failed, completedAgo: 10)]])
        #expect(Self.plan(nodeImage).status == nil)
    }

    @Test func timeoutDropsStatusesNotInSpecAndRecounts() throws {
        let nodeImage = Self.nodeImage(
            ["nginx": [Self.tag("1.25", age: 700), Self.tag("1.26"), Self.tag("1.27")], "redis": [Self.tag("7"), Self.tag("8")]],
            statuses: [
                "nginx": [Self.status("1.26", .succeeded, completedAgo: 5), Self.status("1.27", .waiting), Self.status("0.9", .succeeded)],
                "redis": [Self.status("7", .pulling), Self.status("8", .failed, completedAgo: 5)],
                "gone": [Self.status("1", .succeeded)],
            ])
        let status = try #require(Self.plan(nodeImage).status)
        #expect(status.imageStatuses.keys.sorted() == ["nginx", "redis"])
        #expect(status.imageStatuses["nginx"]?.map(\.tag) == ["1.25", "1.26", "1.27"])
        #expect(status.desired == 5)
        #expect(status.succeeded == 1)
        #expect(status.failed == 2)
        #expect(status.pulling == 1)
        #expect(status.waiting == 1)
    }
}

/// ``NodeImageEventRouter``.
@Suite struct NodeImageEventRouterTests {
    static let nodeImage = NodeImagePlannerTests.nodeImage(["nginx": [NodeImagePlannerTests.tag("1.25")]])

    @Test func readyNodeWithoutNodeImageIsQueued() {
        let keys = NodeImageEventRouter.keys(forNode: .added(NodeImagePlannerTests.node())) { _ in nil }
        #expect(keys == [ObjectKey(name: "node-1")])
        let notReady = NodeImageEventRouter.keys(forNode: .added(NodeImagePlannerTests.node(readyFor: nil))) { _ in nil }
        #expect(notReady.isEmpty)
    }

    @Test func nodeWithNodeImageIsQueuedOnlyWhenLabelsDiffer() {
        let node = NodeImagePlannerTests.node()
        #expect(NodeImageEventRouter.keys(forNode: .updated(old: node, new: node)) { _ in Self.nodeImage }.isEmpty)
        let relabelled = NodeImagePlannerTests.node(labels: ["zone": "b"])
        #expect(NodeImageEventRouter.keys(forNode: .updated(old: node, new: relabelled)) { _ in Self.nodeImage } == [ObjectKey(name: "node-1")])
    }

    @Test func nodeDeletedQueuesItsNodeImage() {
        let node = NodeImagePlannerTests.node()
        #expect(NodeImageEventRouter.keys(forNode: .deleted(node)) { _ in Self.nodeImage } == [ObjectKey(name: "node-1")])
        #expect(NodeImageEventRouter.keys(forNode: .deleted(node)) { _ in nil }.isEmpty)
        var deleting = node
        deleting.metadata.deletionTimestamp = NodeImagePlannerTests.now
        #expect(NodeImageEventRouter.keys(forNode: .updated(old: node, new: deleting)) { _ in Self.nodeImage } == [ObjectKey(name: "node-1")])
    }

    @Test func virtualKubeletNodeIsIgnored() {
        let node = NodeImagePlannerTests.node(labels: ["type": "virtual-kubelet"])
        #expect(NodeImageEventRouter.keys(forNode: .added(node)) { _ in nil }.isEmpty)
        #expect(NodeImageEventRouter.keys(forNode: .deleted(node)) { _ in Self.nodeImage }.isEmpty)
    }

    @Test func deletedJobQueuesTheNodeImagesItOwnsATagOf() {
        var job = ImagePullJob(metadata: ObjectMeta(name: "job", namespace: "ns"))
        job.metadata.uid = "uid-job"
        var other = NodeImagePlannerTests.nodeImage(["nginx": [NodeImagePlannerTests.tag("1.25", owners: [NodeImagePlannerTests.ownerRef(name: "x", uid: "uid-x")])]])
        other.metadata.name = "node-2"
        let keys = NodeImageEventRouter.keys(forImagePullJob: .deleted(job), nodeImages: [Self.nodeImage, other])
        #expect(keys == [ObjectKey(name: "node-1")])
        #expect(NodeImageEventRouter.keys(forImagePullJob: .added(job), nodeImages: [Self.nodeImage]).isEmpty)
    }
}
