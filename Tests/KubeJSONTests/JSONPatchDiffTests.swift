import KubeJSON
import Testing

@Suite("JSON patch diff")
struct JSONPatchDiffTests {
    static let cases: [(JSONValue, JSONValue)] = [
        (["a": 1], ["a": 2]),
        (["a": 1, "b": ["c": "x"]], ["b": ["c": "y", "d": true]]),
        (["list": [1, 2, 3]], ["list": [1, 5, 3]]),
        (["list": [1, 2, 3]], ["list": [1]]),
        (["spec": ["containers": [["name": "c", "image": "a"]]]], ["spec": ["containers": [["name": "c", "image": "b"]]]]),
        (["a/b": ["~k": 1]], ["a/b": ["~k": 2]]),
        ([:], ["metadata": ["labels": ["x": "y"]]]),
        (["x": nil], ["x": "now a string"]),
    ]

    @Test(arguments: 0..<cases.count)
    func diffThenApplyGivesTheTarget(index: Int) throws {
        let (source, target) = Self.cases[index]
        let patch = JSONPatch.diff(from: source, to: target)
        #expect(try patch.apply(to: source) == target)
    }

    @Test func equalDocumentsNeedNoOperations() {
        #expect(JSONPatch.diff(from: ["a": [1, 2]], to: ["a": [1, 2]]).operations.isEmpty)
    }

    @Test func changesAreMinimal() {
        let patch = JSONPatch.diff(from: ["spec": ["image": "a", "replicas": 3]], to: ["spec": ["image": "b", "replicas": 3]])
        #expect(patch.jsonValue == [["op": "replace", "path": "/spec/image", "value": "b"]])
    }
}
