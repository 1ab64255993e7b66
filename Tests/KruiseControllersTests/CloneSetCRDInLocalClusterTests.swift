import KruiseAPI
import KubeJSON
import KubeModel
@testable import LocalCluster
import Testing

/// The CloneSet CRD schema as the embedded API server applies it (prune, default, validate).
@Suite struct CloneSetCRDInLocalClusterTests {
    static var schema: JSONValue {
        KruiseCRDs.cloneSet.object["spec"]?["versions"]?[0]?["schema"]?["openAPIV3Schema"] ?? .null
    }

    static let sample = """
        apiVersion: apps.kruise.io/v1alpha1
        kind: CloneSet
        metadata: {name: sample, namespace: default}
        spec:
          replicas: 5
          selector: {matchLabels: {app: sample}}
          template:
            metadata: {labels: {app: sample}}
            spec:
              containers:
              - {name: main, image: "nginx:alpine", x-anything: kept}
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
          scaleStrategy: {maxUnavailable: "50%", podsToDelete: [a]}
          updateStrategy:
            type: InPlaceIfPossible
            partition: "99%"
            maxUnavailable: 2
            maxSurge: 0
            paused: false
            priorityStrategy:
              orderPriority: [{orderedKey: k}]
              weightPriority: [{weight: 10, matchSelector: {matchLabels: {a: b}}}]
            scatterStrategy: [{key: k, value: v}]
            inPlaceUpdateStrategy: {gracePeriodSeconds: 5}
          lifecycle:
            preDelete: {finalizersHandler: [x/y], labelsHandler: {a: b}, markPodNotReady: true}
          minReadySeconds: 3
          revisionHistoryLimit: 4
        status:
          replicas: 1
          readyReplicas: 1
          availableReplicas: 1
          updatedReplicas: 1
          updatedReadyReplicas: 1
          labelSelector: app=sample
          conditions: [{type: FailedScale, status: "True", lastTransitionTime: "2024-01-01T00:00:00Z"}]
        """

    @Test func sampleIsAcceptedAndKeptWhole() throws {
        let object = try YAMLReader.read(Self.sample)
        let outcome = StructuralSchemaProcessor(schema: Self.schema).process(object)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        #expect(outcome.unknownFields.isEmpty, "\(outcome.unknownFields)")
        #expect(outcome.object["spec"]?["template"]?["spec"]?["containers"]?[0]?["x-anything"] == "kept")
    }

    @Test func wrongTypesAreRejectedAndUnknownFieldsPruned() throws {
        var object = try YAMLReader.read(Self.sample)
        object["spec"]?["replicas"] = "five"
        object["spec"]?["bogus"] = true
        let outcome = StructuralSchemaProcessor(schema: Self.schema).process(object)
        #expect(outcome.errors.map(\.field) == ["spec.replicas"])
        #expect(outcome.unknownFields == ["spec.bogus"])
    }
}
