import LocalCluster
import Testing

@Suite struct ObjectKeyTests {
    @Test func pathsAndOrder() {
        let pod = ObjectKey(group: "", resource: "pods", namespace: "default", name: "web-1")
        let node = ObjectKey(group: "", resource: "nodes", namespace: "", name: "node-1")
        #expect(pod.path == "/core/pods/default/web-1")
        #expect(node.path == "/core/nodes/node-1")
        let a = ObjectKey(group: "apps", resource: "deployments", namespace: "a", name: "z")
        let b = ObjectKey(group: "apps", resource: "deployments", namespace: "b", name: "a")
        #expect(a < b)
    }
}
