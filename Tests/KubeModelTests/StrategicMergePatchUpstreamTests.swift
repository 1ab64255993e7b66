import KubeJSON
import KubeModel
import Testing

/// The schema of `MergeItem` in k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go, which the upstream
/// test cases below patch.
let mergeItemSchema: StrategicMergeSchema = {
    let leaf: [String: StrategicMergeSchema] = [
        "mergingList": .mergeList(key: "name"),
        "mergingIntList": .primitiveMergeList,
        "mergeItemPtr": .mergeList(key: "name"),
        "replacingItem": .replace,
        "retainKeysMap": .retainKeysObject([
            "mergingIntList": .primitiveMergeList,
            "mergingList": .mergeList(key: "name"),
        ]),
        "retainKeysMergingList": .mergeList(key: "name", retainKeys: true),
    ]
    var fields = leaf
    fields["mergingList"] = .mergeList(key: "name", element: leaf)
    fields["mergeItemPtr"] = .mergeList(key: "name", element: leaf)
    return .object(fields)
}()

/// One application of a patch, with the expected result.
struct PatchCase: Sendable, CustomTestStringConvertible {
    var name: String
    var original: String
    var patch: String
    var expected: String

    var testDescription: String { self.name }
}

func parseJSON(_ text: String) throws -> JSONValue {
    try JSONValue(parsing: text)
}

/// Cases from strategicpatch's patch_test.go: `original` + `twoWay` → `modified` (or `twoWayResult`), and
/// `current` + `threeWay` → `result`, converted from YAML to JSON.
let upstreamCases: [PatchCase] = [
    PatchCase(
        name: "unique scalars when merging lists",
        original: #"{"mergingIntList":[1,2]}"#,
        patch: #"{"mergingIntList":[2,3]}"#,
        expected: #"{"mergingIntList":[1,2,3]}"#
    ),
    PatchCase(
        name: "delete map from nested map",
        original: #"{"simpleMap":{"key1":1,"key2":1}}"#,
        patch: #"{"simpleMap":{"$patch":"delete"}}"#,
        expected: #"{"simpleMap":{}}"#
    ),
    PatchCase(
        name: "delete all items from merging list",
        original: #"{"mergingList":[{"name":1},{"name":2}]}"#,
        patch: #"{"mergingList":[{"$patch":"replace"}]}"#,
        expected: #"{"mergingList":[]}"#
    ),
    PatchCase(
        name: "merge empty merging lists",
        original: #"{"mergingList":[]}"#,
        patch: #"{"mergingList":[]}"#,
        expected: #"{"mergingList":[]}"#
    ),
    PatchCase(
        name: "delete all keys from map",
        original: #"{"name":1,"value":1}"#,
        patch: #"{"$patch":"replace"}"#,
        expected: #"{}"#
    ),
    PatchCase(
        name: "add key and delete all keys from map",
        original: #"{"name":1,"value":1}"#,
        patch: #"{"other":"a","$patch":"replace"}"#,
        expected: #"{"other":"a"}"#
    ),
    PatchCase(
        name: "delete all duplicate entries in a merging list",
        original: #"{"mergingList":[{"name":1},{"name":1},{"name":2,"value":"a"},{"name":3},{"name":3}]}"#,
        patch: #"{"mergingList":[{"name":1,"$patch":"delete"},{"name":3,"$patch":"delete"}]}"#,
        expected: #"{"mergingList":[{"name":2,"value":"a"}]}"#
    ),
    PatchCase(
        name: "retainKeys map can delete a field when no retainKeys directive present",
        original: #"{"retainKeysMap":{"name":"foo","value":"a"}}"#,
        patch: #"{"retainKeysMap":{"value":null}}"#,
        expected: #"{"retainKeysMap":{"name":"foo"}}"#
    ),
    PatchCase(
        name: "retainKeys list can delete a field when no retainKeys directive present",
        original: #"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo","value":"a"}]}"#,
        patch: #"{"retainKeysMergingList":[{"name":"foo","value":null}]}"#,
        expected: #"{"retainKeysMergingList":[{"name":"bar"},{"name":"foo"}]}"#
    ),
    PatchCase(
        name: "preserve the order from the patch in a merging list",
        original: #"{"mergingList":[{"name":1},{"name":2,"value":"b"},{"name":3}]}"#,
        patch: #"{"mergingList":[{"name":3,"value":"c"},{"name":1,"value":"a"},{"name":2,"other":"x"}]}"#,
        expected: #"{"mergingList":[{"name":3,"value":"c"},{"name":1,"value":"a"},{"name":2,"value":"b","other":"x"}]}"#
    ),
    PatchCase(
        name: "preserve the order from the patch in a merging list 2",
        original: #"{"mergingList":[{"name":1},{"name":2,"value":"b"},{"name":3}]}"#,
        patch: #"{"mergingList":[{"name":3,"value":"c"},{"name":1,"value":"a"}]}"#,
        expected: #"{"mergingList":[{"name":2,"value":"b"},{"name":3,"value":"c"},{"name":1,"value":"a"}]}"#
    ),
    PatchCase(
        name: "preserve the order from the patch in a merging int list",
        original: #"{"mergingIntList":[1,2,3]}"#,
        patch: #"{"mergingIntList":[3,1]}"#,
        expected: #"{"mergingIntList":[2,3,1]}"#
    ),
    PatchCase(
        name: "$setElementOrder contains item that is not present in the list to be merged",
        original: #"{"mergingList":[{"name":1},{"name":3}]}"#,
        patch: #"""
            {"$setElementOrder/mergingList":[{"name":3},{"name":2},{"name":1}],
             "mergingList":[{"name":3,"value":3},{"name":1,"value":1}]}
            """#,
        expected: #"{"mergingList":[{"name":3,"value":3},{"name":1,"value":1}]}"#
    ),
    PatchCase(
        name: "$setElementOrder contains item that is not present in the int list to be merged",
        original: #"{"mergingIntList":[1,3]}"#,
        patch: #"{"$setElementOrder/mergingIntList":[3,2,1]}"#,
        expected: #"{"mergingIntList":[3,1]}"#
    ),
    PatchCase(
        name: "$deleteFromPrimitiveList of nonexistent item in primitive list should not add the item to the list",
        original: #"{"mergingIntList":[1,2]}"#,
        patch: #"{"$deleteFromPrimitiveList/mergingIntList":[3]}"#,
        expected: #"{"mergingIntList":[1,2]}"#
    ),
    PatchCase(
        name: "$deleteFromPrimitiveList on empty primitive list should not add the item to the list",
        original: #"{"mergingIntList":null}"#,
        patch: #"{"$deleteFromPrimitiveList/mergingIntList":[3]}"#,
        expected: #"{"mergingIntList":null}"#
    ),
    PatchCase(
        name: "$deleteFromPrimitiveList on nonexistent primitive list should not add the primitive list",
        original: #"{"foo":["bar"]}"#,
        patch: #"{"$deleteFromPrimitiveList/mergingIntList":[3]}"#,
        expected: #"{"foo":["bar"]}"#
    ),
    PatchCase(
        name: "$deleteFromPrimitiveList should delete item from a list with merge patch strategy",
        original: #"{"mergingIntList":[1,2,3]}"#,
        patch: #"{"$deleteFromPrimitiveList/mergingIntList":[2]}"#,
        expected: #"{"mergingIntList":[1,3]}"#
    ),
    PatchCase(
        name: "$deleteFromPrimitiveList should delete item from a list without merge patch strategy",
        original: #"{"nonMergingIntList":[1,2,3]}"#,
        patch: #"{"$deleteFromPrimitiveList/nonMergingIntList":[2]}"#,
        expected: #"{"nonMergingIntList":[1,3]}"#
    ),
    PatchCase(
        name: "add an item in a list of primitives and preserve order (three-way)",
        original: #"{"mergingIntList":[1,4,2]}"#,
        patch: #"{"$setElementOrder/mergingIntList":[3,1,2],"mergingIntList":[3]}"#,
        expected: #"{"mergingIntList":[3,1,4,2]}"#
    ),
    PatchCase(
        name: "delete an item in a list of primitives and preserve order",
        original: #"{"mergingIntList":[1,2,3]}"#,
        patch: #"{"$setElementOrder/mergingIntList":[2,1],"$deleteFromPrimitiveList/mergingIntList":[3]}"#,
        expected: #"{"mergingIntList":[2,1]}"#
    ),
    PatchCase(
        name: "add an item in a list and preserve order (three-way)",
        original: #"{"mergingList":[{"name":1,"other":"a"},{"name":2,"value":2,"other":"b"}]}"#,
        patch: #"""
            {"$setElementOrder/mergingList":[{"name":3},{"name":1},{"name":2}],
             "mergingList":[{"name":3,"value":3}]}
            """#,
        expected: #"{"mergingList":[{"name":3,"value":3},{"name":1,"other":"a"},{"name":2,"value":2,"other":"b"}]}"#
    ),
    PatchCase(
        name: "set elements order in a list with server-only items (three-way)",
        original: #"{"mergingList":[{"name":1,"other":"a"},{"name":3,"value":3},{"name":4,"value":4},{"name":2,"value":2},{"name":9}]}"#,
        patch: #"{"$setElementOrder/mergingList":[{"name":4},{"name":2},{"name":3},{"name":1}]}"#,
        expected: #"""
            {"mergingList":[{"name":4,"value":4},{"name":2,"value":2},{"name":3,"value":3},{"name":1,"other":"a"},
             {"name":9}]}
            """#
    ),
    PatchCase(
        name: "set elements order in a list with server-only items 2 (three-way)",
        original: #"{"mergingList":[{"name":1,"other":"a"},{"name":2,"value":2},{"name":9},{"name":3,"value":3},{"name":4,"value":4}]}"#,
        patch: #"{"$setElementOrder/mergingList":[{"name":2},{"name":1},{"name":4},{"name":3}]}"#,
        expected: #"""
            {"mergingList":[{"name":2,"value":2},{"name":1,"other":"a"},{"name":9},{"name":4,"value":4},
             {"name":3,"value":3}]}
            """#
    ),
    PatchCase(
        name: "set elements order in a list with server-only items 3 (three-way)",
        original: #"""
            {"mergingList":[{"name":1,"other":"a"},{"name":2,"value":2},{"name":7},{"name":9},{"name":8},
             {"name":3,"value":3},{"name":4,"value":4}]}
            """#,
        patch: #"{"$setElementOrder/mergingList":[{"name":2},{"name":1},{"name":4},{"name":3}]}"#,
        expected: #"""
            {"mergingList":[{"name":2,"value":2},{"name":1,"other":"a"},{"name":7},{"name":9},{"name":8},
             {"name":4,"value":4},{"name":3,"value":3}]}
            """#
    ),
    PatchCase(
        name: "behavior of set element order for a merging list with duplicate",
        original: #"{"mergingList":[{"name":1},{"name":2,"value":"dup1"},{"name":3},{"name":2,"value":"dup2"},{"name":4}]}"#,
        patch: #"{"$setElementOrder/mergingList":[{"name":2},{"name":1},{"name":4},{"name":3},{"name":2}]}"#,
        expected: #"{"mergingList":[{"name":2,"value":"dup1"},{"name":2,"value":"dup2"},{"name":1},{"name":4},{"name":3}]}"#
    ),
    PatchCase(
        name: "behavior of set element order for a merging int list with duplicate",
        original: #"{"mergingIntList":[1,2,3,2,4]}"#,
        patch: #"{"$setElementOrder/mergingIntList":[2,1,4,3,2]}"#,
        expected: #"{"mergingIntList":[2,2,1,4,3]}"#
    ),
    PatchCase(
        name: "retainKeys map should clear defaulted field (three-way)",
        original: #"{"retainKeysMap":{"value":"foo"}}"#,
        patch: #"{"retainKeysMap":{"$retainKeys":["other"],"other":"bar"}}"#,
        expected: #"{"retainKeysMap":{"other":"bar"}}"#
    ),
    PatchCase(
        name: "retainKeys map should clear defaulted field with conflict (discriminated union, three-way)",
        original: #"{"retainKeysMap":{"name":"type1","value":"foo"}}"#,
        patch: #"{"retainKeysMap":{"$retainKeys":["name","other"],"name":"type2","other":"bar"}}"#,
        expected: #"{"retainKeysMap":{"name":"type2","other":"bar"}}"#
    ),
    PatchCase(
        name: "delete and reorder in one list, reorder in another",
        original: #"{"mergingList":[{"name":"a","value":"a"},{"name":"b","value":"b"}],"mergeItemPtr":[{"name":"c","value":"c"},{"name":"d","value":"d"}]}"#,
        patch: #"""
            {"$setElementOrder/mergingList":[{"name":"b"}],
             "$setElementOrder/mergeItemPtr":[{"name":"d"},{"name":"c"}],
             "mergingList":[{"$patch":"delete","name":"a"}]}
            """#,
        expected: #"{"mergingList":[{"name":"b","value":"b"}],"mergeItemPtr":[{"name":"d","value":"d"},{"name":"c","value":"c"}]}"#
    ),
    // TestUnknownField: applying the two-way patches.
    PatchCase(
        name: "discard nulls in nested and adds not nulls",
        original: #"{"array":[1,2,3],"complex":{"nested":true},"name":"foo","scalar":true}"#,
        patch: #"{"complex_nullable":{"key":{"keynotnull":"value","keynull":null}}}"#,
        expected: #"{"array":[1,2,3],"complex":{"nested":true},"complex_nullable":{"key":{"keynotnull":"value"}},"name":"foo","scalar":true}"#
    ),
    PatchCase(
        name: "filter if slice is all empty",
        original: #"{}"#,
        patch: #"{"complex_nullable":[{"inner_one":{"key_one":null,"key_two":null}}]}"#,
        expected: #"{"complex_nullable":[{"inner_one":{}}]}"#
    ),
    PatchCase(
        name: "not filter nulls from non-associative slice",
        original: #"{}"#,
        patch: #"{"complex_nullable":["key1",null,"key2"]}"#,
        expected: #"{"complex_nullable":["key1",null,"key2"]}"#
    ),
    PatchCase(
        name: "null values in original are preserved",
        original: #"{"thing":null}"#,
        patch: #"{"nested":{"value":5}}"#,
        expected: #"{"nested":{"value":5},"thing":null}"#
    ),
    PatchCase(
        name: "removed only",
        original: #"{"name":"foo","scalar":true,"complex":{"nested":true}}"#,
        patch: #"{"complex":null,"scalar":null}"#,
        expected: #"{"name":"foo"}"#
    ),
]

/// Upstream cases that must fail, with a fragment of the expected message.
let upstreamErrorCases: [(name: String, original: String, patch: String, message: String)] = [
    (
        "should check if order in $setElementOrder and patch list match",
        #"{"mergingList":[{"name":1},{"name":3},{"name":2}]}"#,
        #"{"$setElementOrder/mergingList":[{"name":1},{"name":2},{"name":3}],"mergingList":[{"name":3,"value":3},{"name":1,"value":1}]}"#,
        "doesn't match"
    ),
    (
        "$setElementOrder int list order mismatch",
        #"{"mergingIntList":[1,3,2]}"#,
        #"{"$setElementOrder/mergingIntList":[1,2,3],"mergingIntList":[3,1]}"#,
        "doesn't match"
    ),
    (
        "missing merge key should error out",
        #"{"mergingList":[{"name":1,"value":"a"}]}"#,
        #"{"mergingList":[{"value":"b"}]}"#,
        "does not contain declared merge key"
    ),
]

@Suite("Strategic merge patch: upstream patch_test.go cases")
struct StrategicMergePatchUpstreamTests {
    @Test(arguments: upstreamCases)
    func appliesLikeUpstream(_ testCase: PatchCase) throws {
        let original = try parseJSON(testCase.original)
        let patch = try parseJSON(testCase.patch)
        let expected = try parseJSON(testCase.expected)
        let result = try StrategicMergePatch.apply(patch: patch, to: original, schema: mergeItemSchema)
        #expect(result == expected, "got \(result)")
    }

    @Test(arguments: upstreamErrorCases.map { [$0.name, $0.original, $0.patch, $0.message] })
    func failsLikeUpstream(_ fields: [String]) throws {
        let original = try parseJSON(fields[1])
        let patch = try parseJSON(fields[2])
        let error = try #require(throws: StrategicMergePatchError.self) {
            try StrategicMergePatch.apply(patch: patch, to: original, schema: mergeItemSchema)
        }
        #expect(error.description.contains(fields[3]), "\(fields[0]): \(error)")
    }
}
