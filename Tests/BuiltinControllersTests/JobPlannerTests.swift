import BuiltinControllers
import KubeJSON
import KubeModel
import Testing

@Suite struct JobPlannerTests {
    let planner = JobPlanner()

    static func job(
        parallelism: Int32 = 2, completions: Int32? = 3, backoffLimit: Int32? = nil, deadline: Int64? = nil,
        suspend: Bool = false, status: JobStatus = JobStatus()
    ) -> Job {
        var metadata = ObjectMeta(name: "pi", namespace: "default")
        metadata.uid = "uid-pi"
        var job = Job(metadata: metadata)
        var spec = JobSpec()
        spec.parallelism = parallelism
        spec.completions = completions
        spec.backoffLimit = backoffLimit
        spec.activeDeadlineSeconds = deadline
        if suspend { spec.suspend = true }
        spec.template = Fixtures.template()
        job.spec = spec
        job.status = status
        return job
    }

    static func pod(_ name: String, phase: String = "Running", tracked: Bool = true, deleting: Bool = false) -> Pod {
        Fixtures.pod(name, owner: ("Job", "pi", "uid-pi"), phase: phase, deleting: deleting,
                     finalizers: tracked ? [JobPlanner.trackingFinalizer] : [])
    }

    @Test func createsPodsWithLabelsAndFinalizer() {
        let plan = planner.plan(job: Self.job(), pods: [], now: Fixtures.now)
        #expect(plan.steps.map(\.count) == [1, 1])
        let pod = Fixtures.createdPods(plan)[0]
        #expect(pod.metadata.generateName == "pi-")
        #expect(pod.metadata.finalizers == [JobPlanner.trackingFinalizer])
        for key in ["batch.kubernetes.io/controller-uid", "controller-uid"] { #expect(pod.metadata.labels[key] == "uid-pi") }
        for key in ["batch.kubernetes.io/job-name", "job-name"] { #expect(pod.metadata.labels[key] == "pi") }
        #expect(plan.status.startTime == Fixtures.now)
        #expect(plan.statusRequiresAllSteps)
    }

    /// (succeeded so far, active pods) → pods created.
    @Test(arguments: [(0, 0, 2), (1, 0, 2), (2, 0, 1), (2, 1, 0), (0, 2, 0)])
    func keepsParallelismWithinRemainingCompletions(succeeded: Int32, active: Int, created: Int) {
        var status = JobStatus()
        status.succeeded = succeeded
        status.startTime = Fixtures.now
        let pods = (0..<active).map { Self.pod("a\($0)") }
        let plan = planner.plan(job: Self.job(status: status), pods: pods, now: Fixtures.now)
        #expect(Fixtures.createdPods(plan).count == created)
    }

    @Test func finishedPodCountedExactlyOnce() {
        let done = Self.pod("done", phase: "Succeeded")
        var status = JobStatus()
        status.startTime = Fixtures.now
        // Sync 1: uncounted first, then the finalizer, then the counter.
        let first = planner.plan(job: Self.job(status: status), pods: [done, Self.pod("a"), Self.pod("b")], now: Fixtures.now)
        guard case .updateJobStatus(let interim)? = first.steps.first?.first else {
            Issue.record("expected the uncounted status first")
            return
        }
        #expect(interim.object["uncountedTerminatedPods"]?["succeeded"] == ["uid-done"])
        #expect(first.steps[1] == [.removePodFinalizer(ObjectIdentity(of: done), finalizer: JobPlanner.trackingFinalizer)])
        #expect(first.status.succeeded == 1)
        #expect(first.status.object["uncountedTerminatedPods"] == .emptyObject)
        // Sync 2, after a failure of the finalizer removal: status has the UID uncounted, pod still tracked.
        let second = planner.plan(job: Self.job(status: interim), pods: [done, Self.pod("a"), Self.pod("b")], now: Fixtures.now)
        #expect(!second.actions.contains { if case .updateJobStatus = $0 { true } else { false } })
        #expect(second.status.succeeded == 1)
        // Sync 3, after everything: the released pod is not counted again.
        let released = Self.pod("done", phase: "Succeeded", tracked: false)
        let third = planner.plan(job: Self.job(status: first.status), pods: [released, Self.pod("a"), Self.pod("b")], now: Fixtures.now)
        #expect(third.status.succeeded == 1)
        #expect(third.isIdle)
    }

    @Test func backoffLimitFailsTheJob() {
        var status = JobStatus()
        status.startTime = Fixtures.time(60)
        status.failed = 1
        let job = Self.job(backoffLimit: 1, status: status)
        let running = Self.pod("running")
        let plan = planner.plan(job: job, pods: [Self.pod("f", phase: "Failed"), running], now: Fixtures.now)
        #expect(plan.status.failed == 2)
        let target = plan.status.conditions[type: "FailureTarget"]
        #expect(target?.reason == "BackoffLimitExceeded" && target?.message == "Job has reached the specified backoff limit")
        #expect(plan.status.conditions[type: "Failed"] == nil)
        #expect(plan.actions.contains(.removePodFinalizer(ObjectIdentity(of: running), finalizer: JobPlanner.trackingFinalizer)))
        #expect(Fixtures.deletedNames(plan) == ["running"])
        // Once nothing runs any more: Failed.
        let after = planner.plan(job: Self.job(backoffLimit: 1, status: plan.status), pods: [], now: Fixtures.now)
        let failed = after.status.conditions[type: "Failed"]
        #expect(failed?.status == "True" && failed?.reason == "BackoffLimitExceeded")
        #expect(after.status.completionTime == nil)
    }

    @Test func completesAfterCompletions() {
        var status = JobStatus()
        status.startTime = Fixtures.time(60)
        status.succeeded = 2
        let plan = planner.plan(job: Self.job(status: status), pods: [Self.pod("last", phase: "Succeeded")], now: Fixtures.now)
        #expect(plan.status.succeeded == 3)
        #expect(plan.status.conditions.map(\.type) == ["SuccessCriteriaMet", "Complete"])
        let complete = plan.status.conditions[type: "Complete"]
        #expect(complete?.reason == "CompletionsReached" && complete?.message == "Reached expected number of succeeded pods")
        #expect(plan.status.completionTime == Fixtures.now)
        #expect(Fixtures.createdPods(plan).isEmpty)
    }

    @Test func activeDeadline() {
        var status = JobStatus()
        status.startTime = Fixtures.time(100)
        let pending = planner.plan(job: Self.job(deadline: 160, status: status), pods: [Self.pod("a"), Self.pod("b")], now: Fixtures.now)
        #expect(pending.requeueAfter == .seconds(60))
        let expired = planner.plan(job: Self.job(deadline: 100, status: status), pods: [], now: Fixtures.now)
        #expect(expired.status.conditions[type: "Failed"]?.reason == "DeadlineExceeded")
        #expect(expired.status.conditions[type: "FailureTarget"]?.message == "Job was active longer than specified deadline")
    }

    @Test func suspendDeletesActivePodsWithoutCountingThem() {
        var status = JobStatus()
        status.startTime = Fixtures.time(100)
        let pods = [Self.pod("a"), Self.pod("b")]
        let plan = planner.plan(job: Self.job(suspend: true, status: status), pods: pods, now: Fixtures.now)
        #expect(plan.steps.count == 2)
        #expect(plan.steps[0].count == 2 && plan.steps[1].count == 2)
        #expect(Set(Fixtures.deletedNames(plan)) == ["a", "b"])
        #expect(plan.status.conditions[type: "Suspended"]?.reason == "JobSuspended")
        #expect(plan.status.failed == 0)
    }
}
