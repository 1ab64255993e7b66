/// An API group and version, as written in `apiVersion` (`apps/v1`, or `v1` for the core group).
public struct GroupVersion: Sendable, Hashable, CustomStringConvertible {
    /// The group; empty for the core group.
    public var group: String
    public var version: String

    public init(group: String, version: String) {
        self.group = group
        self.version = version
    }

    /// Parses an `apiVersion` string; `nil` when it has more than one `/` or an empty part.
    public init?(apiVersion: String) {
        let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1 where !parts[0].isEmpty:
            self.init(group: "", version: String(parts[0]))
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty:
            self.init(group: String(parts[0]), version: String(parts[1]))
        default:
            return nil
        }
    }

    /// The `apiVersion` form.
    public var apiVersion: String { self.group.isEmpty ? self.version : "\(self.group)/\(self.version)" }

    public var description: String { self.apiVersion }
}
