import Synchronization

/// The resourceVersion a controller wrote last for each object, so it can tell when its cache has caught
/// up with its own update (Kruise's `ResourceVersionExpectation`). Versions compare numerically, as the
/// embedded server and etcd issue them; a non-numeric version is treated as caught up.
public final class ResourceVersionExpectations: Sendable {
    private struct Expected {
        var version: UInt64
        var since: ContinuousClock.Instant
    }

    public let timeout: Duration
    private let expected: Mutex<[ObjectKey: Expected]> = Mutex([:])

    public init(timeout: Duration = .seconds(300)) {
        self.timeout = timeout
    }

    /// Records the version a write returned.
    public func expect(_ key: ObjectKey, resourceVersion: String, now: ContinuousClock.Instant = .now) {
        guard let version = UInt64(resourceVersion) else { return }
        self.expected.withLock { expected in
            if let current = expected[key], current.version >= version { return }
            expected[key] = Expected(version: version, since: now)
        }
    }

    /// Records a version seen in the cache; satisfies the expectation when it is at least the expected one.
    public func observe(_ key: ObjectKey, resourceVersion: String) {
        guard let version = UInt64(resourceVersion) else { return }
        self.expected.withLock { Self.observe(key, version: version, in: &$0) }
    }

    /// Records the cached version of each object and tells whether the cache has caught up with the last
    /// write to all of them (``observe(_:resourceVersion:)`` then ``isSatisfied(_:now:)`` for each, under one
    /// lock). With nothing expected it reads no object: a controller checks every object it owns on every sync.
    public func observeAll<Objects: Sequence>(
        _ objects: Objects, now: ContinuousClock.Instant = .now, key: (Objects.Element) -> (ObjectKey, String?)
    ) -> Bool {
        if self.expected.withLock({ $0.isEmpty }) { return true }
        let versions = objects.map(key)
        return self.expected.withLock { expected in
            var satisfied = true
            for (key, text) in versions {
                if let text, let version = UInt64(text) { Self.observe(key, version: version, in: &expected) }
                if !self.isSatisfied(key, now: now, in: &expected) { satisfied = false }
            }
            return satisfied
        }
    }

    /// `true` when the cache has caught up with the last write to `key`, or the expectation timed out.
    public func isSatisfied(_ key: ObjectKey, now: ContinuousClock.Instant = .now) -> Bool {
        self.expected.withLock { self.isSatisfied(key, now: now, in: &$0) }
    }

    private static func observe(_ key: ObjectKey, version: UInt64, in expected: inout [ObjectKey: Expected]) {
        if let current = expected[key], version >= current.version { expected[key] = nil }
    }

    private func isSatisfied(_ key: ObjectKey, now: ContinuousClock.Instant, in expected: inout [ObjectKey: Expected]) -> Bool {
        guard let current = expected[key] else { return true }
        if now - current.since >= self.timeout {
            expected[key] = nil
            return true
        }
        return false
    }

    public func delete(_ key: ObjectKey) {
        self.expected.withLock { $0[key] = nil }
    }
}
