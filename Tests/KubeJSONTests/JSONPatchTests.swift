import KubeJSON
import Testing

@Suite struct JSONPatchTests {
    private func json(_ text: String) -> JSONValue {
        try! JSONValue(parsing: text)
    }

    /// RFC 6902 Appendix A examples that succeed: (section, document, patch, expected).
    static let successes: [(String, String, String, String)] = [
        ("A.1", #"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz","value":"qux"}]"#, #"{"baz":"qux","foo":"bar"}"#),
        ("A.2", #"{"foo":["bar","baz"]}"#, #"[{"op":"add","path":"/foo/1","value":"qux"}]"#,
            #"{"foo":["bar","qux","baz"]}"#),
        ("A.3", #"{"baz":"qux","foo":"bar"}"#, #"[{"op":"remove","path":"/baz"}]"#, #"{"foo":"bar"}"#),
        ("A.4", #"{"foo":["bar","qux","baz"]}"#, #"[{"op":"remove","path":"/foo/1"}]"#, #"{"foo":["bar","baz"]}"#),
        ("A.5", #"{"baz":"qux","foo":"bar"}"#, #"[{"op":"replace","path":"/baz","value":"boo"}]"#,
            #"{"baz":"boo","foo":"bar"}"#),
        ("A.6", #"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#,
            #"[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]"#,
            #"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#),
        ("A.7", #"{"foo":["all","grass","cows","eat"]}"#, #"[{"op":"move","from":"/foo/1","path":"/foo/3"}]"#,
            #"{"foo":["all","cows","eat","grass"]}"#),
        ("A.8", #"{"baz":"qux","foo":["a",2,"c"]}"#,
            #"[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]"#,
            #"{"baz":"qux","foo":["a",2,"c"]}"#),
        ("A.10", #"{"foo":"bar"}"#, #"[{"op":"add","path":"/child","value":{"grandchild":{}}}]"#,
            #"{"foo":"bar","child":{"grandchild":{}}}"#),
        ("A.11", #"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz","value":"qux","xyz":123}]"#,
            #"{"foo":"bar","baz":"qux"}"#),
        ("A.14", #"{"/":9,"~1":10}"#, #"[{"op":"test","path":"/~01","value":10}]"#, #"{"/":9,"~1":10}"#),
        ("A.16", #"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/-","value":["abc","def"]}]"#,
            #"{"foo":["bar",["abc","def"]]}"#),
    ]

    @Test func rfc6902AppendixASuccesses() throws {
        for (section, document, patch, expected) in Self.successes {
            let result = try JSONPatch.apply(json(patch), to: json(document))
            #expect(result == json(expected), "RFC 6902 \(section)")
        }
    }

    @Test func rfc6902A9TestFailure() {
        let document = json(#"{"baz":"qux"}"#)
        #expect(throws: JSONPatchError(.testFailed(path: "/baz", expected: "bar", actual: "qux"), operationIndex: 0, operation: "test")) {
            try JSONPatch.apply(json(#"[{"op":"test","path":"/baz","value":"bar"}]"#), to: document)
        }
    }

    @Test func rfc6902A12AddToNonexistentTarget() {
        let error = JSONPointerError(.noSuchMember(token: "baz"), pointer: "/baz/bat")
        #expect(throws: JSONPatchError(.target(error), operationIndex: 0, operation: "add")) {
            try JSONPatch.apply(json(#"[{"op":"add","path":"/baz/bat","value":"qux"}]"#), to: json(#"{"foo":"bar"}"#))
        }
    }

    /// A.13 repeats "op"; the parser keeps the last value, so this is a `remove` of a missing member: an error.
    @Test func rfc6902A13InvalidPatchDocument() {
        let patch = json(#"[{"op":"add","path":"/baz","value":"qux","op":"remove"}]"#)
        #expect(throws: JSONPatchError.self) { try JSONPatch.apply(patch, to: json(#"{"foo":"bar"}"#)) }
    }

    @Test func rfc6902A15StringsAndNumbersDiffer() {
        #expect(throws: JSONPatchError(.testFailed(path: "/~01", expected: "10", actual: 10), operationIndex: 0, operation: "test")) {
            try JSONPatch.apply(json(#"[{"op":"test","path":"/~01","value":"10"}]"#), to: json(#"{"/":9,"~1":10}"#))
        }
    }

    @Test func copyReplaceRootAndNumbersByValue() throws {
        let doc = json(#"{"a":{"b":[1,2]},"n":1.0}"#)
        let copied = try JSONPatch.apply(json(#"[{"op":"copy","from":"/a/b","path":"/c"},{"op":"add","path":"/a/b/0","value":0}]"#), to: doc)
        #expect(copied == json(#"{"a":{"b":[0,1,2]},"n":1.0,"c":[1,2]}"#))
        #expect(try JSONPatch.apply(json(#"[{"op":"replace","path":"","value":[1]}]"#), to: doc) == [1])
        #expect(try JSONPatch.apply(json(#"[{"op":"add","path":"","value":{"x":null}}]"#), to: doc) == ["x": nil])
        #expect(try JSONPatch.apply(json(#"[{"op":"test","path":"/n","value":1}]"#), to: doc) == doc)
        #expect(try JSONPatch.apply(json(#"[{"op":"test","path":"","value":{"n":1e0,"a":{"b":[1,2.0]}}}]"#), to: doc) == doc)
        #expect(try JSONPatch.apply(json(#"[{"op":"move","from":"/a","path":"/a"}]"#), to: doc) == doc)
        #expect(try JSONPatch.apply(json(#"[{"op":"add","path":"/a/b/2","value":3}]"#), to: doc)["a"]?["b"] == [1, 2, 3])
        #expect(try JSONPatch.apply(json(#"[{"op":"add","path":"/n","value":"x"}]"#), to: doc).objectValue?.keys == ["a", "n"])
        #expect(try JSONPatch.apply(json(#"[{"op":"add","path":"/a/b/0","value":null}]"#), to: doc)["a"]?["b"] == [nil, 1, 2])
    }

    @Test func failuresLeaveTheDocumentUnchanged() {
        let doc = json(#"{"a":[1,2,3]}"#)
        let patch = json(#"[{"op":"remove","path":"/a/0"},{"op":"add","path":"/b","value":1},{"op":"remove","path":"/zzz"}]"#)
        #expect(throws: JSONPatchError(.target(JSONPointerError(.noSuchMember(token: "zzz"), pointer: "/zzz")), operationIndex: 2, operation: "remove")) {
            try JSONPatch.apply(patch, to: doc)
        }
        #expect(doc == json(#"{"a":[1,2,3]}"#))
    }

    @Test func applyErrorsNameTheOperationAndPointer() {
        let doc = json(#"{"a":[1,2,3],"s":"x"}"#)
        func check(_ patch: String, _ expected: JSONPatchError, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(throws: expected, sourceLocation: sourceLocation) { try JSONPatch.apply(json(patch), to: doc) }
        }
        check(#"[{"op":"add","path":"/a/4","value":0}]"#,
            JSONPatchError(.target(JSONPointerError(.indexOutOfRange(index: 4, count: 3), pointer: "/a/4")), operationIndex: 0, operation: "add"))
        check(#"[{"op":"add","path":"/a/01","value":0}]"#,
            JSONPatchError(.target(JSONPointerError(.invalidArrayIndex(token: "01"), pointer: "/a/01")), operationIndex: 0, operation: "add"))
        check(#"[{"op":"remove","path":"/a/-"}]"#,
            JSONPatchError(.target(JSONPointerError(.indexOutOfRange(index: 3, count: 3), pointer: "/a/-")), operationIndex: 0, operation: "remove"))
        check(#"[{"op":"replace","path":"/nope","value":0}]"#,
            JSONPatchError(.target(JSONPointerError(.noSuchMember(token: "nope"), pointer: "/nope")), operationIndex: 0, operation: "replace"))
        check(#"[{"op":"add","path":"/s/x","value":0}]"#,
            JSONPatchError(.target(JSONPointerError(.notAContainer(token: "x", typeName: "string"), pointer: "/s/x")), operationIndex: 0, operation: "add"))
        check(#"[{"op":"move","from":"/a","path":"/a/0"}]"#,
            JSONPatchError(.moveIntoDescendant(from: "/a", path: "/a/0"), operationIndex: 0, operation: "move"))
        check(#"[{"op":"copy","from":"/x","path":"/y"}]"#,
            JSONPatchError(.target(JSONPointerError(.noSuchMember(token: "x"), pointer: "/x")), operationIndex: 0, operation: "copy"))
        check(#"[{"op":"remove","path":""}]"#, JSONPatchError(.cannotRemoveRoot, operationIndex: 0, operation: "remove"))
        check(#"[{"op":"test","path":"/zz","value":1}]"#,
            JSONPatchError(.target(JSONPointerError(.noSuchMember(token: "zz"), pointer: "/zz")), operationIndex: 0, operation: "test"))
    }

    @Test func parseErrorsNameTheIndexAndField() {
        func check(_ patch: String, _ expected: JSONPatchError, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(throws: expected, sourceLocation: sourceLocation) { try JSONPatch(json(patch)) }
        }
        check(#"{"op":"add"}"#, JSONPatchError(.patchNotAnArray(typeName: "object")))
        check(#"[1]"#, JSONPatchError(.operationNotAnObject(typeName: "number"), operationIndex: 0))
        check(#"[{"path":"/a"}]"#, JSONPatchError(.missingField("op"), operationIndex: 0))
        check(#"[{"op":1,"path":"/a"}]"#, JSONPatchError(.invalidField("op", expected: "string"), operationIndex: 0))
        check(#"[{"op":"test","path":"/a","value":1},{"op":"frob","path":"/a"}]"#,
            JSONPatchError(.unknownOperation("frob"), operationIndex: 1, operation: "frob"))
        check(#"[{"op":"add","path":"/a"}]"#, JSONPatchError(.missingField("value"), operationIndex: 0, operation: "add"))
        check(#"[{"op":"remove"}]"#, JSONPatchError(.missingField("path"), operationIndex: 0, operation: "remove"))
        check(#"[{"op":"move","path":"/a"}]"#, JSONPatchError(.missingField("from"), operationIndex: 0, operation: "move"))
        check(#"[{"op":"copy","from":3,"path":"/a"}]"#,
            JSONPatchError(.invalidField("from", expected: "string"), operationIndex: 0, operation: "copy"))
        check(#"[{"op":"replace","path":"a","value":1}]"#,
            JSONPatchError(.invalidPointer(field: "path", JSONPointerError(.missingLeadingSlash, pointer: "a")), operationIndex: 0, operation: "replace"))
        #expect(throws: Never.self) { try JSONPatch(json(#"[{"op":"add","path":"/a","value":null}]"#)) }
        #expect(throws: JSONPatchError.self) { try JSONPatch(parsing: "[{") }
    }

    @Test func errorDescriptions() {
        let error = JSONPatchError(.missingField("value"), operationIndex: 3, operation: "replace")
        #expect(error.description == #"JSON patch operation 3 (replace): missing field "value""#)
        let target = JSONPatchError(.target(JSONPointerError(.noSuchMember(token: "b"), pointer: "/a/b")), operationIndex: 0, operation: "remove")
        #expect(target.description == #"JSON patch operation 0 (remove): JSON pointer "/a/b": no member named "b""#)
    }

    @Test func operationsRoundTripThroughJSON() throws {
        let text = #"[{"op":"add","path":"/a~1b","value":{"x":[1]}},{"op":"remove","path":"/c/0"},{"op":"replace","path":"","value":null},{"op":"move","from":"/d","path":"/e"},{"op":"copy","from":"/f","path":"/g/-"},{"op":"test","path":"/h","value":"~"}]"#
        let patch = try JSONPatch(parsing: text)
        #expect(patch.operations.count == 6)
        #expect(patch.jsonValue.serializedString() == text)
        #expect(try JSONPatch(patch.jsonValue) == patch)
    }
}
