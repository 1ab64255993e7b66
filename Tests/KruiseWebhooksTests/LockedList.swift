import Synchronization

/// A thread-safe list the lookups record their arguments in.
final class LockedList: Sendable {
    private let storage = Mutex<[String]>([])

    func append(_ value: String) {
        self.storage.withLock { $0.append(value) }
    }

    var values: [String] { self.storage.withLock { $0 } }
}
