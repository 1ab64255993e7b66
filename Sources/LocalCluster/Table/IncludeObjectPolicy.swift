/// What each table row carries in `object`: the `includeObject` query parameter of a Table request.
public enum IncludeObjectPolicy: String, Sendable, Hashable, CaseIterable {
    /// No `object` member.
    case none = "None"
    /// A `PartialObjectMetadata` holding the object's `metadata` (the default): kubectl reads the namespace
    /// for `-A` and the labels for `--show-labels` / `-L` from it.
    case metadata = "Metadata"
    /// The whole object.
    case object = "Object"

    /// The policy a query value names; an absent or empty value means ``metadata``, an unknown one `nil`.
    public init?(queryValue: String?) {
        guard let queryValue, !queryValue.isEmpty else {
            self = .metadata
            return
        }
        self.init(rawValue: queryValue)
    }
}
