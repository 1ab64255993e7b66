/// Why an ``ObjectStore`` operation failed.
///
/// Each case maps onto one kube-apiserver answer; the API layer turns them into `metav1.Status` errors.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No object is stored under the key (404 NotFound).
    case notFound(ObjectKey)
    /// An object is already stored under the key (409 AlreadyExists).
    case alreadyExists(ObjectKey)
    /// The caller's expected resourceVersion is not the stored one (409 Conflict).
    case conflict(ObjectKey, expected: UInt64, actual: UInt64)
    /// The value to store is not a JSON object with an object (or absent) `metadata` member.
    case invalidObject(ObjectKey, reason: String)
    /// A continue token that this store did not write (400 BadRequest).
    case invalidContinueToken
    /// A continue token whose list version is older than the retained history (410 Expired).
    case expired(requested: UInt64, oldest: UInt64)
    /// A watch or exact list from a version older than the retained history (410 Expired, or an `ERROR` event).
    /// `oldest` is the newest version whose later events are all retained.
    case tooOldResourceVersion(requested: UInt64, oldest: UInt64)
    /// An exact list at a version the store has not reached yet (504 Timeout: "Too large resource version").
    case tooLargeResourceVersion(requested: UInt64, current: UInt64)
    /// A watcher fell more than its buffer behind and was terminated; the client re-watches from the last
    /// version it saw.
    case watcherTooSlow
    /// A system call on the data directory failed. After a failed log write the store refuses further writes
    /// (the in-memory state may hold a write that is not durable); restarting recovers the durable state.
    case io(operation: String, path: String, errno: Int32)
    /// A log segment (other than a torn tail) or a snapshot failed its checks.
    case corrupt(path: String, offset: Int, reason: String)
    /// Another process holds the data directory.
    case directoryLocked(path: String)
    /// The store was closed.
    case closed

    public var description: String {
        switch self {
        case .notFound(let key): "\(key) not found"
        case .alreadyExists(let key): "\(key) already exists"
        case .conflict(let key, let expected, let actual):
            "\(key): the object has been modified (expected resourceVersion \(expected), stored \(actual))"
        case .invalidObject(let key, let reason): "\(key): invalid object: \(reason)"
        case .invalidContinueToken: "continue key is not valid"
        case .expired:
            "The provided continue parameter is too old to display a consistent list result. "
                + "You can start a new list without the continue parameter."
        case .tooOldResourceVersion(let requested, let oldest): "too old resource version: \(requested) (\(oldest))"
        case .tooLargeResourceVersion(let requested, let current):
            "Too large resource version: \(requested), current: \(current)"
        case .watcherTooSlow: "watcher fell too far behind and was closed"
        case .io(let operation, let path, let errno): "\(operation) \(path) failed: errno \(errno)"
        case .corrupt(let path, let offset, let reason): "\(path) is corrupt at offset \(offset): \(reason)"
        case .directoryLocked(let path): "data directory \(path) is in use by another process"
        case .closed: "the object store is closed"
        }
    }
}
