import KubeJSON
import Testing

@Suite struct JSONMergePatchTests {
    private func json(_ text: String) -> JSONValue {
        try! JSONValue(parsing: text)
    }

    /// RFC 7386 Appendix A: original, patch, result.
    static let vectors: [(String, String, String)] = [
        (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
        (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
        (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
        (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
        (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
        (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
        (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
        (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
        (#"{"a":"foo"}"#, #"null"#, #"null"#),
        (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
        (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
        (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
        (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
    ]

    @Test func rfc7386AppendixA() {
        for (original, patch, result) in Self.vectors {
            #expect(JSONMergePatch.apply(json(patch), to: json(original)) == json(result), "\(original) + \(patch)")
        }
    }

    @Test func rfc7386Section3Example() {
        let target = json(#"{"title":"Goodbye!","author":{"givenName":"John","familyName":"Doe"},"tags":["example","sample"],"content":"This will be unchanged"}"#)
        let patch = json(#"{"title":"Hello!","phoneNumber":"+01-123-456-7890","author":{"familyName":null},"tags":["example"]}"#)
        let result = JSONMergePatch.apply(patch, to: target)
        #expect(result.serializedString() == #"{"title":"Hello!","author":{"givenName":"John"},"tags":["example"],"content":"This will be unchanged","phoneNumber":"+01-123-456-7890"}"#)
    }

    @Test func createIsMinimal() {
        let original = json(#"{"a":1,"b":{"c":[1,2],"d":"x","e":{"f":1}},"g":"keep","h":true}"#)
        let modified = json(#"{"a":1,"b":{"c":[1,2,3],"d":"x","e":{"f":1}},"g":"keep","i":{"j":null}}"#)
        let patch = JSONMergePatch.create(from: original, to: modified)
        #expect(patch.serializedString() == #"{"b":{"c":[1,2,3]},"h":null,"i":{"j":null}}"#)
        #expect(JSONMergePatch.create(from: original, to: original) == .emptyObject)
        #expect(JSONMergePatch.create(from: json("[1]"), to: json("[1]")) == [1])
        #expect(JSONMergePatch.create(from: json("1"), to: json(#"{"a":1}"#)) == ["a": 1])
        #expect(JSONMergePatch.create(from: json(#"{"a":1.0}"#), to: json(#"{"a":1}"#)) == .emptyObject)
        #expect(JSONMergePatch.create(from: json(#"{"a":{"b":1}}"#), to: json(#"{"a":[1]}"#)) == ["a": [1]])
    }

    @Test func applyKeepsTargetOrder() {
        let target = json(#"{"z":1,"y":{"b":1,"a":2},"x":3}"#)
        let patch = json(#"{"new":0,"y":{"a":5,"c":6},"z":null}"#)
        #expect(JSONMergePatch.apply(patch, to: target).serializedString() == #"{"y":{"b":1,"a":5,"c":6},"x":3,"new":0}"#)
    }

    @Test func createThenApplyReproducesTheTarget() {
        var cases = 0
        for seed in UInt64(1)...1500 {
            var random = RandomJSON(seed: seed)
            random.allowNull = false
            let a = JSONValue.object(random.object())
            let b = seed % 3 == 0 ? JSONValue.object(random.object()) : random.mutate(a)
            let patch = JSONMergePatch.create(from: a, to: b)
            let applied = JSONMergePatch.apply(patch, to: a)
            #expect(applied == b, "seed \(seed): patch \(patch)")
            #expect(JSONMergePatch.create(from: b, to: b) == .emptyObject)
            if a == b { #expect(patch == .emptyObject) }
            cases += 1
        }
        #expect(cases == 1500)
    }
}
