import Foundation
import KubeJSON
@testable import LocalCluster
import Testing

@Suite struct WriteAheadLogTests {
    typealias Support = StoreTestSupport

    /// A mix of creates, updates and deletes; returns the expected final objects by name.
    private func writeMix(_ store: ObjectStore, count: Int) async throws -> [String: StoredObject] {
        var expected: [String: StoredObject] = [:]
        for index in 0..<count {
            let name = "p\(index % 40)"
            let key = Support.podKey(name)
            if expected[name] == nil {
                expected[name] = try await store.create(key, Support.pod(name, labels: ["i": "\(index)"]))
            } else if index % 7 == 0 {
                try await store.delete(key)
                expected[name] = nil
            } else {
                expected[name] = try await store.update(key, Support.pod(name, labels: ["i": "\(index)"]))
            }
        }
        return expected
    }

    private func assertContents(_ store: ObjectStore, _ expected: [String: StoredObject]) throws {
        let listed = try store.list(group: "", resource: "pods")
        #expect(listed.items.count == expected.count)
        for item in listed.items {
            let want = try #require(expected[item.key.name])
            #expect(item.bytes == want.bytes)
            #expect(item.value == want.value)
            #expect(item.resourceVersion == want.resourceVersion)
        }
    }

    @Test func checksumIsCRC32IEEE() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func reopenRestoresEveryWriteAndVersionsKeepIncreasing() async throws {
        try await Support.withTemporaryDirectory { directory in
            let store = try ObjectStore(directory: directory)
            let expected = try await self.writeMix(store, count: 300)
            let version = store.resourceVersion
            #expect(version == 300)
            store.close()

            let reopened = try ObjectStore(directory: directory)
            #expect(reopened.resourceVersion == version)
            #expect(reopened.recovery == .init(objectCount: expected.count, resourceVersion: version, truncatedBytes: 0))
            try self.assertContents(reopened, expected)
            let next = try await reopened.create(Support.podKey("after"), Support.pod("after"))
            #expect(next.resourceVersion == version + 1)
            // History does not survive a restart: older versions are gone (410), newer ones work.
            #expect(throws: StoreError.tooOldResourceVersion(requested: 10, oldest: version)) {
                try reopened.watch(group: "", resource: "pods", fromResourceVersion: 10)
            }
            reopened.close()
        }
    }

    @Test func concurrentWritersAreAllDurable() async throws {
        try await Support.withTemporaryDirectory { directory in
            let store = try ObjectStore(directory: directory)
            let versions = try await withThrowingTaskGroup(of: [UInt64].self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        var versions: [UInt64] = []
                        for index in 0..<50 {
                            let name = "w\(writer)-\(index)"
                            versions.append(try await store.create(Support.podKey(name), Support.pod(name)).resourceVersion)
                        }
                        return versions
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(Set(versions) == Set(1...400))
            store.close()
            let reopened = try ObjectStore(directory: directory)
            #expect(reopened.resourceVersion == 400)
            #expect(try reopened.list(group: "", resource: "pods").items.count == 400)
            reopened.close()
        }
    }

    @Test func newNestedDirectoryAndInMemoryStore() async throws {
        try await Support.withTemporaryDirectory { directory in
            let nested = directory + "/a/b"
            let store = try ObjectStore(directory: nested)
            try await store.create(Support.podKey("x"), Support.pod("x"))
            store.close()
            #expect(try Support.segments(in: nested).count == 1)
            #expect(FileManager.default.fileExists(atPath: nested + "/LOCK"))
        }
        let memory = ObjectStore()
        try await memory.create(Support.podKey("x"), Support.pod("x"))
        try await memory.compact()
        #expect(memory.recovery == .init(objectCount: 0, resourceVersion: 0, truncatedBytes: 0))
    }

    @Test func directoryIsLockedWhileOpen() async throws {
        try await Support.withTemporaryDirectory { directory in
            let store = try ObjectStore(directory: directory)
            #expect(throws: StoreError.directoryLocked(path: directory)) { try ObjectStore(directory: directory) }
            store.close()
            let reopened = try ObjectStore(directory: directory)
            reopened.close()
        }
    }

    /// Cuts the last record at every byte offset, and flips every byte of it: recovery drops exactly that record.
    @Test func tornOrDamagedLastRecordIsDropped() async throws {
        try await Support.withTemporaryDirectory { directory in
            let store = try ObjectStore(directory: directory)
            var expected: [String: StoredObject] = [:]
            for index in 0..<5 {
                expected["p\(index)"] = try await store.create(Support.podKey("p\(index)"), Support.pod("p\(index)"))
            }
            let segment = try #require(try Support.segments(in: directory).last)
            let goodSize = try Support.fileSize(segment)
            try await store.update(Support.podKey("p2"), Support.pod("p2", image: "torn"))
            store.close()
            let full = try Data(contentsOf: URL(fileURLWithPath: segment))
            #expect(full.count > goodSize)

            var damaged: [Data] = (goodSize..<full.count).map { full.prefix($0) }
            for offset in goodSize..<full.count {
                var flipped = full
                flipped[offset] ^= 0x5A
                damaged.append(flipped)
            }
            for bytes in damaged {
                try bytes.write(to: URL(fileURLWithPath: segment))
                let reopened = try ObjectStore(directory: directory)
                #expect(reopened.resourceVersion == 5)
                #expect(reopened.recovery.truncatedBytes == bytes.count - goodSize)
                try self.assertContents(reopened, expected)
                reopened.close()
                #expect(try Support.fileSize(segment) == goodSize)
            }

            // After recovery the log takes new writes where the good records end.
            let reopened = try ObjectStore(directory: directory)
            let rewritten = try await reopened.update(Support.podKey("p2"), Support.pod("p2", image: "again"))
            #expect(rewritten.resourceVersion == 6)
            reopened.close()
            let last = try ObjectStore(directory: directory)
            #expect(last.get(Support.podKey("p2"))?.value["spec"]?["containers"]?[0]?["image"] == "again")
            last.close()
        }
    }

    @Test func damageInAnOlderSegmentIsReported() async throws {
        try await Support.withTemporaryDirectory { directory in
            let store = try ObjectStore(directory: directory)
            try await store.create(Support.podKey("a"), Support.pod("a"))
            store.close()
            let first = try #require(try Support.segments(in: directory).first)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: first))
            bytes[bytes.count - 3] ^= 0xFF
            try bytes.write(to: URL(fileURLWithPath: first))
            // A later segment makes the damaged one "older": no longer a torn tail.
            try Data().write(to: URL(fileURLWithPath: directory + "/wal-00000000000000ff.log"))
            #expect {
                try ObjectStore(directory: directory)
            } throws: { error in
                guard case .corrupt(let path, 0, "checksum mismatch")? = error as? StoreError else { return false }
                return path == first
            }
        }
    }

    @Test func compactionWritesSnapshotAndDropsOldSegments() async throws {
        try await Support.withTemporaryDirectory { directory in
            let store = try ObjectStore(directory: directory)
            var expected = try await self.writeMix(store, count: 120)
            try await store.compact()
            #expect(FileManager.default.fileExists(atPath: directory + "/snapshot"))
            #expect(try Support.segments(in: directory).count == 1)
            for index in 0..<10 {
                expected["late\(index)"] = try await store.create(Support.podKey("late\(index)"), Support.pod("late\(index)"))
            }
            store.close()

            let reopened = try ObjectStore(directory: directory)
            #expect(reopened.resourceVersion == 130)
            try self.assertContents(reopened, expected)
            // Compacting twice in a row and with nothing new is fine.
            try await reopened.compact()
            try await reopened.compact()
            reopened.close()
            let again = try ObjectStore(directory: directory)
            #expect(again.resourceVersion == 130)
            try self.assertContents(again, expected)
            #expect(try await again.create(Support.podKey("next"), Support.pod("next")).resourceVersion == 131)
            again.close()
        }
    }

    @Test func automaticCompactionUnderConcurrentWrites() async throws {
        try await Support.withTemporaryDirectory { directory in
            let configuration = ObjectStore.Configuration(compactionThreshold: 8 << 10)
            let store = try ObjectStore(directory: directory, configuration: configuration)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        for index in 0..<100 {
                            let name = "w\(writer)-\(index % 30)"
                            let key = Support.podKey(name)
                            if store.get(key) == nil {
                                try await store.create(key, Support.pod(name))
                            } else {
                                try await store.update(key, Support.pod(name, labels: ["n": "\(index)"]))
                            }
                        }
                    }
                }
                group.addTask {
                    for _ in 0..<5 { try await store.compact() }
                }
                try await group.waitForAll()
            }
            let expected = Dictionary(
                uniqueKeysWithValues: try store.list(group: "", resource: "pods").items.map { ($0.key.name, $0) }
            )
            let version = store.resourceVersion
            #expect(version == 400)
            #expect(FileManager.default.fileExists(atPath: directory + "/snapshot"))
            #expect(try Support.segments(in: directory).count == 1)
            store.close()
            let reopened = try ObjectStore(directory: directory)
            #expect(reopened.resourceVersion == version)
            try self.assertContents(reopened, expected)
            reopened.close()
        }
    }

    @Test func deletionsOnlyStoreSurvivesCompaction() async throws {
        try await Support.withTemporaryDirectory { directory in
            let store = try ObjectStore(directory: directory)
            try await store.create(Support.podKey("a"), Support.pod("a"))
            try await store.delete(Support.podKey("a"))
            try await store.compact()
            store.close()
            let reopened = try ObjectStore(directory: directory)
            #expect(reopened.resourceVersion == 2)
            #expect(try reopened.list(group: "", resource: "pods").items.isEmpty)
            reopened.close()
        }
    }

    @Test func watchersSeeOnlyDurableWritesInOrder() async throws {
        try await Support.withTemporaryDirectory { directory in
            let store = try ObjectStore(directory: directory)
            let stream = try store.watch(group: "", resource: "pods")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        for index in 0..<25 {
                            try await store.create(Support.podKey("w\(writer)-\(index)"), Support.pod("w\(writer)-\(index)"))
                        }
                    }
                }
                try await group.waitForAll()
            }
            var iterator = stream.makeAsyncIterator()
            let events = try await Support.next(100, from: &iterator)
            #expect(events.map(\.resourceVersion) == Array(1...100))
            store.close()
        }
    }
}
