/// A lookup could not answer (a cache not synced yet, a resource not watched): the deletion is denied with the
/// error in the message, as upstream denies when its cache list fails.
public struct DeletionProtectionLookupError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { self.message }
}
