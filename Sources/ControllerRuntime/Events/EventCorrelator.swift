public import KubeModel

/// What client-go's `EventCorrelator` (with the default options every controller built on `record.NewBroadcaster`
/// has, kube-controller-manager's and kruise-manager's alike) decides for each event a recorder is given, as a
/// pure value: no I/O, the clock passed in.
///
/// - **Aggregation** (`EventAggregator`): events about one object with the same type and reason but different
///   messages are tracked for 10 minutes; from the 10th distinct message on, each is replaced by one combined
///   event, `(combined from similar events): <message>`, counted up instead of created anew.
/// - **Observation** (`eventLogger`): an event seen before (same object, type, reason and message, or the same
///   combined event) patches the existing Event's `count`, `lastTimestamp` and `message`; a new one is created
///   under a name made of the object's name and the time.
/// - **Spam filter** (`EventSourceObjectSpamFilter`): each object may produce 25 events at once, then one more
///   every 5 minutes; the rest are dropped, after being counted (so the next written patch carries the count).
///
/// A 1,000-pod CloneSet rollout therefore writes about 25 Events about the CloneSet, not 1,000; its pods'
/// updates are still all visible in their own status.
public struct EventCorrelator: Sendable {
    /// The object an event is about.
    public struct InvolvedObject: Sendable, Hashable {
        public var apiVersion: String
        public var kind: String
        public var namespace: String
        public var name: String
        public var uid: String

        public init(apiVersion: String, kind: String, namespace: String, name: String, uid: String) {
            self.apiVersion = apiVersion
            self.kind = kind
            self.namespace = namespace
            self.name = name
            self.uid = uid
        }
    }

    /// What to write for one recorded event.
    public enum Decision: Sendable, Equatable {
        /// Dropped by the spam filter.
        case skip
        /// A new Event named `name`.
        case create(name: String, message: String, count: Int, firstTimestamp: KubeTime)
        /// The existing Event `name`, counted up.
        case patch(name: String, message: String, count: Int, firstTimestamp: KubeTime)
    }

    /// Distinct messages of one object, type and reason before they are combined (client-go:
    /// `defaultAggregateMaxEvents`).
    public static let maximumDistinctMessages = 10
    /// How long similar messages count towards combining (client-go: `defaultAggregateIntervalInSeconds`).
    public static let aggregationSeconds: Int64 = 600
    /// Events one object may produce at once (client-go: `defaultSpamBurst`).
    public static let spamBurst = 25.0
    /// Seconds for one more event to be allowed (client-go: `defaultSpamQPS` = 1/300).
    public static let spamRefillSeconds = 300.0
    /// Entries each cache keeps, the least recently used going first (client-go: `maxLruCacheEntries`).
    public static let cacheSize = 4096

    private struct AggregateKey: Hashable {
        var object: InvolvedObject
        var type: String
        var reason: String
    }

    private enum ObservationKey: Hashable {
        case event(AggregateKey, message: String)
        case combined(AggregateKey)
    }

    private struct Aggregate {
        var messages: Set<String> = []
        var last: KubeTime
    }

    private struct Observation {
        var name: String
        var count: Int
        var first: KubeTime
        var used: KubeTime
    }

    private struct Bucket {
        var tokens: Double
        var last: KubeTime
    }

    private var aggregates: [AggregateKey: Aggregate] = [:]
    private var observations: [ObservationKey: Observation] = [:]
    private var buckets: [InvolvedObject: Bucket] = [:]

    public init() {}

    /// Correlates one event about `object` recorded at `now`; `name` gives the name of a new Event.
    public mutating func correlate(
        object: InvolvedObject, type: String, reason: String, message: String, now: KubeTime, name: () -> String
    ) -> Decision {
        let aggregateKey = AggregateKey(object: object, type: type, reason: reason)
        var aggregate = self.aggregates[aggregateKey] ?? Aggregate(last: now)
        if Self.seconds(from: aggregate.last, to: now) > Double(Self.aggregationSeconds) {
            aggregate = Aggregate(last: now)
        }
        aggregate.messages.insert(message)
        aggregate.last = now
        var key = ObservationKey.event(aggregateKey, message: message)
        var written = message
        if aggregate.messages.count >= Self.maximumDistinctMessages {
            // client-go keeps the set from growing past the threshold by dropping any one message.
            aggregate.messages.remove(aggregate.messages.first!)
            key = .combined(aggregateKey)
            written = "(combined from similar events): " + message
        }
        self.aggregates[aggregateKey] = aggregate
        Self.bound(&self.aggregates) { $0.last }

        let decision: Decision
        if var observation = self.observations[key] {
            observation.count += 1
            observation.used = now
            self.observations[key] = observation
            decision = .patch(name: observation.name, message: written, count: observation.count, firstTimestamp: observation.first)
        } else {
            let fresh = Observation(name: name(), count: 1, first: now, used: now)
            self.observations[key] = fresh
            decision = .create(name: fresh.name, message: written, count: 1, firstTimestamp: now)
        }
        Self.bound(&self.observations) { $0.used }

        var bucket = self.buckets[object] ?? Bucket(tokens: Self.spamBurst, last: now)
        bucket.tokens = min(Self.spamBurst, bucket.tokens + Self.seconds(from: bucket.last, to: now) / Self.spamRefillSeconds)
        bucket.last = now
        let allowed = bucket.tokens >= 1
        if allowed { bucket.tokens -= 1 }
        self.buckets[object] = bucket
        Self.bound(&self.buckets) { $0.last }
        return allowed ? decision : .skip
    }

    private static func seconds(from start: KubeTime, to end: KubeTime) -> Double {
        Double(end.seconds - start.seconds) + Double(end.nanoseconds - start.nanoseconds) / 1e9
    }

    /// Keeps `cache` within ``cacheSize`` entries, dropping the least recently used tenth when it is over.
    private static func bound<Key: Hashable, Value>(_ cache: inout [Key: Value], used: (Value) -> KubeTime) {
        guard cache.count > Self.cacheSize else { return }
        let oldest = cache.sorted { used($0.value) < used($1.value) }.prefix(Self.cacheSize / 10).map(\.key)
        for key in oldest { cache[key] = nil }
    }
}
