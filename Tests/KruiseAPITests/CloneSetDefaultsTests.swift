import KruiseAPI
import KubeJSON
import KubeModel
import Testing

@Suite struct CloneSetDefaultsTests {
    static func bare() -> CloneSet {
        try! CloneSet.decode(YAMLReader.read("""
            apiVersion: apps.kruise.io/v1alpha1
            kind: CloneSet
            metadata: {name: web, namespace: default}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  volumes:
                  - name: scratch
                  - name: cfg
                    configMap: {name: cfg}
                  initContainers:
                  - name: init
                    image: busybox
                  - name: init2
                    image: busybox:1.36
                  containers:
                  - name: main
                    image: nginx:1.25
                    x-unknown: kept
                    ports: [{containerPort: 80}]
                    env:
                    - name: NODE
                      valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
                    readinessProbe:
                      httpGet: {port: 80}
            """))
    }

    @Test func specDefaults() {
        let defaulted = CloneSetDefaults.defaulted(Self.bare(), injectTemplateDefaults: true)
        let spec = defaulted.spec
        #expect(spec.replicas == 1)
        #expect(spec.revisionHistoryLimit == 10)
        #expect(spec.updateStrategy.typeName == "ReCreate")
        #expect(spec.updateStrategy.partition == .int(0))
        #expect(spec.updateStrategy.maxUnavailable == .string("20%"))
        #expect(spec.updateStrategy.maxSurge == .int(0))
        #expect(spec.updateStrategy.inPlaceUpdateStrategy == nil)
        #expect(spec.object["scaleStrategy"] == .emptyObject)
    }

    @Test(arguments: ["InPlaceIfPossible", "InPlaceOnly"])
    func inPlaceTypesGetAnInPlaceStrategy(type: String) {
        var cloneSet = Self.bare()
        cloneSet.spec.updateStrategy.typeName = type
        let defaulted = CloneSetDefaults.defaulted(cloneSet, injectTemplateDefaults: false)
        #expect(defaulted.spec.updateStrategy.object["inPlaceUpdateStrategy"] == .emptyObject)
        #expect(defaulted.spec.updateStrategy.typeName == type)
    }

    @Test func podTemplateDefaults() {
        let spec = CloneSetDefaults.defaulted(Self.bare(), injectTemplateDefaults: true).spec.template.spec
        #expect(spec.restartPolicy == "Always")
        #expect(spec.object["dnsPolicy"] == "ClusterFirst")
        #expect(spec.terminationGracePeriodSeconds == 30)
        #expect(spec.schedulerName == "default-scheduler")
        #expect(spec.object["securityContext"] == .emptyObject)
        let main = spec.containers[0]
        #expect(main.imagePullPolicy == "Always")  // Kruise: Always for containers, whatever the tag
        #expect(main.object["terminationMessagePath"] == "/dev/termination-log")
        #expect(main.object["terminationMessagePolicy"] == "File")
        #expect(main.object["resources"] == .emptyObject)
        #expect(main.object["x-unknown"] == "kept")
        #expect(main.ports.first?.protocol == "TCP")
        #expect(main.env.first?.object["valueFrom"]?["fieldRef"]?["apiVersion"] == "v1")
        let probe = main.readinessProbe
        #expect(probe?["timeoutSeconds"] == 1)
        #expect(probe?["periodSeconds"] == 10)
        #expect(probe?["successThreshold"] == 1)
        #expect(probe?["failureThreshold"] == 3)
        #expect(probe?["httpGet"]?["path"] == "/")
        #expect(probe?["httpGet"]?["scheme"] == "HTTP")
        #expect(spec.initContainers.map(\.imagePullPolicy) == ["Always", "IfNotPresent"])
        #expect(spec.volumes[0].object["emptyDir"] == .emptyObject)
        #expect(spec.volumes[1].object["configMap"]?["defaultMode"] == 420)
    }

    @Test(arguments: [
        ("nginx", "Always"), ("nginx:latest", "Always"), ("nginx:1.25", "IfNotPresent"),
        ("localhost:5000/nginx", "Always"), ("localhost:5000/nginx:1", "IfNotPresent"),
        ("nginx@sha256:abcd", "IfNotPresent"), ("nginx:latest@sha256:abcd", "Always"),
    ])
    func kubernetesPullPolicy(image: String, policy: String) {
        #expect(PodTemplateDefaults.defaultPullPolicy(image: image) == policy)
    }

    @Test func templateDefaultsOnlyWhenTemplateChangesOnUpdate() {
        let old = Self.bare()
        var new = old
        new.spec.replicas = 4
        let unchangedTemplate = CloneSetDefaults.defaulted(new, oldCloneSet: old)
        #expect(unchangedTemplate.spec.template.spec.restartPolicy == nil)
        new.spec.template.spec.containers[0].image = "nginx:1.26"
        #expect(CloneSetDefaults.defaulted(new, oldCloneSet: old).spec.template.spec.restartPolicy == "Always")
        #expect(CloneSetDefaults.defaulted(new, oldCloneSet: nil).spec.template.spec.restartPolicy == "Always")
    }

    @Test func patchReproducesTheDefaultedObject() throws {
        let cloneSet = Self.bare()
        let patch = CloneSetDefaults.patch(for: cloneSet, oldCloneSet: nil)
        #expect(!patch.operations.isEmpty)
        let patched = try patch.apply(to: cloneSet.json)
        #expect(patched == CloneSetDefaults.defaulted(cloneSet, injectTemplateDefaults: true).json)
        // Defaulting is idempotent: a defaulted object needs no patch.
        let again = CloneSetDefaults.patch(for: CloneSet(object: patched.objectValue!), oldCloneSet: nil)
        #expect(again.operations.isEmpty)
    }

    @Test func volumeClaimTemplatesGetPendingPhase() {
        let defaulted = CloneSetDefaults.defaulted(Fixtures.sample(), injectTemplateDefaults: true)
        #expect(defaulted.spec.volumeClaimTemplates.first?.phase == "Pending")
        #expect(defaulted.spec.updateStrategy.maxUnavailable == .string("20%"))
        #expect(defaulted.spec.updateStrategy.inPlaceUpdateStrategy?.gracePeriodSeconds == 10)
    }
}
