public import KubeClient
import KubeJSON
public import KubeModel
public import Logging
import Synchronization

/// Records core/v1 Events about objects, as client-go's recorder does with its default correlation
/// (``EventCorrelator``): repeats patch the existing Event's count, similar events are combined, and each object
/// may produce 25 events at once and one more every 5 minutes. Recording never blocks or fails the caller:
/// events are written in the background, one after another, and dropped on error.
public final class EventRecorder: Sendable {
    /// `Normal` or `Warning`.
    public enum EventType: String, Sendable {
        case normal = "Normal"
        case warning = "Warning"
    }

    public let component: String
    private let client: KubeClient
    private let logger: Logger
    private let correlator = Mutex(EventCorrelator())
    /// The last write in flight: writes run one after another, so a patch never overtakes its create.
    private let tail: Mutex<Task<Void, Never>?> = Mutex(nil)

    public init(client: KubeClient, component: String, logger: Logger) {
        self.client = client
        self.component = component
        self.logger = logger
    }

    /// Records an event about `object` in the background. An object read from a cache may lack `apiVersion` and
    /// `kind`; the involved object then takes them from its type.
    public func record<Object: KubeObject>(_ object: Object, type: EventType, reason: String, message: String) {
        let typeKind = Object.groupVersionKind
        let involved = EventCorrelator.InvolvedObject(
            apiVersion: object.apiVersion ?? (typeKind.kind.isEmpty ? "" : typeKind.apiVersion),
            kind: object.kind ?? typeKind.kind,
            namespace: object.namespace.isEmpty ? "default" : object.namespace,
            name: object.name,
            uid: object.metadata.uid ?? object.name)
        let now = KubeTime.now().truncatedToSeconds
        let decision = self.correlator.withLock { correlator in
            correlator.correlate(
                object: involved, type: type.rawValue, reason: reason, message: message, now: now,
                name: { "\(object.name).\(Self.uniqueSuffix())" })
        }
        if decision == .skip { return }
        let reference: JSONValue = [
            "apiVersion": .string(involved.apiVersion),
            "kind": .string(involved.kind),
            "name": .string(object.name),
            "namespace": .string(object.namespace),
            "uid": .string(object.metadata.uid ?? ""),
            "resourceVersion": .string(object.metadata.resourceVersion ?? ""),
        ]
        let write = Write(decision: decision, involved: reference, namespace: involved.namespace, type: type.rawValue, reason: reason, now: now)
        self.tail.withLock { tail in
            let previous = tail
            tail = Task {
                await previous?.value
                await self.write(write)
            }
        }
    }

    /// Waits until every event recorded so far is written.
    public func flush() async {
        await self.tail.withLock { $0 }?.value
    }

    /// One Event write the correlator decided on.
    private struct Write: Sendable {
        var decision: EventCorrelator.Decision
        var involved: JSONValue
        var namespace: String
        var type: String
        var reason: String
        var now: KubeTime
    }

    /// Creates the Event, or patches its count, last time and message; a patch of an Event that is gone
    /// (expired) creates it again under its name, as client-go does.
    private func write(_ write: Write) async {
        switch write.decision {
        case .skip:
            return
        case .create(let name, let message, let count, let first):
            await self.create(write, name: name, message: message, count: count, first: first)
        case .patch(let name, let message, let count, let first):
            let patch: JSONValue = ["count": .int(Int64(count)), "lastTimestamp": write.now.json, "message": .string(message)]
            do {
                _ = try await self.client.patch(Event.self, namespace: write.namespace, name: name, type: .merge, body: patch.serialized())
            } catch {
                self.logger.debug("event update failed", metadata: ["error": "\(error)"])
                await self.create(write, name: name, message: message, count: count, first: first)
            }
        }
    }

    private func create(_ write: Write, name: String, message: String, count: Int, first: KubeTime) async {
        var event = Event(metadata: ObjectMeta(name: name, namespace: write.namespace))
        event.object["involvedObject"] = write.involved
        event.object["reason"] = .string(write.reason)
        event.object["message"] = .string(message)
        event.object["type"] = .string(write.type)
        event.object["source"] = ["component": .string(self.component)]
        event.object["reportingComponent"] = .string(self.component)
        event.object["firstTimestamp"] = first.json
        event.object["lastTimestamp"] = write.now.json
        event.object["count"] = .int(Int64(count))
        do {
            _ = try await self.client.create(event)
        } catch {
            self.logger.debug("event create failed", metadata: ["error": "\(error)"])
        }
    }

    /// client-go names events `<object>.<hex of the time in nanoseconds>`.
    private static func uniqueSuffix() -> String {
        let now = KubeTime.now()
        let nanos = UInt64(now.seconds) &* 1_000_000_000 &+ UInt64(now.nanoseconds) &+ UInt64.random(in: 0..<1000)
        return String(nanos, radix: 16)
    }
}
