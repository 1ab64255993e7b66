import Foundation
import KubeJSON
import LocalCluster

/// Helpers shared by the storage tests.
enum StoreTestSupport {
    /// Runs `body` with a fresh directory under /tmp and removes it afterwards.
    static func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
        var template = Array("/tmp/swiftkruise-store-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { buffer -> String in
            guard let result = mkdtemp(buffer.baseAddress!) else { fatalError("mkdtemp failed") }
            return String(cString: result)
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }

    static func podKey(_ name: String, namespace: String = "default") -> ObjectKey {
        ObjectKey(group: "", resource: "pods", namespace: namespace, name: name)
    }

    static func pod(_ name: String, namespace: String = "default", labels: [String: String] = [:], image: String = "nginx")
        -> JSONValue
    {
        var labelObject = JSONObject()
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) { labelObject[key] = .string(value) }
        return [
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": ["name": .string(name), "namespace": .string(namespace), "labels": .object(labelObject)],
            "spec": ["containers": [["name": "main", "image": .string(image)]]],
        ]
    }

    /// The names of `objects`, in order.
    static func names(_ objects: [StoredObject]) -> [String] {
        objects.map(\.key.name)
    }

    /// The log segment files in `directory`, sorted.
    static func segments(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix("wal-") && $0.hasSuffix(".log") }
            .sorted()
            .map { directory + "/" + $0 }
    }

    static func fileSize(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Collects the next `count` events of a stream.
    static func next(_ count: Int, from iterator: inout ObjectStore.WatchStream.AsyncIterator) async throws -> [WatchEvent] {
        var events: [WatchEvent] = []
        while events.count < count, let event = try await iterator.next() { events.append(event) }
        return events
    }
}
