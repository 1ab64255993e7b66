import KruiseAPI
@testable import KruiseControllers
import KubeJSON
import KubeModel
import Testing

@Suite struct ImagePullSecretSyncTests {
    static let configNamespace = "kruise-daemon-config"

    static func job(_ name: String = "warm", secrets: [String], completed: Bool = false) -> ImagePullJob {
        var job = ImagePullJob(metadata: ObjectMeta(name: name, namespace: "team"))
        job.spec.pullSecrets = secrets
        if completed { job.status.completionTime = KubeTime(seconds: 1) }
        return job
    }

    static func source(_ name: String, data: String = "e30=") -> Secret {
        var secret = Secret(metadata: ObjectMeta(name: name, namespace: "team"))
        secret.metadata.uid = "uid-\(name)"
        secret.object["type"] = "kubernetes.io/dockerconfigjson"
        secret.data = [".dockerconfigjson": data]
        return secret
    }

    static func copy(_ name: String, of source: String, references: String, data: String = "e30=") -> Secret {
        var secret = Secret(metadata: ObjectMeta(name: name, namespace: configNamespace))
        secret.metadata.annotations = [
            ImagePullSecretSync.sourceKeyAnnotation: "team/\(source)", ImagePullSecretSync.referencesAnnotation: references,
        ]
        secret.object["type"] = "kubernetes.io/dockerconfigjson"
        secret.data = [".dockerconfigjson": data]
        return secret
    }

    @Test func aNewSecretIsCopiedWithItsSourceAndReference() throws {
        let plan = ImagePullSecretSync.plan(
            Self.job(secrets: ["regcred", "missing"]), sources: ["regcred": Self.source("regcred")], copies: [],
            configNamespace: Self.configNamespace)
        #expect(plan.references.isEmpty)
        guard case .create(let sourceName, let secret)? = plan.actions.first else {
            Issue.record("expected a create, got \(plan.actions)")
            return
        }
        #expect(plan.actions.count == 1)
        #expect(sourceName == "regcred")
        #expect(secret.metadata.namespace == Self.configNamespace)
        #expect(secret.metadata.generateName == "regcred-")
        #expect(secret.metadata.labels[ImagePullSecretSync.sourceUIDLabel] == "uid-regcred")
        #expect(secret.metadata.annotation(ImagePullSecretSync.sourceKeyAnnotation) == "team/regcred")
        #expect(secret.metadata.annotation(ImagePullSecretSync.referencesAnnotation) == "team/warm")
        #expect(secret.data == [".dockerconfigjson": "e30="])
        #expect(secret.type == "kubernetes.io/dockerconfigjson")
    }

    @Test func anExistingCopyIsSharedAndRefreshed() {
        let copy = Self.copy("regcred-x1", of: "regcred", references: "team/other", data: "b2xk")
        let plan = ImagePullSecretSync.plan(
            Self.job(secrets: ["regcred"]), sources: ["regcred": Self.source("regcred")], copies: [copy],
            configNamespace: Self.configNamespace)
        #expect(plan.references == [NodeImageSecretReference(namespace: Self.configNamespace, name: "regcred-x1")])
        guard case .update(let updated)? = plan.actions.first else {
            Issue.record("expected an update, got \(plan.actions)")
            return
        }
        #expect(updated.metadata.annotation(ImagePullSecretSync.referencesAnnotation) == "team/other,team/warm")
        #expect(updated.data == [".dockerconfigjson": "e30="])
        let unchanged = Self.copy("regcred-x1", of: "regcred", references: "team/warm")
        let quiet = ImagePullSecretSync.plan(
            Self.job(secrets: ["regcred"]), sources: ["regcred": Self.source("regcred")], copies: [unchanged],
            configNamespace: Self.configNamespace)
        #expect(quiet.actions.isEmpty)
    }

    @Test func aFinishedJobReleasesItsCopies() {
        let shared = Self.copy("regcred-x1", of: "regcred", references: "team/other,team/warm")
        let own = Self.copy("other-x2", of: "other", references: "team/warm")
        let plan = ImagePullSecretSync.plan(
            Self.job(secrets: ["regcred", "other"], completed: true), sources: [:], copies: [shared, own],
            configNamespace: Self.configNamespace)
        #expect(plan.references.isEmpty)
        #expect(plan.actions.count == 2)
        #expect(plan.actions.contains(.delete(name: "other-x2")))
        let updated = plan.actions.compactMap { action -> Secret? in
            if case .update(let secret) = action { return secret }
            return nil
        }
        #expect(updated.first?.metadata.annotation(ImagePullSecretSync.referencesAnnotation) == "team/other")
    }

    @Test func aSecretDroppedFromTheJobIsReleased() {
        let copy = Self.copy("old-x1", of: "old", references: "team/warm")
        let plan = ImagePullSecretSync.plan(
            Self.job(secrets: []), sources: [:], copies: [copy], configNamespace: Self.configNamespace)
        #expect(plan.actions == [.delete(name: "old-x1")])
    }

    @Test func aJobInTheDaemonNamespaceUsesItsSecretsDirectly() {
        var job = Self.job(secrets: ["regcred"])
        job.metadata.namespace = Self.configNamespace
        let plan = ImagePullSecretSync.plan(job, sources: [:], copies: [], configNamespace: Self.configNamespace)
        #expect(plan.actions.isEmpty)
        #expect(plan.references == [NodeImageSecretReference(namespace: Self.configNamespace, name: "regcred")])
    }
}
