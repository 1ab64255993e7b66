import KubeJSON
import LocalCluster
import Testing

@Suite struct StoreCRUDTests {
    typealias Support = StoreTestSupport

    @Test func createStampsVersionAndStoresCanonicalBytes() async throws {
        let store = ObjectStore()
        let created = try await store.create(Support.podKey("web-0"), Support.pod("web-0"))
        #expect(created.resourceVersion == 1)
        #expect(created.value["metadata"]?["resourceVersion"] == "1")
        #expect(created.bytes == created.value.serialized())
        #expect(try JSONValue(parsing: created.bytes) == created.value)
        #expect(store.get(Support.podKey("web-0")) == created)
        #expect(store.get(Support.podKey("web-1")) == nil)
        #expect(store.resourceVersion == 1)
    }

    /// Every write or deletion of a resource's objects moves its last change forward; other resources' do not.
    @Test func lastChangeFollowsEachResource() async throws {
        let store = ObjectStore()
        #expect(store.lastChange(group: "", resource: "pods") == 0)
        let created = try await store.create(Support.podKey("web-0"), Support.pod("web-0"))
        let afterCreate = store.lastChange(group: "", resource: "pods")
        #expect(afterCreate == created.resourceVersion)
        let configMap = ObjectKey(group: "", resource: "configmaps", namespace: "default", name: "c")
        try await store.create(configMap, ["kind": "ConfigMap"])
        #expect(store.lastChange(group: "", resource: "pods") == afterCreate)
        var changed = created.value
        changed["metadata"]?["labels"] = ["a": "b"]
        let updated = try await store.update(Support.podKey("web-0"), changed)
        #expect(store.lastChange(group: "", resource: "pods") == updated.resourceVersion)
        let deleted = try await store.delete(Support.podKey("web-0"))
        #expect(deleted.resourceVersion > updated.resourceVersion)
        #expect(store.lastChange(group: "", resource: "pods") == deleted.resourceVersion)
    }

    @Test func createKeepsMemberOrderAndAddsMetadata() async throws {
        let store = ObjectStore()
        let key = ObjectKey(group: "", resource: "configmaps", namespace: "default", name: "c")
        let created = try await store.create(key, ["kind": "ConfigMap", "data": ["a": "b"]])
        #expect(String(decoding: created.bytes, as: UTF8.self) == #"{"kind":"ConfigMap","data":{"a":"b"},"metadata":{"resourceVersion":"1"}}"#)
    }

    @Test func createExistingFails() async throws {
        let store = ObjectStore()
        let key = Support.podKey("web-0")
        try await store.create(key, Support.pod("web-0"))
        await #expect(throws: StoreError.alreadyExists(key)) {
            try await store.create(key, Support.pod("web-0"))
        }
        #expect(store.resourceVersion == 1)
    }

    @Test func invalidObjectsAreRejected() async throws {
        let store = ObjectStore()
        let key = Support.podKey("bad")
        await #expect(throws: StoreError.invalidObject(key, reason: "expected a JSON object, got array")) {
            try await store.create(key, [1, 2])
        }
        await #expect(throws: StoreError.invalidObject(key, reason: "metadata must be an object, got string")) {
            try await store.create(key, ["metadata": "x"])
        }
        #expect(store.resourceVersion == 0)
    }

    @Test func updateChecksExistenceAndVersion() async throws {
        let store = ObjectStore()
        let key = Support.podKey("web-0")
        await #expect(throws: StoreError.notFound(key)) {
            try await store.update(key, Support.pod("web-0"))
        }
        let created = try await store.create(key, Support.pod("web-0"))
        await #expect(throws: StoreError.conflict(key, expected: 7, actual: created.resourceVersion)) {
            try await store.update(key, Support.pod("web-0", image: "v2"), expectedResourceVersion: 7)
        }
        let updated = try await store.update(
            key,
            Support.pod("web-0", image: "v2"),
            expectedResourceVersion: created.resourceVersion
        )
        #expect(updated.resourceVersion == 2)
        #expect(updated.value["spec"]?["containers"]?[0]?["image"] == "v2")
        let unconditional = try await store.update(key, Support.pod("web-0", image: "v3"))
        #expect(unconditional.resourceVersion == 3)
        await #expect(throws: StoreError.conflict(key, expected: 2, actual: 3)) {
            try await store.update(key, Support.pod("web-0", image: "v4"), expectedResourceVersion: 2)
        }
    }

    @Test func updateThatChangesNothingIsNotWritten() async throws {
        let store = ObjectStore()
        let key = Support.podKey("web-0")
        let created = try await store.create(key, Support.pod("web-0"))
        var same = created.value
        same["metadata"]?["resourceVersion"] = "999"
        let result = try await store.update(key, same)
        #expect(result == created)
        #expect(store.resourceVersion == 1)
    }

    @Test func deleteReturnsLastStateWithDeletionVersion() async throws {
        let store = ObjectStore()
        let key = Support.podKey("web-0")
        await #expect(throws: StoreError.notFound(key)) { try await store.delete(key) }
        let created = try await store.create(key, Support.pod("web-0"))
        await #expect(throws: StoreError.conflict(key, expected: 5, actual: 1)) {
            try await store.delete(key, expectedResourceVersion: 5)
        }
        let deleted = try await store.delete(key, expectedResourceVersion: created.resourceVersion)
        #expect(deleted.resourceVersion == 2)
        #expect(deleted.value["metadata"]?["resourceVersion"] == "2")
        #expect(deleted.value["spec"] == created.value["spec"])
        #expect(store.get(key) == nil)
        await #expect(throws: StoreError.notFound(key)) { try await store.delete(key) }
        // The name is free again.
        let again = try await store.create(key, Support.pod("web-0"))
        #expect(again.resourceVersion == 3)
    }

    @Test func guaranteedUpdateIsAtomic() async throws {
        let store = ObjectStore()
        let key = ObjectKey(group: "", resource: "configmaps", namespace: "default", name: "counter")
        try await store.create(key, ["metadata": ["name": "counter"], "data": ["n": 0]])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    try await store.guaranteedUpdate(key) { current in
                        var value = current.value
                        value["data"]?["n"] = .int((current.value["data"]?["n"]?.int64Value ?? 0) + 1)
                        return value
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(store.get(key)?.value["data"]?["n"] == 100)
        #expect(store.resourceVersion == 101)
    }

    @Test func guaranteedUpdateErrorsAndNoChange() async throws {
        struct Refused: Error, Equatable {}
        let store = ObjectStore()
        let key = Support.podKey("web-0")
        await #expect(throws: StoreError.notFound(key)) {
            try await store.guaranteedUpdate(key) { $0.value }
        }
        let created = try await store.create(key, Support.pod("web-0"))
        await #expect(throws: Refused()) {
            try await store.guaranteedUpdate(key) { _ in throw Refused() }
        }
        let unchanged = try await store.guaranteedUpdate(key) { _ in nil }
        #expect(unchanged == created)
        #expect(store.resourceVersion == 1)
        let changed = try await store.guaranteedUpdate(key) { current in
            var value = current.value
            value["metadata"]?["labels"] = ["app": "web"]
            return value
        }
        #expect(changed.resourceVersion == 2)
        #expect(changed.value["metadata"]?["labels"]?["app"] == "web")
    }

    @Test func versionsIncreaseByOneWithEveryWrite() async throws {
        let store = ObjectStore()
        var versions: [UInt64] = []
        for index in 0..<20 {
            let key = Support.podKey("p\(index % 5)")
            let result: StoredObject
            if store.get(key) == nil {
                result = try await store.create(key, Support.pod(key.name))
            } else if index % 3 == 0 {
                result = try await store.delete(key)
            } else {
                result = try await store.update(key, Support.pod(key.name, image: "v\(index)"))
            }
            versions.append(result.resourceVersion)
            #expect(store.resourceVersion == result.resourceVersion)
        }
        #expect(versions == Array(1...20))
    }

    @Test func closedStoreRefusesWrites() async throws {
        let store = ObjectStore()
        let key = Support.podKey("web-0")
        try await store.create(key, Support.pod("web-0"))
        store.close()
        await #expect(throws: StoreError.closed) { try await store.create(Support.podKey("web-1"), Support.pod("web-1")) }
        #expect(throws: StoreError.closed) { try store.watch(group: "", resource: "pods") }
        #expect(store.get(key) != nil)
    }

    @Test func errorMessages() {
        let key = Support.podKey("web-0")
        #expect(StoreError.tooOldResourceVersion(requested: 100, oldest: 108).description == "too old resource version: 100 (108)")
        #expect(StoreError.notFound(key).description == "/core/pods/default/web-0 not found")
        #expect(StoreError.expired(requested: 1, oldest: 5).description.hasPrefix("The provided continue parameter is too old"))
    }
}
