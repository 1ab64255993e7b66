import Synchronization

/// The version of the last durable change of each resource, readable without the store's lock: the API
/// server asks on every write whether its admission configurations changed, and waiting behind a commit for
/// that showed up as lock contention.
final class ResourceChangeMarks: Sendable {
    private let marks: Mutex<[ResourceID: UInt64]>

    init() {
        self.marks = Mutex([:])
    }

    /// Records a change of `resource` at `version`.
    func mark(_ resource: ResourceID, at version: UInt64) {
        self.marks.withLock { $0[resource] = version }
    }

    /// The version of the last change of `resource`; 0 for none.
    func lastChange(of resource: ResourceID) -> UInt64 {
        self.marks.withLock { $0[resource] ?? 0 }
    }
}
