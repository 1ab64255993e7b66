import KruiseAPI
import KubeJSON
import KubeModel
import Testing

@Suite struct CloneSetTypesTests {
    @Test func readsEveryTypedField() {
        let cloneSet = Fixtures.sample()
        let spec = cloneSet.spec
        #expect(spec.replicas == 5)
        #expect(spec.selector?.matchLabels == ["app": "sample"])
        #expect(spec.template.spec.containers.map(\.image) == ["nginx:alpine"])
        #expect(spec.volumeClaimTemplates.map { $0.metadata.name } == ["data-vol"])
        #expect(spec.scaleStrategy.maxUnavailable == .int(2))
        #expect(spec.scaleStrategy.podsToDelete.isEmpty)
        #expect(spec.scaleStrategy.disablePVCReuse == false)
        let strategy = spec.updateStrategy
        #expect(strategy.type == .inPlaceIfPossible)
        #expect(strategy.maxUnavailable == .string("20%"))
        #expect(strategy.maxSurge == .int(0))
        #expect(strategy.partition == .int(1))
        #expect(strategy.paused == false)
        #expect(strategy.priorityStrategy?.weightPriority.first?.weight == 50)
        #expect(strategy.priorityStrategy?.weightPriority.first?.matchSelector?.matchLabels == ["test-key": "foo"])
        #expect(strategy.scatterStrategy == [UpdateScatterTerm(key: "foo", value: "bar")])
        #expect(strategy.inPlaceUpdateStrategy?.gracePeriodSeconds == 10)
        #expect(spec.lifecycle?.preDelete?.finalizersHandler == ["example.com/unready-blocker"])
        #expect(spec.lifecycle?.preDelete?.markPodNotReady == true)
        #expect(spec.lifecycle?.inPlaceUpdate?.labelsHandler == ["example.com/unready-blocker": "true"])
        #expect(spec.lifecycle?.preNormal == nil)
        #expect(spec.lifecycle?.marksPodNotReady == true)
        #expect(spec.revisionHistoryLimit == nil)
        #expect(spec.minReadySeconds == 0)
    }

    @Test func statusRoundTripsAndKeepsUnknownFields() throws {
        var cloneSet = Fixtures.sample()
        cloneSet.object["x-extra"] = "kept"
        var status = CloneSetStatus()
        status.observedGeneration = 3
        status.replicas = 5
        status.readyReplicas = 4
        status.availableReplicas = 3
        status.updatedReplicas = 2
        status.updatedReadyReplicas = 1
        status.updatedAvailableReplicas = 1
        status.expectedUpdatedReplicas = 4
        status.updateRevision = "sample-abc"
        status.currentRevision = "sample-def"
        status.collisionCount = 0
        status.labelSelector = "app=sample"
        status.conditions = [Condition(type: "FailedScale", status: "True", reason: "x")]
        cloneSet.status = status
        let decoded = try CloneSet.decode(jsonBytes: cloneSet.encoded())
        #expect(decoded == cloneSet)
        #expect(decoded.object["x-extra"] == "kept")
        #expect(decoded.status.readyReplicas == 4)
        #expect(decoded.status.conditions.first?.type == "FailedScale")
        #expect(CloneSet.groupVersionKind.apiVersion == "apps.kruise.io/v1alpha1")
    }

    @Test func lifecycleHookMatching() {
        var hook = LifecycleHook()
        hook.labelsHandler = ["a": "1", "b": "2"]
        hook.finalizersHandler = ["f"]
        #expect(hook.isHooked(labels: ["a": "1"], finalizers: []))
        #expect(!hook.isHooked(labels: ["a": "2"], finalizers: []))
        #expect(hook.isHooked(labels: [:], finalizers: ["f"]))
        #expect(!hook.isAllHooked(labels: ["a": "1", "b": "2"], finalizers: []))
        #expect(hook.isAllHooked(labels: ["a": "1", "b": "2"], finalizers: ["f"]))
    }
}
