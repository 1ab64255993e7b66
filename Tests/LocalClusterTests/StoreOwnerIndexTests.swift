import KruiseTestSupport
import KubeJSON
import LocalCluster
import Testing

/// The store's index of objects by the owners they reference, which the garbage collector reads instead of
/// scanning every object on each deletion.
@Suite struct StoreOwnerIndexTests {
    typealias Support = StoreTestSupport

    static func pod(_ name: String, owners: [String]) -> JSONValue {
        var pod = Support.pod(name)
        if !owners.isEmpty {
            pod["metadata"]?["ownerReferences"] = .array(
                owners.map { ["apiVersion": "apps/v1", "kind": "ReplicaSet", "name": .string("rs-\($0)"), "uid": .string($0)] })
        }
        return pod
    }

    /// What the index must answer: every stored object naming `uid` as an owner, found the slow way.
    static func scanned(_ store: ObjectStore, _ uid: String) throws -> [String] {
        try store.list(group: "", resource: "pods").items.filter { object in
            object.value["metadata"]?["ownerReferences"]?.arrayValue?.contains { $0["uid"]?.stringValue == uid } ?? false
        }.map(\.key.name)
    }

    @Test func followsCreatesUpdatesAndDeletes() async throws {
        let store = ObjectStore()
        try await store.create(Support.podKey("a"), Self.pod("a", owners: ["u1"]))
        try await store.create(Support.podKey("b"), Self.pod("b", owners: ["u1", "u2"]))
        try await store.create(Support.podKey("c"), Self.pod("c", owners: []))
        #expect(Support.names(store.dependents(ofOwner: "u1")) == ["a", "b"])
        #expect(Support.names(store.dependents(ofOwner: "u2")) == ["b"])
        try await store.update(Support.podKey("b"), Self.pod("b", owners: ["u2"]))
        try await store.update(Support.podKey("c"), Self.pod("c", owners: ["u2"]))
        #expect(Support.names(store.dependents(ofOwner: "u1")) == ["a"])
        #expect(Support.names(store.dependents(ofOwner: "u2")) == ["b", "c"])
        // The objects come back as stored now, not as they were when indexed.
        #expect(store.dependents(ofOwner: "u2").map(\.resourceVersion) == [4, 5])
        try await store.delete(Support.podKey("a"))
        #expect(store.dependents(ofOwner: "u1").isEmpty)
        #expect(store.dependents(ofOwner: "").isEmpty)
    }

    @Test func isRebuiltWhenTheStoreIsReopened() async throws {
        try await Support.withTemporaryDirectory { directory in
            do {
                let store = try ObjectStore(directory: directory)
                try await store.create(Support.podKey("a"), Self.pod("a", owners: ["u1"]))
                try await store.create(Support.podKey("b"), Self.pod("b", owners: ["u1"]))
                try await store.delete(Support.podKey("a"))
                store.close()
            }
            let reopened = try ObjectStore(directory: directory)
            defer { reopened.close() }
            #expect(Support.names(reopened.dependents(ofOwner: "u1")) == ["b"])
        }
    }

    @Test func agreesWithAScanAfterRandomWrites() async throws {
        var random = SplitMix64(seed: 42)
        let store = ObjectStore()
        let owners = ["u1", "u2", "u3"]
        for _ in 0..<400 {
            let name = "p\(random.next() % 12)"
            let key = Support.podKey(name)
            let chosen = owners.filter { _ in random.next() % 3 == 0 }
            switch (random.next() % 4, store.get(key) != nil) {
            case (0, true): try await store.delete(key)
            case (_, true): try await store.update(key, Self.pod(name, owners: chosen))
            case (_, false): try await store.create(key, Self.pod(name, owners: chosen))
            }
            for uid in owners {
                #expect(Support.names(store.dependents(ofOwner: uid)) == (try Self.scanned(store, uid)))
            }
        }
    }
}
