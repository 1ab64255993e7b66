/// A resource (group and plural) the store keeps objects of; the first half of an ``ObjectKey``.
struct ResourceID: Hashable, Sendable {
    var group: String
    var resource: String

    init(group: String, resource: String) {
        self.group = group
        self.resource = resource
    }

    init(_ key: ObjectKey) {
        self.group = key.group
        self.resource = key.resource
    }
}
