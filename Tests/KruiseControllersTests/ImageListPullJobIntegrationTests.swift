import ControllerRuntime
import KruiseAPI
import KruiseControllers
import KubeClient
import KubeJSON
import KubeModel
import LocalClusterTestSupport
import Testing

/// The ImageListPullJob controller against the embedded API server, alone: the test writes the child
/// ImagePullJobs' statuses, as their controller would.
@Suite("ImageListPullJob controller, end to end", .serialized)
struct ImageListPullJobIntegrationTests {
    @Test func listJobGetsAChildPerImageAndSumsTheirStatuses() async throws {
        try await ImagePullTestCluster.run(controllers: { manager in
            [KruiseControllerSet.imageListPullJobController(on: manager, workers: 2)]
        }) { cluster in
            let client = cluster.client
            let list = try await cluster.create(
                ImageListPullJob.self,
                """
                apiVersion: apps.kruise.io/v1alpha1
                kind: ImageListPullJob
                metadata: {name: warm, namespace: default}
                spec:
                  images: ["nginx:1.25", "redis:7", "busybox:1.36"]
                  parallelism: 2
                  completionPolicy: {type: Always, ttlSecondsAfterFinished: 2}
                """)
            let hash = ImageListPullJobTemplateHash.of(list)

            func children() async -> [ImagePullJob] {
                (try? await client.list(ImagePullJob.self, namespace: "default").items) ?? []
            }
            #expect(await eventually(timeout: .seconds(30)) { await children().count == 3 })
            try await Task.sleep(for: .milliseconds(300))
            let created = await children()
            #expect(created.count == 3)
            #expect(Set(created.map(\.spec.image)) == ["nginx:1.25", "redis:7", "busybox:1.36"])
            for child in created {
                #expect(child.name.hasPrefix("warm-"))
                #expect(child.metadata.labels[KruiseKeys.controllerRevisionHash] == hash)
                let owner = child.metadata.controllerReference
                #expect(owner?.uid == list.metadata.uid && owner?.kind == "ImageListPullJob" && owner?.blockOwnerDeletion == true)
                #expect(child.spec.parallelism == .int(2))
            }
            #expect(await eventually(timeout: .seconds(30)) {
                let events = (try? await client.list(Event.self, namespace: "default").items) ?? []
                let created = events.filter { $0.object["reason"] == "Successful create ImagePullJob" }
                return !created.isEmpty && created.allSatisfy {
                    $0.object["involvedObject"]?["name"] == "warm" && $0.object["source"]?["component"] == "imagelistpulljob-controller"
                }
            })
            #expect(await eventually(timeout: .seconds(30)) {
                guard let job = try? await client.get(ImageListPullJob.self, namespace: "default", name: "warm") else { return false }
                return job.metadata.labels[KruiseKeys.controllerRevisionHash] == hash && job.status.desired == 3
                    && job.status.startTime != nil
            })

            // What the ImagePullJob controller would report: two nodes each, one failure on redis.
            for child in created {
                var status = ImagePullJobStatus()
                status.startTime = KubeTime.now()
                status.desired = 2
                status.succeeded = child.spec.image == "redis:7" ? 1 : 2
                status.failed = child.spec.image == "redis:7" ? 1 : 0
                status.active = 0
                var updated = child
                updated.status = status
                _ = try await client.updateStatus(updated)
            }
            var completed: ImageListPullJob?
            #expect(await eventually(timeout: .seconds(30)) {
                guard let job = try? await client.get(ImageListPullJob.self, namespace: "default", name: "warm"),
                    job.status.completionTime != nil
                else { return false }
                completed = job
                return true
            })
            let status = try #require(completed?.status)
            #expect(status.desired == 3 && status.completed == 3 && status.succeeded == 2 && status.active == 0)
            let redis = try #require(created.first { $0.spec.image == "redis:7" })
            #expect(status.failedImageStatuses.map(\.imagePullJob) == [redis.name])
            #expect(status.failedImageStatuses.map(\.name) == ["redis:7"])

            // ttlSecondsAfterFinished: 2 — the list job goes, and its children with it.
            #expect(await eventually(timeout: .seconds(30)) {
                do throws(KubeAPIError) {
                    _ = try await client.get(ImageListPullJob.self, namespace: "default", name: "warm")
                    return false
                } catch {
                    return error.isNotFound
                }
            })
            #expect(await eventually(timeout: .seconds(30)) { await children().isEmpty })
        }
    }
}
