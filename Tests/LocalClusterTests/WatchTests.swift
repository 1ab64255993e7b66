import KubeJSON
import LocalCluster
import Testing

@Suite struct WatchTests {
    typealias Support = StoreTestSupport

    @Test func liveEventsInOrder() async throws {
        let store = ObjectStore()
        let stream = try store.watch(group: "", resource: "pods", namespace: "default")
        var iterator = stream.makeAsyncIterator()
        let key = Support.podKey("web-0")
        try await store.create(key, Support.pod("web-0"))
        try await store.create(Support.podKey("other", namespace: "kube-system"), Support.pod("other", namespace: "kube-system"))
        try await store.create(ObjectKey(group: "apps", resource: "pods", namespace: "default", name: "x"), ["a": 1])
        try await store.update(key, Support.pod("web-0", image: "v2"))
        try await store.delete(key)
        let events = try await Support.next(3, from: &iterator)
        #expect(events.map(\.type) == [.added, .modified, .deleted])
        #expect(events.map(\.resourceVersion) == [1, 4, 5])
        #expect(events.map { $0.object?.resourceVersion } == [1, 4, 5])
        let frame = String(decoding: events[0].frame, as: UTF8.self)
        #expect(frame.hasPrefix(#"{"type":"ADDED","object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0""#))
        #expect(frame.hasSuffix("}}\n"))
        let parsed = try JSONValue(parsing: events[2].frame.dropLast())
        #expect(parsed["type"] == "DELETED")
        #expect(parsed["object"]?["metadata"]?["resourceVersion"] == "5")
    }

    @Test func resumeReplaysHistoryThenLive() async throws {
        let store = ObjectStore()
        for index in 0..<5 {
            try await store.create(Support.podKey("p\(index)"), Support.pod("p\(index)"))
        }
        let stream = try store.watch(group: "", resource: "pods", fromResourceVersion: 2)
        try await store.delete(Support.podKey("p0"))
        var iterator = stream.makeAsyncIterator()
        let events = try await Support.next(4, from: &iterator)
        #expect(events.map(\.resourceVersion) == [3, 4, 5, 6])
        #expect(events.map(\.type) == [.added, .added, .added, .deleted])
        // Resuming from the newest version replays nothing.
        let upToDate = try store.watch(group: "", resource: "pods", fromResourceVersion: 6)
        try await store.create(Support.podKey("p9"), Support.pod("p9"))
        var upToDateIterator = upToDate.makeAsyncIterator()
        #expect(try await upToDateIterator.next()?.resourceVersion == 7)
    }

    @Test func tooOldResourceVersion() async throws {
        let store = ObjectStore(configuration: ObjectStore.Configuration(historyLimit: 3))
        for index in 0..<8 {
            try await store.create(Support.podKey("p\(index)"), Support.pod("p\(index)"))
        }
        #expect(throws: StoreError.tooOldResourceVersion(requested: 2, oldest: 5)) {
            try store.watch(group: "", resource: "pods", fromResourceVersion: 2)
        }
        let oldest = try store.watch(group: "", resource: "pods", fromResourceVersion: 5)
        var iterator = oldest.makeAsyncIterator()
        #expect(try await Support.next(3, from: &iterator).map(\.resourceVersion) == [6, 7, 8])
    }

    @Test func initialEventsThenBookmarkThenLive() async throws {
        let store = ObjectStore()
        try await store.create(Support.podKey("b"), Support.pod("b"))
        try await store.create(Support.podKey("a"), Support.pod("a"))
        try await store.create(Support.podKey("c", namespace: "other"), Support.pod("c", namespace: "other"))
        let stream = try store.watch(group: "", resource: "pods", namespace: "default", sendInitialEvents: true)
        try await store.update(Support.podKey("a"), Support.pod("a", image: "v2"))
        var iterator = stream.makeAsyncIterator()
        let events = try await Support.next(4, from: &iterator)
        #expect(events.map(\.type) == [.added, .added, .bookmark, .modified])
        #expect(events.map { $0.object?.key.name } == ["a", "b", nil, "a"])
        #expect(events[2].isInitialEventsEnd && events[2].resourceVersion == 3)
        #expect(events[3].resourceVersion == 4)
    }

    @Test func bookmarksOnlyForWatchersThatAllowThem() async throws {
        let store = ObjectStore()
        let with = try store.watch(group: "", resource: "pods", allowBookmarks: true)
        let without = try store.watch(group: "", resource: "pods")
        try await store.create(Support.podKey("a"), Support.pod("a"))
        store.sendBookmarks()
        try await store.create(Support.podKey("b"), Support.pod("b"))
        var withIterator = with.makeAsyncIterator()
        var withoutIterator = without.makeAsyncIterator()
        let withEvents = try await Support.next(3, from: &withIterator)
        #expect(withEvents.map(\.type) == [.added, .bookmark, .added])
        #expect(withEvents[1].resourceVersion == 1 && !withEvents[1].isInitialEventsEnd && withEvents[1].object == nil)
        #expect(try await Support.next(2, from: &withoutIterator).map(\.type) == [.added, .added])
    }

    @Test func slowWatcherIsTerminatedWithoutBlockingWriters() async throws {
        let store = ObjectStore(configuration: ObjectStore.Configuration(watcherBufferLimit: 5))
        let slow = try store.watch(group: "", resource: "pods")
        let fast = try store.watch(group: "", resource: "pods")
        var fastIterator = fast.makeAsyncIterator()
        var fastSeen: [UInt64] = []
        for index in 0..<20 {
            try await store.create(Support.podKey("p\(index)"), Support.pod("p\(index)"))
            if let event = try await fastIterator.next() { fastSeen.append(event.resourceVersion) }
        }
        #expect(fastSeen == Array(1...20))
        #expect(store.watcherCount == 1)
        var received: [UInt64] = []
        await #expect(throws: StoreError.watcherTooSlow) {
            for try await event in slow { received.append(event.resourceVersion) }
        }
        #expect(received == [1, 2, 3, 4, 5])
    }

    @Test func manyWatchersShareOneSerialization() async throws {
        let store = ObjectStore()
        let streams = try (0..<50).map { _ in try store.watch(group: "", resource: "pods") }
        let created = try await store.create(Support.podKey("web-0"), Support.pod("web-0"))
        var frames: [[UInt8]] = []
        for stream in streams {
            var iterator = stream.makeAsyncIterator()
            let event = try #require(try await iterator.next())
            #expect(event.object?.bytes == created.bytes)
            frames.append(event.frame)
        }
        let addresses = Set(frames.map { $0.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) } })
        #expect(addresses.count == 1)
        let objectAddresses = Set(
            [created.bytes.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }]
                + [store.get(Support.podKey("web-0"))!.bytes.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }]
        )
        #expect(objectAddresses.count == 1)
    }

    @Test func cancelledWatchUnregisters() async throws {
        let store = ObjectStore()
        let stream = try store.watch(group: "", resource: "pods")
        #expect(store.watcherCount == 1)
        let consumer = Task {
            for try await _ in stream {}
        }
        consumer.cancel()
        _ = await consumer.result
        #expect(store.watcherCount == 0)
    }

    @Test func closeEndsWatches() async throws {
        let store = ObjectStore()
        let stream = try store.watch(group: "", resource: "pods")
        try await store.create(Support.podKey("a"), Support.pod("a"))
        store.close()
        var count = 0
        for try await _ in stream { count += 1 }
        #expect(count == 1)
    }
}
