import KubeJSON
import KubeModel
import LocalCluster
import Testing

/// Server-side apply through the API server: create, ownership, conflicts, force.
@Suite struct APIServerApplyTests {
    static let path = "/apis/apps/v1/namespaces/default/deployments/web"

    static func apply(_ server: APIServer, _ body: JSONValue, query: String) async -> (status: Int, body: JSONValue) {
        await APIServerTests.send(server, "PATCH", Self.path + query, body, contentType: "application/apply-patch+yaml")
    }

    @Test func applyCreatesThenOwnsAndConflicts() async {
        let server = await APIServerTests.server()
        let created = await Self.apply(server, APIServerTests.deployment, query: "?fieldManager=alice")
        #expect(created.status == 201)
        #expect(created.body["metadata"]?["managedFields"]?[0]?["manager"] == "alice")
        #expect(created.body["metadata"]?["managedFields"]?[0]?["operation"] == "Apply")

        let again = await Self.apply(server, APIServerTests.deployment, query: "?fieldManager=alice")
        #expect(again.status == 200)

        let scaled = await APIServerTests.send(
            server, "PATCH", Self.path + "?fieldManager=bob", ["spec": ["replicas": 7]],
            contentType: "application/merge-patch+json"
        )
        #expect(scaled.status == 200)
        var changed = APIServerTests.deployment
        changed["spec"]?["replicas"] = 3
        let conflict = await Self.apply(server, changed, query: "?fieldManager=alice")
        #expect(conflict.status == 409)
        #expect(conflict.body["message"]?.stringValue?.contains("conflict with \"bob\"") == true)

        let forced = await Self.apply(server, changed, query: "?fieldManager=alice&force=true")
        #expect(forced.status == 200)
        #expect(forced.body["spec"]?["replicas"] == 3)

        let missingManager = await Self.apply(server, changed, query: "")
        #expect(missingManager.status == 422)
    }
}
