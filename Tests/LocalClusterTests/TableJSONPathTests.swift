import KubeJSON
import LocalCluster
import Testing

@Suite struct TableJSONPathTests {
    let document = try! JSONValue(
        parsing: """
            {"metadata":{"name":"w","labels":{"app":"shop","app.kubernetes.io/name":"widget"},
                         "annotations":{"example.com/x":"y"}},
             "spec":{"replicas":3,"paused":false,"containers":[{"name":"a","image":"i1","port":80},{"name":"b","image":"i2","port":8080}]},
             "status":{"conditions":[{"type":"Synced","status":"False"},{"type":"Ready","status":"True","reason":"Up"}],"ratio":0.25}}
            """
    )

    @Test(arguments: [
        (".spec.replicas", "[3]"),
        ("{.spec.replicas}", "[3]"),
        ("$.spec.replicas", "[3]"),
        (".spec.paused", "[false]"),
        (".metadata.labels.app", #"["shop"]"#),
        (".metadata.labels['app.kubernetes.io/name']", #"["widget"]"#),
        (#".metadata.labels["app.kubernetes.io/name"]"#, #"["widget"]"#),
        (#".metadata.annotations.example\.com/x"#, #"["y"]"#),
        (#".status.conditions[?(@.type=="Ready")].status"#, #"["True"]"#),
        (".status.conditions[?(@.type=='Ready')].reason", #"["Up"]"#),
        (#".status.conditions[?(@.type != "Ready")].type"#, #"["Synced"]"#),
        (".status.conditions[?(@.reason)].type", #"["Ready"]"#),
        (".spec.containers[0].image", #"["i1"]"#),
        (".spec.containers[-1].name", #"["b"]"#),
        (".spec.containers[*].name", #"["a","b"]"#),
        (".spec.containers[?(@.port > 100)].name", #"["b"]"#),
        (".spec.containers[?(@.port<=80)].name", #"["a"]"#),
        (".status.ratio", "[0.25]"),
        (".spec.missing", "[]"),
        (".spec.replicas.deeper", "[]"),
        (".spec.containers[5].name", "[]"),
        (#".status.conditions[?(@.type=="Gone")].status"#, "[]"),
        (".metadata.labels.*", #"["shop","widget"]"#),
    ])
    func evaluates(expression: String, expected: String) throws {
        let path = try JSONPath(parsing: expression)
        #expect(JSONValue.array(path.evaluate(self.document)) == (try JSONValue(parsing: expected)))
        #expect(path.description == expression)
    }

    @Test func firstValueIsWhatAColumnShows() throws {
        #expect(try JSONPath(parsing: ".spec.containers[*].image").firstValue(in: self.document) == "i1")
        #expect(try JSONPath(parsing: ".nope").firstValue(in: self.document) == nil)
    }

    @Test(arguments: [
        "", "spec", ".", ".spec[", ".spec[0", "..spec", ".spec.containers[0:1]", ".spec.containers[0,1]",
        ".spec[?(@.a == )]", ".spec[?(.a)]", "{.spec", ".spec}", ".spec['open]",
    ])
    func rejects(expression: String) {
        #expect(throws: JSONPathError.self) { try JSONPath(parsing: expression) }
    }

    @Test func errorsSayWhereAndWhy() {
        do {
            _ = try JSONPath(parsing: "..spec")
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 1)
            #expect(error.description.contains("recursive descent"))
        }
    }
}
