import KubeJSON
import Testing

@testable import LocalCluster

/// What an update changed, as managedFields record it.
@Suite struct FieldComparisonTests {
    static let schema = ApplySchema.forKind(apiVersion: "v1", kind: "Pod")

    static func pod(containers: [JSONValue]) -> JSONValue {
        ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"], "spec": ["containers": .array(containers)]]
    }

    @Test func anAddedItemOwnsEveryFieldItSets() {
        let old = Self.pod(containers: [["name": "a", "image": "x", "resources": [:]]])
        let new = Self.pod(containers: [["name": "a", "image": "x", "resources": [:]], ["name": "b", "image": "y", "resources": [:]]])
        let changed = FieldComparison(old: old, new: new, schema: Self.schema).changed
        let b = FieldPath([.field("spec"), .field("containers"), .keyed([("name", "b")])])
        // The new container and each of its fields, the empty `resources` too.
        #expect(changed.contains(FieldPath(b.elements + [.field("resources")])))
        #expect(changed.contains(FieldPath(b.elements + [.field("image")])))
        #expect(changed.contains(b))
        // The unchanged container is not.
        #expect(!changed.containsPrefix(FieldPath([.field("spec"), .field("containers"), .keyed([("name", "a")])])))
    }

    @Test func itemsAreMatchedByNameWhereverTheyMove() {
        let old = Self.pod(containers: [["name": "a", "image": "x"], ["name": "b", "image": "y"]])
        let new = Self.pod(containers: [["name": "b", "image": "y2"], ["name": "a", "image": "x"]])
        let comparison = FieldComparison(old: old, new: new, schema: Self.schema)
        let image = FieldPath([.field("spec"), .field("containers"), .keyed([("name", "b")]), .field("image")])
        #expect(comparison.modified.paths == [image])
        #expect(comparison.added.isEmpty && comparison.removed.isEmpty)
    }
}
