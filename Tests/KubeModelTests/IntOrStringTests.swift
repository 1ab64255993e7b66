import KubeJSON
import KubeModel
import Testing

@Suite("IntOrString")
struct IntOrStringTests {
    /// (value, total, roundUp, expected): kruise-features.md §2.2, ceil/floor of percent × total / 100.
    static let scaledCases: [(IntOrString, Int, Bool, Int)] = [
        (.int(5), 100, true, 5), (.int(5), 100, false, 5), (.int(0), 10, true, 0),
        ("50%", 10, true, 5), ("50%", 5, true, 3), ("50%", 5, false, 2),
        ("99.5%", 200, true, 199), ("99.5%", 3, true, 3), ("99.5%", 3, false, 2),
        ("0%", 10, true, 0), ("100%", 7, true, 7), ("100%", 7, false, 7),
        ("33%", 10, true, 4), ("33%", 10, false, 3), ("20%", 3, true, 1), ("20%", 3, false, 0),
        ("25%", 0, true, 0), ("12.5%", 8, true, 1), ("12.5%", 9, true, 2), ("12.5%", 9, false, 1),
        ("150%", 4, true, 6),
    ]

    @Test("scaledValue rounds percents up or down", arguments: Self.scaledCases)
    func scaledValue(value: IntOrString, total: Int, roundUp: Bool, expected: Int) throws {
        #expect(try value.scaledValue(total: total, roundUp: roundUp) == expected)
    }

    @Test("strings that are not percentages are errors", arguments: ["5", "abc%", "%", "5.5.5%", "1e2%", "", "50 %"])
    func notPercent(text: String) {
        #expect(throws: FieldError.self) { try IntOrString.string(text).scaledValue(total: 10, roundUp: true) }
    }

    @Test func notPercentMessage() {
        #expect(throws: FieldError(field: "", message: "invalid value for IntOrString: invalid type: string is not a percentage")) {
            try IntOrString.string("5").scaledValue(total: 10, roundUp: true)
        }
    }

    /// (value, replicas, expected): the CloneSet partition rule of kruise-features.md §2.2.
    static let partitionCases: [(IntOrString, Int, Int)] = [
        ("99%", 4, 3), ("100%", 4, 4), ("50%", 4, 2), ("0%", 4, 0), ("99%", 1, 1), ("50%", 1, 1), ("50%", 0, 0),
        ("95%", 10, 9), ("91%", 10, 9), ("90%", 10, 9), ("89%", 10, 9), ("1%", 2, 1), ("99.9%", 3, 2),
        ("100%", 1, 1), (.int(10), 5, 5), (.int(-1), 5, 0), (.int(5), 5, 5), (.int(3), 5, 3), ("200%", 5, 5),
    ]

    @Test("partition(replicas:)", arguments: Self.partitionCases)
    func partition(value: IntOrString, replicas: Int, expected: Int) throws {
        #expect(try value.partition(replicas: replicas) == expected)
    }

    @Test func json() throws {
        #expect(try IntOrString(json: .int(5)) == .int(5))
        #expect(try IntOrString(json: .string("50%")) == .string("50%"))
        #expect(IntOrString.int(3).json == .int(3))
        #expect(IntOrString.string("25%").json == .string("25%"))
        #expect(throws: FieldError.self) { try IntOrString(json: JSONValue(parsing: "1.5")) }
        #expect(throws: FieldError.self) { try IntOrString(json: .bool(true)) }
        #expect(throws: FieldError.self) { try IntOrString(json: .int(1 << 40)) }
        #expect(IntOrString.int(7).description == "7")
        #expect(IntOrString.string("7%").description == "7%")
        #expect(IntOrString.string("7%").isPercent)
        #expect(!IntOrString.int(7).isPercent)
    }
}
