import ControllerRuntime
import KruiseWebhooks
import KubeJSON
import KubeModel
import Testing

@Suite struct ImagePullAdmissionTests {
    static func request(_ operation: String, kind: String, object: JSONValue) -> AdmissionRequest {
        AdmissionRequest(object: [
            "uid": "1", "operation": .string(operation), "name": "x", "namespace": "default",
            "kind": ["group": "apps.kruise.io", "version": "v1alpha1", "kind": .string(kind)],
            "object": object,
        ])
    }

    static let job: JSONValue = [
        "apiVersion": "apps.kruise.io/v1alpha1", "kind": "ImagePullJob", "metadata": ["name": "x", "namespace": "default"],
        "spec": ["image": "nginx", "completionPolicy": .emptyObject],
    ]

    static func gates(imagePullJob: Bool, daemon: Bool = true) -> FeatureGates {
        var gates = KruiseFeatures.managerDefaults()
        try? gates.apply("ImagePullJobGate=\(imagePullJob),KruiseDaemon=\(daemon)")
        return gates
    }

    @Test func validationNeedsTheGates() {
        let off = ImagePullAdmission(gates: Self.gates(imagePullJob: false))
        let denied = off.validateImagePullJob(Self.request("CREATE", kind: "ImagePullJob", object: Self.job))
        #expect(!denied.allowed)
        #expect(denied.code == 403)
        #expect(denied.message == "feature-gate ImagePullJobGate is not enabled")
        let noDaemon = ImagePullAdmission(gates: Self.gates(imagePullJob: true, daemon: false))
        #expect(noDaemon.validateImagePullJob(Self.request("CREATE", kind: "ImagePullJob", object: Self.job)).message
            == "feature-gate KruiseDaemon is not enabled")
        #expect(noDaemon.validateNodeImage(Self.request("CREATE", kind: "NodeImage", object: ["metadata": ["name": "n"]])).message
            == "feature-gate KruiseDaemon is not enabled")
        #expect(off.validateNodeImage(Self.request("CREATE", kind: "NodeImage", object: ["metadata": ["name": "n"]])).allowed)
    }

    @Test func invalidJobsAreRefusedWith400NamingTheField() {
        let on = ImagePullAdmission(gates: Self.gates(imagePullJob: true))
        var object = Self.job.objectValue!
        object["spec"] = ["image": "nginx", "completionPolicy": ["type": "Never", "activeDeadlineSeconds": 5]]
        let response = on.validateImagePullJob(Self.request("UPDATE", kind: "ImagePullJob", object: .object(object)))
        #expect(!response.allowed)
        #expect(response.code == 400)
        #expect(response.message?.hasPrefix("spec.completionPolicy: activeDeadlineSeconds") == true)
        var defaulted = Self.job.objectValue!
        defaulted["spec"] = ["image": "nginx", "completionPolicy": ["type": "Always"]]
        #expect(on.validateImagePullJob(Self.request("CREATE", kind: "ImagePullJob", object: .object(defaulted))).allowed)
    }

    @Test func mutationPatchesDefaultsAndTheFinalizerOnCreate() throws {
        let admission = ImagePullAdmission(gates: Self.gates(imagePullJob: true))
        let created = admission.mutateImagePullJob(Self.request("CREATE", kind: "ImagePullJob", object: Self.job))
        let patched = try created.patch.apply(to: Self.job)
        #expect(patched["metadata"]?["finalizers"] == ["apps.kruise.io/deletion-protection"])
        #expect(patched["spec"]?["completionPolicy"]?["type"] == "Always")
        #expect(patched["spec"]?["imagePullPolicy"] == "IfNotPresent")
        let updated = admission.mutateImagePullJob(Self.request("UPDATE", kind: "ImagePullJob", object: Self.job))
        #expect(try updated.patch.apply(to: Self.job)["metadata"]?["finalizers"] == nil)
    }

    @Test func everyPathIsRegisteredOnCreateAndUpdate() {
        let registrations = KruiseWebhookRegistrations.imagePull
        #expect(registrations.webhooks.map(\.name) == [
            "mimagepulljob.kb.io", "vimagepulljob.kb.io", "mimagelistpulljob.kb.io", "vimagelistpulljob.kb.io",
            "mnodeimage.kb.io", "vnodeimage.kb.io",
        ])
        let handlers = ImagePullAdmission(gates: Self.gates(imagePullJob: true)).handlers
        #expect(Set(registrations.paths) == Set(handlers.keys))
        #expect(Set(KruiseWebhookRegistrations.all.paths).isSuperset(of: handlers.keys))
    }
}
