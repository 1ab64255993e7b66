import KruiseTestSupport
import KubeJSON
import KubeModel
import Testing

@testable import LocalCluster

/// An update starts from the stored object's managedFields, whose entries are decoded only when the write
/// touches their fields: the outcome must be the one of decoding every entry first.
@Suite struct StoredManagedFieldsTests {
    @Test func updatesGiveWhatDecodingEveryEntryGives() throws {
        let now = KubeTime(seconds: 1_800_000_000)
        let later = KubeTime(seconds: 1_800_000_100)
        var random = SplitMix64(seed: 99)
        for round in 0..<400 {
            let (name, schema) = CreationFieldsTests.schemas[round % CreationFieldsTests.schemas.count]
            // Two managers own parts of the object; a third changes some of them, adds and removes others.
            var object = CreationFieldsTests.randomObject(&random)
            var stored = ServerSideApply.recordUpdate(old: nil, new: object, manager: "creator", apiVersion: "v1", schema: schema, now: now)
            object = ManagedFields.removing(from: stored)
            object["spec"] = CreationFieldsTests.randomValue(&random, depth: 1)
            stored = ServerSideApply.recordUpdate(old: stored, new: object, manager: "second", apiVersion: "v1", schema: schema, now: now)
            var changed = ManagedFields.removing(from: stored)
            switch round % 3 {
            case 0: changed["spec"] = CreationFieldsTests.randomValue(&random, depth: 1)
            case 1: changed["metadata"]?["labels"] = ["app": "b"]
            default: changed["extra"] = .string(random.hex(2))
            }
            // Stored objects are packed; a patch's result carries the stored entries as they are.
            if round % 2 == 0 { stored = PackedJSON(stored).root }
            var sent = changed
            if round % 5 < 2 { sent["metadata"]?["managedFields"] = stored["metadata"]?["managedFields"] }
            try Self.expectRecordedAsDecodingEveryEntry(
                stored: stored, sent: sent, changed: changed, manager: "third", subresource: round % 4 == 0 ? "status" : "",
                schema: schema, now: later, "\(name) round \(round)")
        }
    }

    /// A manager that already has an entry writes again (its entry is rewritten in one edit, or only re-stamped
    /// when it changed nothing but values it owns): the outcome must still be the one of decoding every entry.
    @Test func rewritesByAnOwnerGiveWhatDecodingEveryEntryGives() throws {
        let now = KubeTime(seconds: 1_800_000_000)
        let later = KubeTime(seconds: 1_800_000_100)
        var random = SplitMix64(seed: 7)
        for round in 0..<600 {
            let (name, schema) = CreationFieldsTests.schemas[round % CreationFieldsTests.schemas.count]
            let subresource = round % 4 == 0 ? "status" : ""
            var object = CreationFieldsTests.randomObject(&random)
            var stored = ServerSideApply.recordUpdate(old: nil, new: object, manager: "creator", apiVersion: "v1", schema: schema, now: now)
            object = ManagedFields.removing(from: stored)
            object["spec"] = CreationFieldsTests.randomValue(&random, depth: 1)
            object["metadata"]?["labels"]?["owned"] = .string(random.hex(1))
            stored = ServerSideApply.recordUpdate(
                old: stored, new: object, manager: "second", apiVersion: "v1", subresource: subresource, schema: schema, now: now)
            var changed = ManagedFields.removing(from: stored)
            switch round % 4 {
            case 0: changed["spec"] = CreationFieldsTests.randomValue(&random, depth: 1)
            case 1: changed["metadata"]?["labels"]?["owned"] = .string(random.hex(2))  // a value the writer owns
            case 2: changed["metadata"]?["labels"] = ["app": "b"]  // others' fields, and its own removed
            default: changed["extra"] = .string(random.hex(2))
            }
            if round % 2 == 0 { stored = PackedJSON(stored).root }
            try Self.expectRecordedAsDecodingEveryEntry(
                stored: stored, sent: changed, changed: changed, manager: "second", subresource: subresource, schema: schema,
                now: later, "\(name) round \(round)")
        }
    }

    /// Records the write of `sent` (`changed`, perhaps carrying the stored entries) over `stored`, and expects
    /// what decoding every stored entry and updating the decoded entries gives.
    private static func expectRecordedAsDecodingEveryEntry(
        stored: JSONValue, sent: JSONValue, changed: JSONValue, manager: String, subresource: String, schema: ApplySchema,
        now: KubeTime, _ context: String
    ) throws {
        let recorded = ServerSideApply.recordUpdate(
            old: stored, new: sent, manager: manager, apiVersion: "v1", subresource: subresource, schema: schema, now: now)
        let eager = ServerSideApply.updatedEntries(
            try ManagedFields.entries(of: stored), old: ManagedFields.removing(from: stored), new: changed,
            manager: manager, operation: .update, apiVersion: "v1", subresource: subresource, schema: schema, now: now)
        let expected = ManagedFields.setting(eager, on: changed)
        #expect(recorded.serializedString() == expected.serializedString(), "\(context)")
    }

    @Test func anOwnerChangingItsOwnValueKeepsItsFieldsAndMovesItsTime() throws {
        let schema = ApplySchema.forKind(apiVersion: "v1", kind: "ConfigMap")
        let now = KubeTime(seconds: 1_800_000_000)
        let later = KubeTime(seconds: 1_800_000_100)
        var object: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c"], "data": ["a": "1"]]
        var stored = ServerSideApply.recordUpdate(old: nil, new: object, manager: "creator", apiVersion: "v1", schema: schema, now: now)
        object = ManagedFields.removing(from: stored)
        object["data"]?["b"] = "2"
        stored = PackedJSON(ServerSideApply.recordUpdate(old: stored, new: object, manager: "writer", apiVersion: "v1", schema: schema, now: now)).root
        var changed = ManagedFields.removing(from: stored)
        changed["data"]?["b"] = "3"
        let recorded = ServerSideApply.recordUpdate(old: stored, new: changed, manager: "writer", apiVersion: "v1", schema: schema, now: later)
        let entries = try ManagedFields.entries(of: recorded)
        #expect(entries.map(\.manager) == ["creator", "writer"])
        #expect(entries.map(\.fields.description) == [#"{"f:data":{".":{},"f:a":{}}}"#, #"{"f:data":{"f:b":{}}}"#])
        #expect(entries.map(\.time) == [now, later])
        #expect(recorded["metadata"]?["managedFields"]?[1]?["fieldsV1"] == stored["metadata"]?["managedFields"]?[1]?["fieldsV1"])
    }

    @Test func untouchedEntriesAreWrittenBackAsStored() throws {
        let schema = ApplySchema.forKind(apiVersion: "v1", kind: "ConfigMap")
        let now = KubeTime(seconds: 1_800_000_000)
        var object: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c"], "data": ["a": "1"]]
        var stored = ServerSideApply.recordUpdate(old: nil, new: object, manager: "creator", apiVersion: "v1", schema: schema, now: now)
        object = ManagedFields.removing(from: stored)
        object["data"]?["b"] = "2"
        stored = ServerSideApply.recordUpdate(old: stored, new: object, manager: "writer", apiVersion: "v1", schema: schema, now: now)
        let entries = try ManagedFields.entries(of: stored, stored: true)
        #expect(entries.map(\.manager) == ["creator", "writer"])
        // The writer's next change leaves the creator's entry alone: it is kept undecoded and written as stored.
        #expect(!entries[0].mayOwnAny(of: FieldSet([FieldPath(fields: "data", "b")])))
        #expect(entries[0].mayOwnAny(of: FieldSet([FieldPath(fields: "data", "a")])))
        var changed = ManagedFields.removing(from: stored)
        changed["data"]?["b"] = "3"
        let recorded = ServerSideApply.recordUpdate(old: stored, new: changed, manager: "writer", apiVersion: "v1", schema: schema, now: now)
        #expect(recorded["metadata"]?["managedFields"]?[0] == stored["metadata"]?["managedFields"]?[0])
        #expect(try ManagedFields.entries(of: recorded).map(\.fields.description) == [
            #"{"f:data":{".":{},"f:a":{}}}"#, #"{"f:data":{"f:b":{}}}"#,
        ])
    }
}
