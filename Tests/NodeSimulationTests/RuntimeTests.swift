import ContainerRuntime
import KubeJSON
import KubeModel
import Testing
@testable import NodeSimulation

@Suite struct RuntimeTests {
    @Test(arguments: [
        ("nginx", "docker.io/library/nginx:latest"),
        ("nginx:1.25", "docker.io/library/nginx:1.25"),
        ("user/app:v1", "docker.io/user/app:v1"),
        ("index.docker.io/library/busybox", "docker.io/library/busybox:latest"),
        ("registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10"),
        ("localhost:5000/team/app", "localhost:5000/team/app:latest"),
        ("quay.io/org/img@sha256:" + String(repeating: "a", count: 64), "quay.io/org/img@sha256:" + String(repeating: "a", count: 64)),
    ])
    func normalisesReferencesAsContainerd(reference: String, expected: String) throws {
        #expect(try ImageReference(parsing: reference).description == expected)
    }

    @Test(arguments: ["", "Nginx", "nginx:", "a//b", "nginx@sha256:short"])
    func rejectsInvalidReferences(reference: String) {
        #expect(throws: ImageReferenceError.self) { try ImageReference(parsing: reference) }
    }

    /// The cache answers as parsing does, the same text twice and across a capacity reset; bad text throws.
    @Test func cachedReferencesParseAsTheyWould() throws {
        let cache = ImageReferenceCache(capacity: 2)
        for text in ["nginx", "nginx:1.25", "user/app:v1", "nginx", "quay.io/org/img:1"] {
            #expect(try cache.reference(text) == ImageReference(parsing: text))
            #expect(cache.normalized(text) == (try ImageReference(parsing: text)).description)
        }
        #expect(throws: ImageReferenceError.self) { try cache.reference("Nginx") }
        #expect(cache.normalized("nginx:") == nil)
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hexDigest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func pushChangesTheDigestAndPullsSeeIt() throws {
        let registry = SimulatedRegistry()
        let store = SimulatedImageStore(registry: registry)
        let first = try store.pullImage("nginx", credential: nil)
        #expect(first.hasPrefix("sha256:") && first.count == 71)
        let before = store.view(for: "nginx")
        #expect(before.local?.repoDigest.hasPrefix("docker.io/library/nginx@sha256:") == true)
        #expect(before.remoteDigest == before.local?.digest)
        try registry.push("nginx:latest")
        let after = store.view(for: "docker.io/library/nginx:latest")
        #expect(after.remoteDigest != after.local?.digest)
        _ = try store.pullImage("nginx", credential: nil)
        #expect(store.view(for: "nginx").local?.digest == after.remoteDigest)
        #expect(store.listImages().flatMap(\.repoTags) == ["docker.io/library/nginx:latest"])
        try store.removeImage("nginx")
        #expect(store.imageStatus("nginx") == nil)
    }

    @Test func failuresAndPrivateRepositories() {
        let registry = SimulatedRegistry()
        registry.injectFailure(.notFound, for: "nginx:bad")
        #expect(throws: ContainerRuntimeError(code: .notFound, message:
            "failed to pull and unpack image \"docker.io/library/nginx:bad\": failed to resolve reference \"docker.io/library/nginx:bad\": docker.io/library/nginx:bad: not found")) {
            try registry.resolve("nginx:bad", credential: nil)
        }
        let credential = RegistryCredential(username: "u", password: "p")
        registry.makePrivate("registry.example.com/team/app", credentials: [credential])
        #expect(throws: ContainerRuntimeError.self) { try registry.resolve("registry.example.com/team/app:1", credential: nil) }
        #expect((try? registry.resolve("registry.example.com/team/app:1", credential: credential)) != nil)
        let strict = SimulatedRegistry(knownReferencesOnly: true)
        #expect(throws: ContainerRuntimeError.self) { try strict.resolve("nginx", credential: nil) }

        let store = SimulatedImageStore(registry: registry)
        store.beginPull("nginx:bad", at: Fixtures.t0)
        #expect(store.view(for: "nginx:bad").pullStartedAt == Fixtures.t0)
        _ = store.completePull("nginx:bad", credential: nil, at: Fixtures.t0)
        _ = store.completePull("nginx:bad", credential: nil, at: Fixtures.t0.adding(seconds: 10))
        let view = store.view(for: "nginx:bad")
        #expect(view.pullStartedAt == nil)
        #expect(view.lastFailure?.consecutiveFailures == 2)
        #expect(view.lastFailure?.message.hasPrefix("rpc error: code = NotFound desc = failed to pull and unpack image") == true)
    }
}
