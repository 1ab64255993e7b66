import KruiseAPI
@testable import KruiseControllers
import KubeJSON
import KubeModel
import Testing

@Suite struct ImagePullJobPlannerTests {
    static let t0 = KubeTime(seconds: 1_700_000_000)
    static let planner = ImagePullJobPlanner(random: { _ in 0 })

    static func job(
        image: String = "nginx:1.25", parallelism: IntOrString? = nil, type: ImagePullJobCompletionPolicy.Kind = .always,
        activeDeadline: Int64? = nil, startTime: KubeTime? = nil
    ) -> ImagePullJob {
        var job = ImagePullJob(metadata: ObjectMeta(name: "warm", namespace: "default"))
        job.metadata.uid = "job-uid"
        job.spec.image = image
        job.spec.parallelism = parallelism
        var completion = ImagePullJobCompletionPolicy()
        completion.type = type
        completion.activeDeadlineSeconds = activeDeadline
        job.spec.completionPolicy = completion
        if let startTime { job.status.startTime = startTime }
        return job
    }

    /// A NodeImage; `tag` gives it the job's tag at `version` (owned by the job unless `owner` is another uid),
    /// `phase` the daemon's report of `reportedVersion` (default: the same version).
    static func nodeImage(
        _ name: String, tag: String? = nil, version: Int64 = 0, owner: String = "job-uid", phase: ImageTagStatus.Phase? = nil,
        reportedVersion: Int64? = nil, labels: [String: String] = [:]
    ) -> NodeImage {
        var nodeImage = NodeImage(metadata: ObjectMeta(name: name))
        nodeImage.metadata.labels = labels
        if let tag {
            var entry = ImageTagSpec(tag: tag)
            entry.version = version
            var reference = ObjectReference()
            reference.uid = owner
            entry.ownerReferences = [reference]
            nodeImage.images = ["nginx": NodeImageSpec(object: ["tags": .array([.object(entry.object)])])]
        }
        if let phase, let tag {
            var status = NodeImageStatus()
            status.imageStatuses = ["nginx": [ImageTagStatus(tag: tag, phase: phase, version: reportedVersion ?? version)]]
            nodeImage.status = status
        }
        return nodeImage
    }

    @Test func parallelismLimitsTheNodesGivenTheTagAndCountsActiveOnes() {
        let targets = [
            Self.nodeImage("n1", tag: "1.25", phase: .pulling), Self.nodeImage("n2"), Self.nodeImage("n3"), Self.nodeImage("n4"),
        ]
        let plan = Self.planner.plan(Self.job(parallelism: 2), targets: targets, secrets: [], now: Self.t0)
        #expect(plan.status.desired == 4)
        #expect(plan.status.active == 1)
        #expect(plan.assignments.map(\.nodeName) == ["n2"])
        #expect(plan.status.message == "job is running, progress 0.0%")
        #expect(plan.status.startTime == Self.t0)
        let paused = Self.planner.plan(Self.job(parallelism: 0), targets: targets, secrets: [], now: Self.t0)
        #expect(paused.assignments.isEmpty)
        let defaultOne = Self.planner.plan(Self.job(), targets: [Self.nodeImage("n2"), Self.nodeImage("n3")], secrets: [], now: Self.t0)
        #expect(defaultOne.assignments.map(\.nodeName) == ["n2"])
    }

    @Test func countsOnlyReportsOfTheCurrentVersion() {
        let targets = [
            Self.nodeImage("n1", tag: "1.25", version: 2, phase: .succeeded),
            Self.nodeImage("n2", tag: "1.25", version: 2, phase: .failed),
            Self.nodeImage("n3", tag: "1.25", version: 2, phase: .succeeded, reportedVersion: 1),
            Self.nodeImage("n4", tag: "1.25", version: 0, owner: "other-job", phase: .succeeded),
        ]
        let plan = Self.planner.plan(Self.job(parallelism: 10), targets: targets, secrets: [], now: Self.t0)
        #expect(plan.status.succeeded == 1)
        #expect(plan.status.failed == 1)
        #expect(plan.status.failedNodes == ["n2"])
        #expect(plan.status.active == 1)
        #expect(plan.assignments.map(\.nodeName) == ["n4"])
        #expect(plan.status.message == "job is running, progress 50.0%")
        #expect(plan.status.completionTime == nil)
    }

    @Test func anAlwaysJobCompletesWhenEveryNodeFinishedAndANeverJobDoesNot() {
        let targets = [Self.nodeImage("n1", tag: "1.25", phase: .succeeded), Self.nodeImage("n2", tag: "1.25", phase: .failed)]
        let always = Self.planner.plan(Self.job(), targets: targets, secrets: [], now: Self.t0)
        #expect(always.status.completionTime == Self.t0)
        #expect(always.status.message == "job has completed")
        #expect(always.assignments.isEmpty)
        let never = Self.planner.plan(Self.job(type: .never), targets: targets, secrets: [], now: Self.t0)
        #expect(never.status.completionTime == nil)
        #expect(never.status.message == "job is running, progress 100.0%")
        let none = Self.planner.plan(Self.job(type: .never), targets: [], secrets: [], now: Self.t0)
        #expect(none.status.message == "job is running, no progress")
    }

    @Test func theActiveDeadlineFailsEveryUnfinishedNode() {
        let targets = [
            Self.nodeImage("n1", tag: "1.25", phase: .succeeded), Self.nodeImage("n3", tag: "1.25", phase: .pulling),
            Self.nodeImage("n2"),
        ]
        let job = Self.job(activeDeadline: 60, startTime: Self.t0)
        let early = Self.planner.plan(job, targets: targets, secrets: [], now: KubeTime(seconds: Self.t0.seconds + 20))
        #expect(early.status.completionTime == nil)
        #expect(early.requeueAfter == .seconds(40))
        let late = Self.planner.plan(job, targets: targets, secrets: [], now: KubeTime(seconds: Self.t0.seconds + 60))
        #expect(late.status.completionTime != nil)
        #expect(late.status.message == "job exceeds activeDeadlineSeconds")
        #expect(late.status.failedNodes == ["n3", "n2"])
        #expect(late.status.failed == 2)
        #expect(late.status.succeeded == 1)
        #expect(late.assignments.isEmpty)
    }

    @Test func aMissingSecretLeavesTheNodeNotSynced() {
        let secret = NodeImageSecretReference(namespace: "kruise-daemon-config", name: "regcred-abc")
        let plan = Self.planner.plan(
            Self.job(), targets: [Self.nodeImage("n1", tag: "1.25", phase: .succeeded)], secrets: [secret], now: Self.t0)
        #expect(plan.assignments.map(\.nodeName) == ["n1"])
        #expect(plan.status.succeeded == 0)
    }

    @Test func tagTTLsFollowTheCompletionPolicy() {
        let planner = ImagePullJobPlanner(timings: .repullingEvery(86_400), random: { $0 / 2 })
        let never = planner.tagPullPolicy(Self.job(type: .never))
        #expect(never.ttlSecondsAfterFinished == 86_400)
        #expect(never.activeDeadlineSeconds == 1800)
        #expect(never.timeoutSeconds == 600 && never.backoffLimit == 3)
        let always = planner.tagPullPolicy(Self.job(activeDeadline: 100))
        #expect(always.activeDeadlineSeconds == 100)
        #expect(always.ttlSecondsAfterFinished == Int32(550))
        let plain = planner.tagPullPolicy(Self.job())
        #expect(plain.ttlSecondsAfterFinished == Int32(2250))
        let short = ImagePullJobPlanner(timings: .repullingEvery(20), random: { _ in 0 }).tagPullPolicy(Self.job(type: .never))
        #expect(short.ttlSecondsAfterFinished == 20)
    }

    @Test func assignmentsAddOrBumpTheTag() throws {
        let job = Self.job()
        let plan = Self.planner.plan(
            job, targets: [Self.nodeImage("fresh"), Self.nodeImage("shared", tag: "1.25", version: 4, owner: "other-job")],
            secrets: [], now: Self.t0)
        #expect(plan.assignments.count == 1)
        var fresh = Self.nodeImage("fresh")
        var status = NodeImageStatus()
        status.imageStatuses = ["nginx": [ImageTagStatus(tag: "1.25", phase: .succeeded, version: 6)]]
        fresh.status = status
        let added = try #require(plan.assignments[0].apply(to: fresh, now: Self.t0))
        let tag = try #require(added.images["nginx"]?.tags.first)
        #expect(tag.tag == "1.25" && tag.version == 7 && tag.createdAt == Self.t0)
        #expect(tag.ownerReferences.map(\.uid) == ["job-uid"])
        #expect(tag.ownerReferences.first?.kind == "ImagePullJob")
        #expect(tag.pullPolicy?.ttlSecondsAfterFinished == Int32(2100))
        #expect(plan.assignments[0].apply(to: added, now: Self.t0) == nil)
        let bumped = try #require(plan.assignments[0].apply(to: Self.nodeImage("shared", tag: "1.25", version: 4, owner: "other-job"), now: Self.t0))
        #expect(bumped.images["nginx"]?.tags.first?.version == 5)
        #expect(bumped.images["nginx"]?.tags.first?.ownerReferences.count == 2)
    }

    @Test func imageNamesAreFamiliarAndDigestsAreTags() {
        #expect(ImagePullJobPlanner.nameAndTag("nginx") == ("nginx", "latest"))
        #expect(ImagePullJobPlanner.nameAndTag("docker.io/library/nginx:1.25") == ("nginx", "1.25"))
        #expect(ImagePullJobPlanner.nameAndTag("localhost:5000/base:latest") == ("localhost:5000/base", "latest"))
        let digest = "sha256:" + String(repeating: "a", count: 64)
        #expect(ImagePullJobPlanner.nameAndTag("quay.io/x/app:1@\(digest)") == ("quay.io/x/app", digest))
    }

    @Test func targetsFollowTheSelectors() {
        let images = [
            "a": Self.nodeImage("a", labels: ["zone": "x"]), "b": Self.nodeImage("b", labels: ["zone": "y"]),
            "c": Self.nodeImage("c", labels: ["zone": "x"]),
        ]
        var job = Self.job()
        #expect(ImagePullJobTargets.select(job, nodeImages: images, pods: []).map(\.name) == ["a", "b", "c"])
        var selector = ImagePullJobNodeSelector()
        selector.names = ["c", "missing", "a"]
        job.spec.selector = selector
        #expect(ImagePullJobTargets.select(job, nodeImages: images, pods: []).map(\.name) == ["c", "a"])
        job.spec.selector = ImagePullJobNodeSelector(object: ["matchLabels": ["zone": "x"]])
        #expect(ImagePullJobTargets.select(job, nodeImages: images, pods: []).map(\.name) == ["a", "c"])
        job.spec.selector = nil
        job.spec.podSelector = LabelSelector(matchLabels: ["app": "web"])
        func pod(_ name: String, node: String?, app: String = "web", phase: String = "Running") -> Pod {
            var pod = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
            pod.metadata.labels = ["app": app]
            pod.spec.nodeName = node
            pod.status.phase = phase
            return pod
        }
        let pods = [
            pod("p1", node: "b"), pod("p2", node: "b"), pod("p3", node: nil), pod("p4", node: "c", app: "db"),
            pod("p5", node: "a", phase: "Succeeded"), pod("p6", node: "c"),
        ]
        #expect(ImagePullJobTargets.select(job, nodeImages: images, pods: pods).map(\.name) == ["b", "c"])
    }
}
