import KruiseTestSupport
import KubeJSON
import KubeModel
import Testing
@testable import ControllerRuntime

/// The cache's indexes: kept from each stored object's memberships, with each index value's key order kept
/// until its keys change.
@Suite struct CacheStoreTests {
    static func pod(_ name: String, node: String?, owner: String?, phase: String) -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
        if let owner {
            pod.object["metadata"]?["ownerReferences"] = [
                ["apiVersion": "apps/v1", "kind": "ReplicaSet", "name": .string(owner), "uid": .string(owner), "controller": true]
            ]
        }
        pod.object["spec"] = node.map { ["nodeName": .string($0)] } ?? [:]
        pod.object["status"] = ["phase": .string(phase)]
        return pod
    }

    @Test func indexesAgreeWithAScanAfterRandomChanges() {
        let store = CacheStore<Pod>(indexers: [
            CacheIndex.nodeName: { CacheIndex.byNodeName($0) },
            CacheIndex.controllerUID: { CacheIndex.byControllerUID($0) },
        ])
        var random = SplitMix64(seed: 7)
        let nodes: [String?] = [nil, "node-1", "node-2"]
        let owners: [String?] = [nil, "rs-a", "rs-b"]
        let phases = ["Pending", "Running"]
        for step in 0..<1_500 {
            let name = "p\(random.next() % 20)"
            if random.next() % 5 == 0 {
                store.remove(ObjectKey(namespace: "default", name: name))
            } else {
                store.upsert(Self.pod(
                    name, node: nodes[Int(random.next() % 3)], owner: owners[Int(random.next() % 3)],
                    phase: phases[Int(random.next() % 2)]))
            }
            let all = store.list()
            for node in ["node-1", "node-2"] {
                let expected = all.filter { $0.spec.nodeName == node }
                #expect(store.byIndex(CacheIndex.nodeName, node) == expected, "step \(step)")
            }
            for owner in ["rs-a", "rs-b"] {
                let expected = all.filter { $0.metadata.controllerReference?.uid == owner }
                #expect(store.byIndex(CacheIndex.controllerUID, owner) == expected, "step \(step)")
            }
            #expect(store.list(namespace: "default") == all, "step \(step)")
        }
    }
}
