/// One event of a watch stream.
public struct WatchEvent: Sendable {
    /// The event types of the Kubernetes watch protocol (the store never produces `ERROR`: errors end the
    /// stream instead).
    public enum EventType: String, Sendable, Hashable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
        case bookmark = "BOOKMARK"
    }

    /// The event type.
    public let type: EventType
    /// The version of the change; for a bookmark, the version up to which every change has been delivered.
    public let resourceVersion: UInt64
    /// The object after the change (for `DELETED`, its last state stamped with the deletion's version);
    /// `nil` only for bookmarks.
    public let object: StoredObject?
    /// For `MODIFIED`, the object before the change, so that a filtered watch can tell an object entering
    /// or leaving its selection (kube then sends `ADDED` or `DELETED`).
    public let previous: StoredObject?
    /// For a bookmark: it closes the initial events of a `sendInitialEvents` watch
    /// (the `k8s.io/initial-events-end` annotation).
    public let isInitialEventsEnd: Bool
    /// The event as one line of the JSON watch stream, `{"type":"ADDED","object":{...}}\n`, built once per
    /// change and shared by every watcher; empty for bookmarks, whose object (`kind`, `apiVersion`) only the
    /// API layer knows.
    public let frame: [UInt8]

    init(type: EventType, object: StoredObject, previous: StoredObject? = nil) {
        self.type = type
        self.resourceVersion = object.resourceVersion
        self.object = object
        self.previous = type == .modified ? previous : nil
        self.isInitialEventsEnd = false
        self.frame = Self.frame(type: type, objectBytes: object.bytes)
    }

    init(bookmarkAt resourceVersion: UInt64, initialEventsEnd: Bool) {
        self.type = .bookmark
        self.resourceVersion = resourceVersion
        self.object = nil
        self.previous = nil
        self.isInitialEventsEnd = initialEventsEnd
        self.frame = []
    }

    private static func frame(type: EventType, objectBytes: [UInt8]) -> [UInt8] {
        var frame: [UInt8] = []
        frame.reserveCapacity(objectBytes.count + 32)
        frame.append(contentsOf: #"{"type":""#.utf8)
        frame.append(contentsOf: type.rawValue.utf8)
        frame.append(contentsOf: #"","object":"#.utf8)
        frame.append(contentsOf: objectBytes)
        frame.append(contentsOf: "}\n".utf8)
        return frame
    }
}
