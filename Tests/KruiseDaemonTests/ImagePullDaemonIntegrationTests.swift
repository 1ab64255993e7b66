import ContainerRuntime
import ControllerRuntime
import KruiseAPI
@testable import KruiseDaemon
import KubeClient
import KubeJSON
import KubeModel
import LocalCluster
import LocalClusterTestSupport
import Logging
import NodeSimulation
import Testing

/// The daemon against the in-process API server over HTTPS: the NodeImage CRD, a Manager, a simulated node's
/// image store.
@Suite struct ImagePullDaemonIntegrationTests {
    static let nodeImageYAML = """
        apiVersion: apps.kruise.io/v1alpha1
        kind: NodeImage
        metadata: {name: node-1}
        spec:
          images:
            nginx:
              tags:
              - {tag: '1.25', version: 1}
              - tag: nope
                version: 1
                pullPolicy: {backoffLimit: 1}
                ownerReferences:
                - {apiVersion: apps.kruise.io/v1alpha1, kind: ImagePullJob, namespace: default, name: warm-nginx, uid: job-uid-1}
            registry.example.com/team/app:
              pullSecrets: [{namespace: kruise-daemon-config, name: pull}]
              tags: [{tag: v1, version: 1}]
        """

    @Test func pullsNodeImageTagsAndWritesTheStatus() async throws {
        try await DaemonTestCluster.run { cluster in try await Self.pullAndUpdate(cluster) }
    }

    static func pullAndUpdate(_ cluster: DaemonTestCluster) async throws {
        let client = cluster.client
        let registry = SimulatedRegistry()
        let store = SimulatedImageStore(registry: registry)
        registry.injectFailure(.notFound, for: "nginx:nope")
        registry.makePrivate("registry.example.com/team/app", credentials: [RegistryCredential(username: "robot", password: "s3cret")])
        _ = try await client.create(Namespace(metadata: ObjectMeta(name: "kruise-daemon-config")))
        _ = try await client.create(
            dockerConfigSecret(
                namespace: "kruise-daemon-config", name: "pull", registry: "registry.example.com", username: "robot",
                password: "s3cret"))
        let (daemon, run) = try await cluster.startDaemon(imageServices: { $0 == "node-1" ? store : nil })

        _ = try await client.create(NodeImage(object: try #require(YAMLReader.read(Self.nodeImageYAML).objectValue)))
        // Another node's NodeImage: not this daemon's.
        _ = try await client.create(NodeImage(metadata: ObjectMeta(name: "node-2")))

        // Every tag finishes: two pulled, the missing one failed after its two attempts.
        let settled = await eventually {
            guard let status = try? await client.get(NodeImage.self, name: "node-1").status else { return false }
            return status.desired == 3 && status.succeeded == 2 && status.failed == 1 && status.pulling == 0
        }
        var nodeImage = try await client.get(NodeImage.self, name: "node-1")
        try #require(settled, "status: \(nodeImage.object["status"] ?? .null)")
        let status = nodeImage.status
        #expect(status.imageStatuses["nginx"]?.map(\.tag) == ["1.25", "nope"])
        let nginx = try #require(status.tagStatus(image: "nginx", tag: "1.25"))
        #expect(nginx.phase == .succeeded)
        #expect(nginx.progress == 100)
        #expect(nginx.version == 1)
        #expect(nginx.imageID == "nginx@\(try #require(store.imageStatus("nginx:1.25")).id)")
        let missing = try #require(status.tagStatus(image: "nginx", tag: "nope"))
        #expect(missing.phase == .failed)
        #expect(missing.message?.hasSuffix("docker.io/library/nginx:nope: not found") == true)
        let app = try #require(status.tagStatus(image: "registry.example.com/team/app", tag: "v1"))
        #expect(app.phase == .succeeded)
        #expect(app.imageID?.hasPrefix("registry.example.com/team/app@sha256:") == true)
        #expect(try await client.get(NodeImage.self, name: "node-2").object["status"] == nil)

        // Events: success on the NodeImage, failure on the NodeImage and on the ImagePullJob that asked.
        let eventsRecorded = await eventually {
            let events = (try? await client.list(Event.self, namespace: "default").items) ?? []
            let succeeded = events.filter { $0.reason == "PullImageSucceed" && $0.involvedObject?["name"] == "node-1" }
            let failedOnJob = events.filter {
                $0.reason == "PullImageFailed" && $0.type == "Warning" && $0.involvedObject?["kind"] == "ImagePullJob"
                    && $0.involvedObject?["name"] == "warm-nginx"
                    && $0.message?.hasPrefix("Image nginx:nope rpc error: code = NotFound") == true
            }
            let failedOnNodeImage = events.filter {
                $0.reason == "PullImageFailed" && $0.involvedObject?["kind"] == "NodeImage"
            }
            return succeeded.count == 2 && succeeded.allSatisfy { $0.message?.contains(", ecalpsedTime ") == true }
                && failedOnJob.count == 1 && failedOnNodeImage.count == 1
        }
        #expect(eventsRecorded)

        // Settled means settled: no write without a change (not even one the API server would take as a no-op).
        let settledVersion = nodeImage.metadata.resourceVersion
        let settledWrites = cluster.daemonRequests["PUT"]
        try await Task.sleep(for: .milliseconds(400))
        #expect(try await client.get(NodeImage.self, name: "node-1").metadata.resourceVersion == settledVersion)
        #expect(cluster.daemonRequests["PUT"] == settledWrites)

        // A new round: the failed tag leaves, `latest` (Always) comes, then is pulled again after a push.
        nodeImage = try await client.update(NodeImage.self, name: "node-1") { object in
            var images = object.images
            var latest = ImageTagSpec(tag: "latest")
            latest.version = 1
            latest.imagePullPolicy = .always
            guard let pinned = images["nginx"]?.tags.first else { return false }
            images["nginx"]?.tags = [pinned, latest]
            object.images = images
            return true
        }
        let secondRound = await eventually {
            guard let status = try? await client.get(NodeImage.self, name: "node-1").status else { return false }
            return status.desired == 3 && status.succeeded == 3 && status.failed == 0
                && status.imageStatuses["nginx"]?.map(\.tag) == ["1.25", "latest"]
        }
        #expect(secondRound)
        let firstLatest = try await client.get(NodeImage.self, name: "node-1").status.tagStatus(image: "nginx", tag: "latest")
        // The finished tag kept its result (not pulled again): same start time.
        #expect(try await client.get(NodeImage.self, name: "node-1").status.tagStatus(image: "nginx", tag: "1.25")?.startTime == nginx.startTime)

        try registry.push("nginx:latest")
        _ = try await client.update(NodeImage.self, name: "node-1") { object in
            var images = object.images
            guard var tags = images["nginx"]?.tags, let index = tags.firstIndex(where: { $0.tag == "latest" }) else { return false }
            tags[index].version = 2
            images["nginx"]?.tags = tags
            object.images = images
            return true
        }
        let thirdRound = await eventually {
            guard let latest = try? await client.get(NodeImage.self, name: "node-1").status.tagStatus(image: "nginx", tag: "latest")
            else { return false }
            return latest.version == 2 && latest.phase == .succeeded
        }
        #expect(thirdRound)
        let secondLatest = try await client.get(NodeImage.self, name: "node-1").status.tagStatus(image: "nginx", tag: "latest")
        #expect(secondLatest?.imageID != nil && secondLatest?.imageID != firstLatest?.imageID)
        #expect(secondLatest?.imageID == "nginx@\(try #require(store.imageStatus("nginx:latest")).id)")

        // Deleting the NodeImage drops its puller.
        _ = try await client.delete(NodeImage.self, name: "node-1")
        #expect(await eventually { daemon.nodeNames.isEmpty })
        run.cancel()
    }

    @Test func aRestartedDaemonKeepsFinishedResults() async throws {
        try await DaemonTestCluster.run { cluster in
            let registry = SimulatedRegistry()
            let first = SimulatedImageStore(registry: registry)
            let (_, firstRun) = try await cluster.startDaemon(imageServices: { $0 == "node-1" ? first : nil })
            _ = try await cluster.client.create(
                try nodeImage(
                    """
                    apiVersion: apps.kruise.io/v1alpha1
                    kind: NodeImage
                    metadata: {name: node-1}
                    spec: {images: {nginx: {tags: [{tag: '1.25', version: 1}, {tag: '1.26', version: 1}]}}}
                    """))
            let pulled = await cluster.waitForStatus("node-1") { $0.succeeded == 2 }
            try #require(pulled)
            let before = try #require(await cluster.nodeImage("node-1"))
            firstRun.cancel()
            _ = try? await firstRun.value

            // The new daemon's node has nothing and the registry fails every pull: only kept results can stay.
            registry.injectFailure(.error(message: "registry down"), for: "nginx")
            let second = InstrumentedImageService(SimulatedImageStore(registry: registry))
            let (daemon, _) = try await cluster.startDaemon(imageServices: { $0 == "node-1" ? second : nil })
            let writes = cluster.daemonRequests["PUT"]
            #expect(await eventually { daemon.nodeNames == ["node-1"] })
            try await Task.sleep(for: .milliseconds(300))
            #expect(cluster.daemonRequests["PUT"] == writes)
            let after = try #require(await cluster.nodeImage("node-1"))
            #expect(second.pulls.isEmpty)
            #expect(after.metadata.resourceVersion == before.metadata.resourceVersion)
            #expect(after.status == before.status)
        }
    }

    @Test func aNodeServedAfterItsNodeImageWasListedIsPulledForWhenTheNodeReports() async throws {
        try await DaemonTestCluster.run { cluster in
            let table = ImageServiceTable()
            let store = SimulatedImageStore(registry: SimulatedRegistry())
            let (daemon, _) = try await cluster.startDaemon(imageServices: table.lookup)
            _ = try await cluster.client.create(
                try nodeImage(
                    """
                    apiVersion: apps.kruise.io/v1alpha1
                    kind: NodeImage
                    metadata: {name: node-3}
                    spec: {images: {nginx: {tags: [{tag: '1.25'}]}}}
                    """))
            try await Task.sleep(for: .milliseconds(300))
            #expect(daemon.nodeNames.isEmpty)
            #expect(await cluster.nodeImage("node-3")?.object["status"] == nil)

            // The node's runtime appears, then the node reports (as a kubelet's first heartbeat does).
            table["node-3"] = store
            _ = try await cluster.client.create(Node(metadata: ObjectMeta(name: "node-3")))
            let pulled = await cluster.waitForStatus("node-3") { $0.succeeded == 1 && $0.desired == 1 }
            #expect(pulled)
        }
    }

    @Test func aFailureTheNodeImageControllerInjectedIsKeptAndStopsThePull() async throws {
        try await DaemonTestCluster.run { cluster in
            let service = InstrumentedImageService(SimulatedImageStore(registry: SimulatedRegistry()), holdPulls: true)
            let (daemon, _) = try await cluster.startDaemon(imageServices: { $0 == "node-1" ? service : nil })
            _ = try await cluster.client.create(
                try nodeImage(
                    """
                    apiVersion: apps.kruise.io/v1alpha1
                    kind: NodeImage
                    metadata: {name: node-1}
                    spec: {images: {nginx: {tags: [{tag: '1.25', version: 1}]}}}
                    """))
            let pulling = await cluster.waitForStatus("node-1") { $0.pulling == 1 }
            try #require(pulling)

            // What the NodeImage controller writes when the node has not answered for too long.
            let injected = "node has not responded for a long time"
            try await cluster.client.update(NodeImage.self, name: "node-1", status: true) { object in
                var status = object.status
                var failed = ImageTagStatus(tag: "1.25", phase: .failed, version: 1)
                failed.completionTime = KubeTime.now()
                failed.message = injected
                status.imageStatuses = ["nginx": [failed]]
                status.pulling = 0
                status.failed = 1
                object.status = status
                return true
            }
            let stopped = await eventually { await daemon.puller(forNode: "node-1")?.heldRounds.isEmpty == true }
            #expect(stopped)
            // The stopped pull finishes anyway; its success is discarded.
            service.open()
            try await Task.sleep(for: .milliseconds(300))
            let status = try #require(await cluster.nodeImage("node-1")).status
            #expect(status.failed == 1 && status.succeeded == 0 && status.pulling == 0)
            #expect(status.tagStatus(image: "nginx", tag: "1.25")?.message == injected)
        }
    }
}
