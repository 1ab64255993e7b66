import ControllerRuntime
import KubeModel
import Testing
@testable import NodeSimulation

/// The scheduler's set of unschedulable pods, kept from pod events: what it retries when a node changes or a
/// pod goes away.
@Suite struct UnschedulablePodsTests {
    let planner = SchedulerPlanner()

    func unschedulable(_ pod: Pod) -> Pod {
        var pod = pod
        pod.status.conditions = [SchedulingObjects.unschedulableCondition(message: "0/3 nodes are available", now: Fixtures.t0)]
        return pod
    }

    @Test func holdsThePendingPodsMarkedUnschedulable() {
        let set = UnschedulablePods()
        let isPending = { (pod: Pod) in SchedulerReconciler.isPending(pod, planner: self.planner) }
        let waiting = Fixtures.pod("waiting")
        let stuck = self.unschedulable(Fixtures.pod("stuck"))
        let other = self.unschedulable(Fixtures.pod("other", yaml: "schedulerName: other\ncontainers: [{name: a, image: x}]"))
        set.apply(.added(waiting), isPending: isPending)
        set.apply(.added(stuck), isPending: isPending)
        set.apply(.added(other), isPending: isPending)
        #expect(set.all == [ObjectKey(stuck)])

        // Marked unschedulable later; then bound; then found unschedulable again and deleted.
        set.apply(.updated(old: waiting, new: self.unschedulable(waiting)), isPending: isPending)
        #expect(set.all == [ObjectKey(stuck), ObjectKey(waiting)])
        set.apply(.updated(old: stuck, new: Fixtures.bound(stuck, to: "kruise-node-1")), isPending: isPending)
        #expect(set.all == [ObjectKey(waiting)])
        var deleting = self.unschedulable(waiting)
        deleting.metadata.deletionTimestamp = Fixtures.t0
        set.apply(.updated(old: self.unschedulable(waiting), new: deleting), isPending: isPending)
        #expect(set.all.isEmpty)
        set.apply(.added(self.unschedulable(Fixtures.pod("again"))), isPending: isPending)
        set.apply(.deleted(Fixtures.pod("again")), isPending: isPending)
        #expect(set.all.isEmpty)
    }
}
