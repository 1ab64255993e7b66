import Synchronization
import KubeJSON
import KruiseTestSupport
import Testing

@Suite struct PackedJSONTests {
    /// Every read of a packed object agrees with the tree it was packed from, level by level, and the
    /// packed value writes the same bytes with every writer option.
    @Test func packedObjectsReadAsTheirTrees() throws {
        for seed in UInt64(1)...1500 {
            var random = RandomJSON(seed: seed)
            random.maxDepth = 5
            let tree = JSONValue.object(random.object())
            let packed = JSONValue.object(tree.objectValue!.packed())
            #expect(packed.objectValue!.isPacked)
            Self.expectSameReads(packed, tree, seed: seed)
            for (name, options) in JSONRoundTripTests.optionSets {
                #expect(packed.serialized(options: options) == tree.serialized(options: options), "seed \(seed), \(name)")
            }
            #expect(packed == tree, "seed \(seed)")
            #expect(tree == packed, "seed \(seed)")
            #expect(packed.hashValue == tree.hashValue, "seed \(seed)")
        }
    }

    /// A packed object compared with ordinary members (read from its text) answers as the two trees do: for
    /// variations of the tree (changed, removed, added members), for its members in another order, for numbers
    /// spelled differently, and for objects too large to match members by scanning.
    @Test func packedObjectsCompareWithTreesAsTreesDo() throws {
        for seed in UInt64(1)...1500 {
            var random = RandomJSON(seed: seed)
            random.maxDepth = 4
            let tree = JSONValue.object(random.object())
            let packed = JSONValue.object(tree.objectValue!.packed())
            let variant = random.mutate(tree)
            #expect((packed == variant) == (tree == variant), "seed \(seed)")
            #expect((variant == packed) == (variant == tree), "seed \(seed)")
            let reordered = JSONValue.object(JSONObject(tree.objectValue!.members.reversed().map { ($0.key, $0.value) }))
            #expect(packed == reordered, "seed \(seed)")
        }
        let spelled: JSONValue = ["a": ["b": .number(JSONNumber("1.0")!)], "c": [1, "x"]]
        let one: JSONValue = ["a": ["b": 1], "c": [1, "x"]]
        let packedOne = JSONValue.object(one.objectValue!.packed())
        #expect(packedOne == spelled)
        #expect(packedOne != ["a": ["b": 1], "c": [1, "y"]])
        #expect(packedOne != ["a": ["b": 1], "c": [1]])
        #expect(packedOne != ["a": ["b": 1]])
        var large = JSONObject()
        for index in 0..<40 { large["key-\(index)"] = .string("value \(index)") }
        let packedLarge = JSONValue.object(large.packed())
        #expect(packedLarge == .object(large))
        var changed = large
        changed["key-39"] = "other"
        #expect(packedLarge != .object(changed))
        let escaped: JSONValue = ["k\"ey": "va\\lue\n", "plain": "x"]
        let packedEscaped = JSONValue.object(escaped.objectValue!.packed())
        #expect(packedEscaped == ["plain": "x", "k\"ey": "va\\lue\n"])
        #expect(packedEscaped != ["plain": "x", "k\"ey": "va\\lue"])
    }

    /// Walks both values through the public reads only, so that every decoding path of the packed form runs.
    private static func expectSameReads(_ packed: JSONValue, _ tree: JSONValue, seed: UInt64) {
        switch (packed, tree) {
        case (.object(let p), .object(let t)):
            #expect(p.count == t.count, "seed \(seed)")
            #expect(p.isEmpty == t.isEmpty, "seed \(seed)")
            #expect(p.keys == t.keys, "seed \(seed)")
            for (position, member) in t.members.enumerated() {
                #expect(p.index(forKey: member.key) == position, "seed \(seed) key \(member.key)")
                guard let read = p[member.key] else {
                    Issue.record("seed \(seed): key \(member.key) missing from the packed object")
                    continue
                }
                Self.expectSameReads(read, member.value, seed: seed)
            }
            #expect(p["no such key \u{1}"] == nil)
            for (left, right) in zip(p, t) {
                #expect(left.key == right.key, "seed \(seed)")
            }
        case (.array(let p), .array(let t)):
            #expect(p.count == t.count, "seed \(seed)")
            for (left, right) in zip(p, t) { Self.expectSameReads(left, right, seed: seed) }
        case (.int(let p), .int(let t)):
            #expect(p == t, "seed \(seed)")
        case (.number(let p), .number(let t)):
            #expect(p.text == t.text, "seed \(seed)")
        default:
            #expect(packed == tree, "seed \(seed): \(packed) vs \(tree)")
        }
    }

    /// Changing a packed object gives what the same change gives on the tree, leaves the packed original
    /// alone, and re-packing a mix of changed members and packed children reads back the same.
    @Test func changesToPackedObjectsMatchChangesToTrees() throws {
        for seed in UInt64(1)...1000 {
            var random = RandomJSON(seed: seed)
            random.maxDepth = 4
            let original = JSONValue.object(random.object())
            let packed = JSONValue.object(original.objectValue!.packed())
            var changeRandom = RandomJSON(seed: seed &+ 7_000)
            changeRandom.maxDepth = 4
            let changedTree = changeRandom.mutate(original)
            var changeRandomAgain = RandomJSON(seed: seed &+ 7_000)
            changeRandomAgain.maxDepth = 4
            let changedPacked = changeRandomAgain.mutate(packed)
            #expect(changedPacked == changedTree, "seed \(seed)")
            #expect(changedPacked.serialized() == changedTree.serialized(), "seed \(seed)")
            #expect(packed.serialized() == original.serialized(), "seed \(seed): the packed original changed")

            let repacked = JSONValue.object(changedPacked.objectValue!.packed())
            Self.expectSameReads(repacked, changedTree, seed: seed)
            #expect(repacked.serialized() == changedTree.serialized(), "seed \(seed)")
        }
    }

    @Test func deepChangeKeepsSiblingsPackedAndWritesThrough() throws {
        let pod: JSONValue = [
            "metadata": ["name": "web-0", "labels": ["app": "web"], "annotations": ["a/b": "<x & y>"]],
            "spec": ["containers": [["name": "main", "image": "nginx:1", "ports": [["containerPort": 80]]]]],
            "status": ["phase": "Running", "ratio": 0.25, "big": 123456789012345678, "neg": -42],
        ]
        var packed = JSONValue.object(pod.objectValue!.packed())
        packed["metadata"]?["labels"]?["tier"] = "frontend"
        #expect(packed["metadata"]?["labels"] == ["app": "web", "tier": "frontend"])
        #expect(packed["spec"]?.objectValue?.isPacked == true)
        #expect(packed["status"]?["ratio"] == 0.25)
        #expect(packed["status"]?["big"] == .int(123456789012345678))
        #expect(packed["status"]?["neg"] == .int(-42))
        #expect(packed["metadata"]?["annotations"]?["a/b"] == "<x & y>")
        #expect(
            packed.serializedString()
                == #"{"metadata":{"name":"web-0","labels":{"app":"web","tier":"frontend"},"annotations":{"a/b":"<x & y>"}},"spec":{"containers":[{"name":"main","image":"nginx:1","ports":[{"containerPort":80}]}]},"status":{"phase":"Running","ratio":0.25,"big":123456789012345678,"neg":-42}}"#
        )
        #expect(packed.serializedString(options: JSONWriter.Options(escapeHTML: true)).contains(#"\u003cx \u0026 y\u003e"#))
    }

    @Test func escapedKeysAndStringsAreFound() throws {
        let tree: JSONValue = ["quote\"d": "a\\b", "line\nbreak": "tab\there", "\u{2028}": "x", "é": "ü", "plain": "v"]
        let packed = JSONValue.object(tree.objectValue!.packed())
        #expect(packed["quote\"d"] == "a\\b")
        #expect(packed["line\nbreak"] == "tab\there")
        #expect(packed["\u{2028}"] == "x")
        #expect(packed["é"] == "ü")
        #expect(packed["plain"] == "v")
        #expect(packed["quote"] == nil)
    }

    /// `firstObject(inArray:where:is:)` finds the same item in a packed object as in its tree, by text.
    @Test func firstObjectOfAListIsFoundByItsKey() throws {
        let tree: JSONValue = [
            "conditions": [
                "not an object", ["type": 3], ["status": "True"],
                ["type": "Ready", "status": "False"], ["type": "Ready", "status": "True"],
                ["type": "Es\"caped", "status": "Yes"], ["type": "ReadyToo", "status": "No"],
            ],
            "empty": [], "scalar": "x",
        ]
        let packed = JSONValue.object(tree.objectValue!.packed())
        for value in [tree, packed] {
            let object = try #require(value.objectValue)
            #expect(object.firstObject(inArray: "conditions", where: "type", is: "Ready")?["status"] == "False")
            #expect(object.firstObject(inArray: "conditions", where: "type", is: "Es\"caped")?["status"] == "Yes")
            #expect(object.firstObject(inArray: "conditions", where: "type", is: "ReadyToo")?["status"] == "No")
            #expect(object.firstObject(inArray: "conditions", where: "type", is: "Read") == nil)
            #expect(object.firstObject(inArray: "conditions", where: "type", is: "3") == nil)
            #expect(object.firstObject(inArray: "conditions", where: "kind", is: "Ready") == nil)
            #expect(object.firstObject(inArray: "empty", where: "type", is: "Ready") == nil)
            #expect(object.firstObject(inArray: "scalar", where: "type", is: "Ready") == nil)
            #expect(object.firstObject(inArray: "missing", where: "type", is: "Ready") == nil)
        }
        // A packed result is a view of the item: it reads, and packs on its own, as the tree's item.
        let item = try #require(packed.objectValue?.firstObject(inArray: "conditions", where: "type", is: "Ready"))
        #expect(JSONValue.object(item) == ["type": "Ready", "status": "False"])
    }

    @Test func packedArraysAndEmptyContainers() throws {
        let tree: JSONValue = ["a": [], "o": [:], "n": [[], [:], [1, [2, [3]]]], "s": ""]
        let packed = JSONValue.object(tree.objectValue!.packed())
        #expect(packed == tree)
        #expect(packed["o"]?.objectValue?.isEmpty == true)
        #expect(packed["n"]?[2]?[1]?[1] == [3])
        #expect(JSONValue.object(JSONObject().packed()).serializedString() == "{}")
    }

    /// Parsing straight into packed form gives what parsing a tree and packing it gives, whatever the
    /// input's whitespace and escaping.
    @Test func parsingPackedMatchesParsingTrees() throws {
        for seed in UInt64(1)...1500 {
            var random = RandomJSON(seed: seed)
            random.maxDepth = 5
            let value = random.value()
            for (name, options) in JSONRoundTripTests.optionSets {
                let text = value.serialized(options: options)
                let tree = try JSONValue(parsing: text)
                let packed = try PackedJSON(parsing: text)
                #expect(packed.bytes == tree.serialized(), "seed \(seed), \(name)")
                #expect(packed.root == tree, "seed \(seed), \(name)")
                Self.expectSameReads(packed.root, tree, seed: seed)
            }
        }
    }

    @Test func parsingPackedKeepsTheTreeParsersRules() throws {
        let cases: [String] = [
            #"{"a":1,"b":2,"a":3}"#,  // last one wins, at the first key's place
            #"{"n":-0,"m":-0.0,"big":123456789012345678901234567890,"e":1E+2}"#,
            #" { "s" : "\u003c\u2028\ud800x\/" , "k\u0041" : [ true , false , null ] } "#,
            "[\"é\",\"\u{2028}\",{}]",
            // Escapes the writer makes are copied; any other spelling is written again the writer's way.
            #"{"k:{\"type\":\"Ready\"}":{},"s":"a\\b\nc\rd\te\u0001\u001f"}"#,
            #"["\b","\f","\u001F","\u000a","\u0009","\u000D","\u0020","\/","\u0022","\u005c","\u00e9"]"#,
            // The same key spelled two ways is still the same key; keys of nested objects are their own.
            #"{"a\"":1,"a\u0022":2}"#,
            #"{"a":1,"o":{"a":1,"o":{"a":1}},"b":{},"a":2}"#,
            #"{"o":{"k":1},"k":2,"p":[{"k":3},{"k":4}]}"#,
            "{" + (0..<40).map { #""k\#($0)":{"k\#($0)":\#($0)}"# }.joined(separator: ",") + #","k7":"last"}"#,
        ]
        for text in cases {
            let tree = try JSONValue(parsing: text)
            let packed = try PackedJSON(parsing: Array(text.utf8))
            #expect(packed.bytes == tree.serialized(), "\(text)")
            #expect(packed.root == tree, "\(text)")
        }
        #expect(try PackedJSON(parsing: Array(#"{"a":1,"b":2,"a":3}"#.utf8)).root["a"] == 3)

        let bad: [String] = [
            "", "{", #"{"a"}"#, #"{"a":}"#, "[1,]", #""\x""#, "\"\u{1}\"", "01", "1.", "-", "tru", "{} x",
            #"{"a":1,}"#, String(repeating: "[", count: 600), #""\"#, #""\u00"#, #""\u001"#, #""a\""#, #""\u00g1""#,
        ]
        for text in bad {
            var treeError: JSONParseError? = nil
            do { _ = try JSONValue(parsing: text) } catch { treeError = error }
            var packedError: JSONParseError? = nil
            do { _ = try PackedJSON(parsing: Array(text.utf8)) } catch { packedError = error }
            #expect(treeError != nil, "\(text)")
            #expect(packedError == treeError, "\(text)")
        }
        var invalidUTF8 = Array(#"{"a":"x"#.utf8)
        invalidUTF8 += [0xC3, 0x28, UInt8(ascii: "\""), UInt8(ascii: "}")]
        #expect(throws: JSONParseError.self) { try PackedJSON(parsing: invalidUTF8) }
    }

    /// A document keeps one fact per type, made once; its members and changed copies are not documents.
    @Test func factsAreKeptWithTheDocument() throws {
        let packed = try PackedJSON(parsing: Array(#"{"a":{"b":1}}"#.utf8))
        final class Count: Sendable {
            let value: Int
            init(_ value: Int) { self.value = value }
        }
        final class Name: Sendable {
            let value: String
            init(_ value: String) { self.value = value }
        }
        let made = Mutex(0)
        func count() -> Int {
            packed.memoized(Count.self) {
                made.withLock { $0 += 1 }
                return Count(packed.root["a"]?["b"]?.intValue ?? 0)
            }.value
        }
        #expect(count() == 1 && count() == 1)
        #expect(made.withLock { $0 } == 1)
        #expect(packed.memoized(Name.self) { Name("other") }.value == "other")
        #expect(packed.memoized(Count.self) { Count(99) }.value == 1)
        let root = try #require(packed.root.objectValue)
        #expect(root.packedDocument === packed)
        #expect(root["a"]?.objectValue?.packedDocument == nil)
        var changed = root
        changed["c"] = 2
        #expect(changed.packedDocument == nil)
        #expect(JSONObject().packedDocument == nil)
    }

    /// An item of a packed list, packed again, owns just its own text.
    @Test func itemsOfPackedListsAreExtracted() throws {
        let list = try PackedJSON(parsing: Array(#"{"items":[{"a":{"b":[1,2]}},{"c":"d"}],"metadata":{}}"#.utf8))
        let item = list.root["items"]![0]!.objectValue!
        #expect(item.isPacked)
        let own = item.packed()
        #expect(own.isPacked)
        #expect(JSONValue.object(own).serializedString() == #"{"a":{"b":[1,2]}}"#)
        #expect(own["a"]?["b"] == [1, 2])
        #expect(own == item)
    }

    @Test func unpackedHoldsNoPackedObjects() throws {
        func packedAnywhere(_ value: JSONValue) -> Bool {
            switch value {
            case .object(let object): object.isPacked || object.members.contains { packedAnywhere($0.value) }
            case .array(let elements): elements.contains(where: packedAnywhere)
            default: false
            }
        }
        for seed in UInt64(1)...200 {
            var random = RandomJSON(seed: seed)
            let tree = JSONValue.object(random.object())
            let packed = JSONValue.object(tree.objectValue!.packed())
            let unpacked = packed.unpacked()
            #expect(!packedAnywhere(unpacked), "seed \(seed)")
            #expect(unpacked == tree, "seed \(seed)")
            #expect(unpacked.serialized() == tree.serialized(), "seed \(seed)")
        }
    }
}
