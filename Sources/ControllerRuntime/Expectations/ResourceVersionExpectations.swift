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
        self.expected.withLock { expected in
            if let current = expected[key], version >= current.version { expected[key] = nil }
        }
    }

    /// `true` when the cache has caught up with the last write to `key`, or the expectation timed out.
    public func isSatisfied(_ key: ObjectKey, now: ContinuousClock.Instant = .now) -> Bool {
        self.expected.withLock { expected in
            guard let current = expected[key] else { return true }
            if now - current.since >= self.timeout {
                expected[key] = nil
                return true
            }
            return false
        }
    }

    public func delete(_ key: ObjectKey) {
        self.expected.withLock { $0[key] = nil }
    }
}
