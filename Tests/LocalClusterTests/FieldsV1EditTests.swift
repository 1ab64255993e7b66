import KruiseTestSupport
import KubeJSON
import Testing

@testable import LocalCluster

/// Stored managedFields entries are edited in their FieldsV1 text: the result must be, byte for byte, what
/// decoding the document into a field set, subtracting, adding and encoding again gives.
@Suite struct FieldsV1EditTests {
    @Test func editsGiveWhatTheFieldSetOperationsGive() throws {
        var random = SplitMix64(seed: 7)
        for round in 0..<600 {
            let stored = Self.randomSet(&random, depth: 0)
            // Removals and additions mostly among the stored paths, so that they meet at every depth.
            let removing = round % 3 == 2 ? FieldSet() : Self.sample(of: stored, plus: Self.randomSet(&random, depth: 1), &random)
            let adding = round % 3 == 1 ? FieldSet() : Self.sample(of: stored, plus: Self.randomSet(&random, depth: 1), &random)
            let expected = stored.subtracting(removing).union(adding).fieldsV1
            // As stored: packed, the form the server's objects have.
            guard case .object(let document) = PackedJSON(stored.fieldsV1).root else {
                Issue.record("not an object")
                return
            }
            let edited = try FieldsV1Edit.edit(document, removing: removing, adding: adding)
            let result = edited.map(JSONValue.object) ?? stored.fieldsV1
            #expect(result.serializedString() == expected.serializedString(), "round \(round)")
            // `nil` exactly when nothing changed.
            #expect((edited == nil) == (expected.serializedString() == stored.fieldsV1.serializedString()), "round \(round)")
        }
    }

    @Test func untouchedPartsStayTheStoredText() throws {
        let stored = FieldSet([
            FieldPath(fields: "metadata", "labels", "app"), FieldPath(fields: "spec", "containers"),
            FieldPath([.field("spec"), .field("containers"), .keyed([("name", "c")]), .field("image")]),
        ])
        guard case .object(let document) = PackedJSON(stored.fieldsV1).root else { throw EditTestError() }
        let edited = try #require(
            try FieldsV1Edit.edit(document, removing: FieldSet(), adding: FieldSet([FieldPath(fields: "metadata", "labels", "tier")])))
        #expect(edited["f:spec"]?.objectValue?.isKnownIdentical(to: document["f:spec"]!.objectValue!) == true)
        #expect(JSONValue.object(edited).serializedString() == #"{"f:metadata":{"f:labels":{"f:app":{},"f:tier":{}}},"f:spec":{"f:containers":{".":{},"k:{\"name\":\"c\"}":{"f:image":{}}}}}"#)
    }

    private struct EditTestError: Error {}

    private static let names = ["a", "b", "metadata", "spec", "z"]

    static func randomElement(_ random: inout SplitMix64) -> FieldPathElement {
        switch random.next() % 6 {
        case 0, 1, 2: return .field(Self.names[Int(random.next() % UInt64(Self.names.count))])
        case 3: return .keyed([("name", .string(random.hex(1))), ("port", .int(Int64(random.next() % 3)))])
        case 4: return .value(.string(random.hex(1)))
        default: return .index(Int(random.next() % 3))
        }
    }

    static func randomSet(_ random: inout SplitMix64, depth: Int) -> FieldSet {
        var paths: [FieldPath] = []
        for _ in 0..<Int(random.next() % 6) {
            var elements: [FieldPathElement] = []
            for _ in 0...Int(random.next() % UInt64(max(1, 4 - depth))) { elements.append(Self.randomElement(&random)) }
            paths.append(FieldPath(elements))
        }
        return FieldSet(paths)
    }

    /// Some of `set`'s paths (and some of their prefixes) with `extra`.
    static func sample(of set: FieldSet, plus extra: FieldSet, _ random: inout SplitMix64) -> FieldSet {
        var result = extra
        for path in set.paths where random.next() % 2 == 0 {
            let length = random.next() % 3 == 0 ? max(1, path.elements.count - 1) : path.elements.count
            result.insert(FieldPath(Array(path.elements.prefix(length))))
        }
        return result
    }
}
