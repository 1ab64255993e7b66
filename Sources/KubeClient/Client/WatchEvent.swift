import KubeJSON
public import KubeModel

/// One event of a watch stream.
public struct WatchEvent<Object: KubeObject>: Sendable {
    /// `ADDED`, `MODIFIED`, `DELETED`, `BOOKMARK` or `ERROR`.
    public enum EventType: String, Sendable, Hashable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
        case bookmark = "BOOKMARK"
        case error = "ERROR"
    }

    public var type: EventType
    /// The object (for BOOKMARK only its metadata.resourceVersion is meaningful; for ERROR, see ``error``).
    public var object: Object
    /// For an ERROR event: the Status it carried.
    public var error: KubeAPIError?

    /// Decodes one line of a watch stream.
    static func decode(line: some Sequence<UInt8>) throws(KubeAPIError) -> WatchEvent {
        let json: JSONValue
        do {
            json = try PackedJSON(parsing: Array(line)).root
        } catch {
            throw KubeAPIError.decoding("watch event is not JSON: \(error)")
        }
        guard let typeName = json["type"]?.stringValue, let type = EventType(rawValue: typeName),
            let objectJSON = json["object"]
        else {
            throw KubeAPIError.decoding("watch event without type or object")
        }
        if type == .error {
            let code = objectJSON["code"]?.intValue ?? 500
            let error = KubeAPIError.response(code: code, body: objectJSON.serialized())
            return WatchEvent(type: .error, object: Object(), error: error)
        }
        do {
            return WatchEvent(type: type, object: try Object.decode(objectJSON), error: nil)
        } catch {
            throw KubeAPIError.decoding("watch event object: \(error)")
        }
    }
}
