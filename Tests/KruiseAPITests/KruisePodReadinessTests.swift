import KruiseAPI
import KubeJSON
import KubeModel
import Testing

@Suite struct KruisePodReadinessTests {
    static let now = KubeTime(seconds: 1_700_000_000)

    static func pod(gate: Bool = true, owner: String = "apps.kruise.io/v1alpha1") -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: "web-1", namespace: "default"))
        pod.metadata.ownerReferences = [OwnerReference(object: [
            "apiVersion": .string(owner), "kind": "CloneSet", "name": "web", "uid": "u", "controller": true,
        ])]
        if gate { pod.spec.readinessGates = [KruisePodReadiness.conditionType] }
        return pod
    }

    @Test func gateGoesToPodsKruiseOwnsOnce() {
        #expect(KruisePodReadiness.isOwnedByKruise(Self.pod(gate: false)))
        #expect(!KruisePodReadiness.isOwnedByKruise(Self.pod(gate: false, owner: "apps/v1")))
        let injected = KruisePodReadiness.injectingGate(into: Self.pod(gate: false))
        #expect(injected.spec.readinessGates == ["KruisePodReady"])
        #expect(KruisePodReadiness.injectingGate(into: injected) == injected)
    }

    @Test func theControllerSetsTheConditionTrueOnce() throws {
        let initialized = try #require(KruisePodReadiness.initialized(Self.pod(), now: Self.now))
        #expect(initialized.status.conditions[type: "KruisePodReady"]?.status == "True")
        #expect(KruisePodReadiness.initialized(initialized, now: Self.now) == nil)
        #expect(KruisePodReadiness.initialized(Self.pod(gate: false), now: Self.now) == nil)
    }

    @Test func keysHoldThePodNotReadyUntilTheLastIsReleased() throws {
        let ready = try #require(KruisePodReadiness.initialized(Self.pod(), now: Self.now))
        let held = try #require(KruisePodReadiness.addingNotReadyKey("preparingUpdate", to: ready, now: Self.now))
        var condition = held.status.conditions[type: "KruisePodReady"]
        #expect(condition?.status == "False")
        #expect(condition?.message == #"[{"userAgent":"ContainerRecreateRequest","key":"preparingUpdate"}]"#)
        #expect(KruisePodReadiness.addingNotReadyKey("preparingUpdate", to: held, now: Self.now) == nil)
        let twice = try #require(KruisePodReadiness.addingNotReadyKey("preparingDelete", to: held, now: Self.now))
        condition = twice.status.conditions[type: "KruisePodReady"]
        #expect(condition?.message == #"[{"userAgent":"ContainerRecreateRequest","key":"preparingDelete"},{"userAgent":"ContainerRecreateRequest","key":"preparingUpdate"}]"#)
        let once = try #require(KruisePodReadiness.removingNotReadyKey("preparingDelete", from: twice, now: Self.now))
        #expect(once.status.conditions[type: "KruisePodReady"]?.status == "False")
        let released = try #require(KruisePodReadiness.removingNotReadyKey("preparingUpdate", from: once, now: Self.now))
        #expect(released.status.conditions[type: "KruisePodReady"]?.status == "True")
        #expect(released.status.conditions[type: "KruisePodReady"]?.message == "[]")
        #expect(KruisePodReadiness.removingNotReadyKey("preparingUpdate", from: released, now: Self.now) == nil)
        // Without the gate nothing is held.
        #expect(KruisePodReadiness.addingNotReadyKey("preparingDelete", to: Self.pod(gate: false), now: Self.now) == nil)
    }
}
