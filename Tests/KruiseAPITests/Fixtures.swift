import KruiseAPI
import KubeJSON
import KubeModel

/// Shared objects for the KruiseAPI tests.
enum Fixtures {
    /// The sample of upstream's `config/samples/apps_v1alpha1_cloneset.yaml` plus the tutorial's fields.
    static let sampleYAML = """
        apiVersion: apps.kruise.io/v1alpha1
        kind: CloneSet
        metadata:
          labels:
            app: sample
          name: sample
          namespace: default
          uid: uid-sample
        spec:
          replicas: 5
          selector:
            matchLabels:
              app: sample
          template:
            metadata:
              labels:
                app: sample
            spec:
              containers:
              - name: main
                image: nginx:alpine
                ports:
                - containerPort: 80
          volumeClaimTemplates:
          - metadata:
              name: data-vol
            spec:
              accessModes: ["ReadWriteOnce"]
              resources:
                requests:
                  storage: 20Gi
          scaleStrategy:
            podsToDelete: []
            maxUnavailable: 2
          updateStrategy:
            type: InPlaceIfPossible
            maxUnavailable: 20%
            maxSurge: 0
            partition: 1
            priorityStrategy:
              weightPriority:
              - weight: 50
                matchSelector:
                  matchLabels:
                    test-key: foo
            scatterStrategy:
            - key: foo
              value: bar
            inPlaceUpdateStrategy:
              gracePeriodSeconds: 10
          lifecycle:
            preDelete:
              finalizersHandler:
              - example.com/unready-blocker
              markPodNotReady: true
            inPlaceUpdate:
              labelsHandler:
                example.com/unready-blocker: "true"
        """

    static func sample() -> CloneSet {
        // The YAML is a constant of this file.
        try! CloneSet.decode(YAMLReader.read(sampleYAML))
    }

    /// A minimal, valid, defaulted CloneSet.
    static func cloneSet(
        replicas: Int32 = 3, type: String? = nil, maxUnavailable: IntOrString? = nil, maxSurge: IntOrString? = nil,
        partition: IntOrString? = nil
    ) -> CloneSet {
        var cloneSet = CloneSet(metadata: ObjectMeta(name: "web", namespace: "default"))
        cloneSet.metadata.uid = "uid-web"
        var spec = CloneSetSpec()
        spec.replicas = replicas
        spec.selector = LabelSelector(matchLabels: ["app": "web"])
        var template = PodTemplateSpec()
        template.metadata.labels = ["app": "web"]
        template.spec.containers = [Container(name: "main", image: "nginx:1.25")]
        spec.template = template
        var strategy = CloneSetUpdateStrategy()
        strategy.typeName = type
        strategy.maxUnavailable = maxUnavailable
        strategy.maxSurge = maxSurge
        strategy.partition = partition
        spec.updateStrategy = strategy
        cloneSet.spec = spec
        return CloneSetDefaults.defaulted(cloneSet, injectTemplateDefaults: true)
    }
}

