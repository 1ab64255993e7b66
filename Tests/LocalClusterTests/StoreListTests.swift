import KubeJSON
import LocalCluster
import Testing

@Suite struct StoreListTests {
    typealias Support = StoreTestSupport

    private func populatedStore(_ configuration: ObjectStore.Configuration = .init()) async throws -> ObjectStore {
        let store = ObjectStore(configuration: configuration)
        for namespace in ["b", "a"] {
            for index in [3, 1, 2] {
                let name = "p\(index)"
                let labels = ["tier": index % 2 == 0 ? "even" : "odd"]
                try await store.create(
                    Support.podKey(name, namespace: namespace),
                    Support.pod(name, namespace: namespace, labels: labels)
                )
            }
        }
        try await store.create(
            ObjectKey(group: "", resource: "nodes", namespace: "", name: "n1"),
            ["metadata": ["name": "n1"]]
        )
        return store
    }

    @Test func listsInKeyOrderWithTheStoreVersion() async throws {
        let store = try await self.populatedStore()
        let all = try store.list(group: "", resource: "pods")
        #expect(all.items.map { "\($0.key.namespace)/\($0.key.name)" } == ["a/p1", "a/p2", "a/p3", "b/p1", "b/p2", "b/p3"])
        #expect(all.resourceVersion == 7)
        #expect(all.continueToken == nil)
        #expect(all.remainingItemCount == nil)
        let inB = try store.list(group: "", resource: "pods", namespace: "b")
        #expect(inB.items.map(\.key.namespace) == ["b", "b", "b"])
        #expect(try store.list(group: "", resource: "pods", namespace: "c").items.isEmpty)
        #expect(try store.list(group: "", resource: "nodes").items.map(\.key.name) == ["n1"])
        #expect(try store.list(group: "apps", resource: "pods").items.isEmpty)
    }

    @Test func predicateFilters() async throws {
        let store = try await self.populatedStore()
        let even = try store.list(group: "", resource: "pods") { $0.value["metadata"]?["labels"]?["tier"] == "even" }
        #expect(even.items.map { "\($0.key.namespace)/\($0.key.name)" } == ["a/p2", "b/p2"])
    }

    @Test func paginationWalksEveryObjectOnce() async throws {
        let store = try await self.populatedStore()
        var pages: [[String]] = []
        var remaining: [Int?] = []
        var token: String? = nil
        repeat {
            let page = try store.list(group: "", resource: "pods", limit: 4, continueToken: token)
            #expect(page.resourceVersion == 7)
            pages.append(page.items.map { "\($0.key.namespace)/\($0.key.name)" })
            remaining.append(page.remainingItemCount)
            token = page.continueToken
        } while token != nil
        #expect(pages == [["a/p1", "a/p2", "a/p3", "b/p1"], ["b/p2", "b/p3"]])
        #expect(remaining == [2, nil])
        // A page that ends exactly at the end has no token.
        let exact = try store.list(group: "", resource: "pods", limit: 6)
        #expect(exact.items.count == 6 && exact.continueToken == nil)
    }

    @Test func paginationWithPredicateCountsOnlyMatches() async throws {
        let store = try await self.populatedStore()
        let odd: (StoredObject) -> Bool = { $0.value["metadata"]?["labels"]?["tier"] == "odd" }
        let first = try store.list(group: "", resource: "pods", limit: 2, where: odd)
        #expect(Support.names(first.items) == ["p1", "p3"])
        #expect(first.remainingItemCount == nil)
        let second = try store.list(group: "", resource: "pods", limit: 2, continueToken: first.continueToken, where: odd)
        #expect(second.items.map { "\($0.key.namespace)/\($0.key.name)" } == ["b/p1", "b/p3"])
        #expect(second.continueToken == nil)
    }

    /// Later pages show the objects as they were at the first page's version, like an etcd read at a revision.
    @Test func continueReadsTheFirstPagesSnapshot() async throws {
        let store = try await self.populatedStore()
        let first = try store.list(group: "", resource: "pods", namespace: "a", limit: 1)
        #expect(Support.names(first.items) == ["p1"])
        try await store.delete(Support.podKey("p2", namespace: "a"))
        try await store.update(Support.podKey("p3", namespace: "a"), Support.pod("p3", namespace: "a", image: "v2"))
        try await store.create(Support.podKey("p0", namespace: "a"), Support.pod("p0", namespace: "a"))
        try await store.create(Support.podKey("p9", namespace: "a"), Support.pod("p9", namespace: "a"))
        let rest = try store.list(group: "", resource: "pods", namespace: "a", continueToken: first.continueToken)
        #expect(rest.resourceVersion == first.resourceVersion)
        #expect(Support.names(rest.items) == ["p2", "p3"])
        #expect(rest.items[1].value["spec"]?["containers"]?[0]?["image"] == "nginx")
        #expect(rest.items.allSatisfy { $0.resourceVersion <= first.resourceVersion })
        // A fresh list sees the new state.
        let now = try store.list(group: "", resource: "pods", namespace: "a")
        #expect(Support.names(now.items) == ["p0", "p1", "p3", "p9"])
        #expect(now.resourceVersion == 11)
    }

    @Test func continueTokenOlderThanHistoryExpires() async throws {
        let store = try await self.populatedStore(ObjectStore.Configuration(historyLimit: 3))
        let first = try store.list(group: "", resource: "pods", limit: 2)
        for index in 0..<4 {
            try await store.create(Support.podKey("new\(index)"), Support.pod("new\(index)"))
        }
        #expect(throws: StoreError.expired(requested: 7, oldest: 8)) {
            try store.list(group: "", resource: "pods", limit: 2, continueToken: first.continueToken)
        }
        #expect(throws: StoreError.invalidContinueToken) {
            try store.list(group: "", resource: "pods", continueToken: "not-a-token!")
        }
        #expect(throws: StoreError.invalidContinueToken) {
            try store.list(group: "", resource: "pods", continueToken: "eyJ4IjoxfQ")
        }
    }

    @Test func exactResourceVersionList() async throws {
        let store = try await self.populatedStore()
        try await store.delete(Support.podKey("p1", namespace: "a"))
        let atSeven = try store.list(group: "", resource: "pods", namespace: "a", resourceVersion: 7)
        #expect(Support.names(atSeven.items) == ["p1", "p2", "p3"])
        #expect(atSeven.resourceVersion == 7)
        let atThree = try store.list(group: "", resource: "pods", resourceVersion: 3)
        #expect(atThree.items.map { "\($0.key.namespace)/\($0.key.name)" } == ["b/p1", "b/p2", "b/p3"])
        #expect(throws: StoreError.tooLargeResourceVersion(requested: 99, current: 8)) {
            try store.list(group: "", resource: "pods", resourceVersion: 99)
        }
        let small = try await self.populatedStore(ObjectStore.Configuration(historyLimit: 2))
        #expect(throws: StoreError.tooOldResourceVersion(requested: 3, oldest: 5)) {
            try small.list(group: "", resource: "pods", resourceVersion: 3)
        }
    }
}
