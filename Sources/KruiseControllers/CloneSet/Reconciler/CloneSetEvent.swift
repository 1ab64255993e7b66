public import ControllerRuntime

/// An Event the CloneSet controller records about a CloneSet (upstream's reasons and messages).
public struct CloneSetEvent: Sendable, Hashable {
    /// Normal or Warning.
    public var type: EventRecorder.EventType
    /// `SuccessfulCreate`, `FailedDelete`, ….
    public var reason: String
    /// The message.
    public var message: String

    /// An event from its parts.
    public init(_ type: EventRecorder.EventType, _ reason: String, _ message: String) {
        self.type = type
        self.reason = reason
        self.message = message
    }
}
