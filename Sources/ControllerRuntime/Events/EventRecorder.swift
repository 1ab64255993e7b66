public import KubeClient
import KubeJSON
public import KubeModel
public import Logging
import Synchronization

/// Records core/v1 Events about objects, as client-go's recorder does: an event repeated for the same
/// object, type, reason and message within ten minutes updates the existing Event (`count`,
/// `lastTimestamp`) instead of creating another one. Recording never blocks or fails the caller: events are
/// written in the background and dropped on error.
public final class EventRecorder: Sendable {
    /// `Normal` or `Warning`.
    public enum EventType: String, Sendable {
        case normal = "Normal"
        case warning = "Warning"
    }

    private struct Key: Hashable {
        var namespace: String
        var uid: String
        var type: String
        var reason: String
        var message: String
    }

    private struct Seen {
        var name: String
        var count: Int
        var last: KubeTime
    }

    public let component: String
    private let client: KubeClient
    private let logger: Logger
    private let seen: Mutex<[Key: Seen]> = Mutex([:])
    /// The last write in flight: writes run one after another, so repeats aggregate instead of racing.
    private let tail: Mutex<Task<Void, Never>?> = Mutex(nil)
    /// Repeats within this window are aggregated (client-go: 10 minutes).
    static let aggregationWindow: Int64 = 600

    public init(client: KubeClient, component: String, logger: Logger) {
        self.client = client
        self.component = component
        self.logger = logger
    }

    /// Records an event about `object` in the background. An object read from a cache may lack `apiVersion` and
    /// `kind`; the involved object then takes them from its type.
    public func record<Object: KubeObject>(_ object: Object, type: EventType, reason: String, message: String) {
        let typeKind = Object.groupVersionKind
        let involved: JSONValue = [
            "apiVersion": .string(object.apiVersion ?? (typeKind.kind.isEmpty ? "" : typeKind.apiVersion)),
            "kind": .string(object.kind ?? typeKind.kind),
            "name": .string(object.name),
            "namespace": .string(object.namespace),
            "uid": .string(object.metadata.uid ?? ""),
            "resourceVersion": .string(object.metadata.resourceVersion ?? ""),
        ]
        let namespace = object.namespace.isEmpty ? "default" : object.namespace
        let key = Key(namespace: namespace, uid: object.metadata.uid ?? object.name, type: type.rawValue, reason: reason, message: message)
        let objectName = object.name
        self.tail.withLock { tail in
            let previous = tail
            tail = Task {
                await previous?.value
                await self.write(key: key, involved: involved, objectName: objectName)
            }
        }
    }

    /// Waits until every event recorded so far is written.
    public func flush() async {
        await self.tail.withLock { $0 }?.value
    }

    /// Writes (or aggregates) one event; returns the Event's name.
    @discardableResult
    private func write(key: Key, involved: JSONValue, objectName: String) async -> String? {
        let now = KubeTime.now().truncatedToSeconds
        let previous = self.seen.withLock { seen -> Seen? in
            guard let entry = seen[key], now.seconds - entry.last.seconds < Self.aggregationWindow else { return nil }
            seen[key]?.count += 1
            seen[key]?.last = now
            return seen[key]
        }
        if let previous {
            let patch: JSONValue = ["count": .int(Int64(previous.count)), "lastTimestamp": now.json]
            do {
                _ = try await self.client.patch(
                    Event.self, namespace: key.namespace, name: previous.name, type: .merge, body: patch.serialized()
                )
                return previous.name
            } catch {
                self.logger.debug("event update failed", metadata: ["error": "\(error)"])
                // Fall through: create a fresh one (the old Event may have been garbage-collected).
            }
        }
        var event = Event(metadata: ObjectMeta(name: "\(objectName).\(Self.uniqueSuffix())", namespace: key.namespace))
        event.object["involvedObject"] = involved
        event.object["reason"] = .string(key.reason)
        event.object["message"] = .string(key.message)
        event.object["type"] = .string(key.type)
        event.object["source"] = ["component": .string(self.component)]
        event.object["reportingComponent"] = .string(self.component)
        event.object["firstTimestamp"] = now.json
        event.object["lastTimestamp"] = now.json
        event.object["count"] = 1
        do {
            let created = try await self.client.create(event)
            self.seen.withLock { $0[key] = Seen(name: created.name, count: 1, last: now) }
            return created.name
        } catch {
            self.logger.debug("event create failed", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// client-go names events `<object>.<hex of the time in nanoseconds>`.
    private static func uniqueSuffix() -> String {
        let now = KubeTime.now()
        let nanos = UInt64(now.seconds) &* 1_000_000_000 &+ UInt64(now.nanoseconds) &+ UInt64.random(in: 0..<1000)
        return String(nanos, radix: 16)
    }
}
