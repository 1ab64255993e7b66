/// A resource in an API group version, as it appears in request paths (`deployments`, `pods`).
public struct GroupVersionResource: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var version: String
    /// The plural, lower-case resource name.
    public var resource: String

    public init(group: String, version: String, resource: String) {
        self.group = group
        self.version = version
        self.resource = resource
    }

    public var groupVersion: GroupVersion { GroupVersion(group: self.group, version: self.version) }

    public var description: String {
        self.group.isEmpty ? "\(self.version), Resource=\(self.resource)" : "\(self.group)/\(self.version), Resource=\(self.resource)"
    }
}
