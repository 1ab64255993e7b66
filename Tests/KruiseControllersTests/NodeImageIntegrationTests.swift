import ControllerRuntime
import KruiseAPI
import KruiseControllers
import KubeClient
import KubeJSON
import KubeModel
import LocalClusterTestSupport
import Testing

/// The NodeImage controller against the embedded API server, alone: the test plays the Nodes and the ImagePullJobs.
@Suite("NodeImage controller, end to end", .serialized)
struct NodeImageIntegrationTests {
    @Test func readyNodeGetsANodeImageThatFollowsIt() async throws {
        try await ImagePullTestCluster.run(controllers: { manager in
            [KruiseControllerSet.nodeImageController(on: manager, workers: 2, creationDelay: .zero, responseTimeout: .seconds(1))]
        }) { cluster in
            let client = cluster.client
            try await cluster.createReadyNode("worker-1", labels: ["zone": "a"])
            #expect(await eventually(timeout: .seconds(30)) {
                (try? await client.get(NodeImage.self, name: "worker-1"))?.metadata.labels == ["zone": "a"]
            })

            // The Node's labels change: the NodeImage's follow.
            _ = try await client.patch(
                Node.self, name: "worker-1", type: .merge, body: Array(#"{"metadata":{"labels":{"zone":"b"}}}"#.utf8))
            #expect(await eventually(timeout: .seconds(30)) {
                (try? await client.get(NodeImage.self, name: "worker-1"))?.metadata.labels == ["zone": "b"]
            })

            // A tag owned by an ImagePullJob goes when the job does.
            let job = try await cluster.create(
                ImagePullJob.self,
                """
                apiVersion: apps.kruise.io/v1alpha1
                kind: ImagePullJob
                metadata: {name: pull-nginx, namespace: default}
                spec: {image: "nginx:1.25", completionPolicy: {type: Always}}
                """)
            func tag(_ name: String, owner: ImagePullJob?) -> JSONValue {
                var tag: JSONValue = [
                    "tag": .string(name), "createdAt": .string(KubeTime.now().rfc3339),
                    "pullPolicy": ["ttlSecondsAfterFinished": 3600],
                ]
                if let owner {
                    tag["ownerReferences"] = [[
                        "apiVersion": "apps.kruise.io/v1alpha1", "kind": "ImagePullJob", "namespace": "default",
                        "name": .string(owner.name), "uid": .string(owner.metadata.uid ?? ""),
                    ]]
                }
                return tag
            }
            func setTags(_ tags: [JSONValue]) async throws {
                let patch: JSONValue = ["spec": ["images": ["nginx": ["tags": .array(tags)]]]]
                _ = try await client.patch(NodeImage.self, name: "worker-1", type: .merge, body: patch.serialized())
            }
            try await setTags([tag("1.25", owner: job)])
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await client.get(NodeImage.self, name: "worker-1").images["nginx"]?.tags.map(\.tag) == ["1.25"])
            try await client.delete(ImagePullJob.self, namespace: "default", name: "pull-nginx")
            #expect(await eventually(timeout: .seconds(30)) {
                (try? await client.get(NodeImage.self, name: "worker-1"))?.images.isEmpty == true
            })

            try await setTags([tag("1.26", owner: nil)])
            // Nobody answers for 1.26 (no daemon): after the response timeout the controller fails it, recounts the
            // status and reports it.
            #expect(await eventually(timeout: .seconds(30)) {
                guard let status = try? await client.get(NodeImage.self, name: "worker-1").status else { return false }
                return status.tagStatus(image: "nginx", tag: "1.26")?.phase == .failed && status.desired == 1 && status.failed == 1
            })
            let failed = try await client.get(NodeImage.self, name: "worker-1").status.tagStatus(image: "nginx", tag: "1.26")
            #expect(failed?.message == "node has not responded for a long time")
            #expect(await eventually(timeout: .seconds(30)) {
                let events = (try? await client.list(Event.self, namespace: "default").items) ?? []
                return events.contains { event in
                    event.object["reason"] == "PullImageFailed" && event.object["type"] == "Warning"
                        && event.object["involvedObject"]?["kind"] == "NodeImage"
                        && event.object["message"] == "Failed to pull image nginx:1.26 on node worker-1 for node has not responded for a long time"
                        && event.object["source"]?["component"] == "nodeimage-controller"
                }
            })

            // A fake NodeImage (no Node) stays; the real one goes with its Node.
            _ = try await cluster.create(
                NodeImage.self,
                """
                apiVersion: apps.kruise.io/v1alpha1
                kind: NodeImage
                metadata: {name: fake-1, labels: {"apps.kruise.io/fake-nodeimage": "true"}}
                spec: {}
                """)
            try await client.delete(Node.self, name: "worker-1")
            #expect(await eventually(timeout: .seconds(30)) {
                do throws(KubeAPIError) {
                    _ = try await client.get(NodeImage.self, name: "worker-1")
                    return false
                } catch {
                    return error.isNotFound
                }
            })
            #expect((try? await client.get(NodeImage.self, name: "fake-1")) != nil)
        }
    }
}
