import KubeJSON
import Testing

@Suite struct JSONParserTests {
    @Test func parsesScalarsAndContainers() throws {
        let value = try JSONValue(parsing: #"{"a":1,"b":[true,false,null],"c":"x\ny","d":-1.50e3,"e":{}}"#)
        #expect(value["a"] == .int(1))
        #expect(value["b"] == [true, false, nil])
        #expect(value["c"] == "x\ny")
        #expect(value["d"]?.doubleValue == -1500)
        #expect(value.serializedString() == #"{"a":1,"b":[true,false,null],"c":"x\ny","d":-1.50e3,"e":{}}"#)
    }
}
