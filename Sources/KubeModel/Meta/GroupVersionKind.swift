/// A kind in an API group version: what `apiVersion` and `kind` name together.
public struct GroupVersionKind: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// From an object's `apiVersion` and `kind`; `nil` when `apiVersion` is malformed or `kind` empty.
    public init?(apiVersion: String, kind: String) {
        guard let gv = GroupVersion(apiVersion: apiVersion), !kind.isEmpty else { return nil }
        self.init(group: gv.group, version: gv.version, kind: kind)
    }

    public var groupVersion: GroupVersion { GroupVersion(group: self.group, version: self.version) }
    public var apiVersion: String { self.groupVersion.apiVersion }

    public var description: String { "\(self.apiVersion), Kind=\(self.kind)" }
}
