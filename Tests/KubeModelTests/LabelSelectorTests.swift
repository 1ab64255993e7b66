import KubeJSON
import KubeModel
import Testing

@Suite("LabelSelector")
struct LabelSelectorTests {
    @Test func jsonRoundTrip() throws {
        let text = #"{"matchLabels":{"b":"2","a":"1"},"matchExpressions":[{"key":"tier","operator":"In","values":["web","api"]},{"key":"canary","operator":"DoesNotExist"}]}"#
        let selector = try LabelSelector(json: JSONValue(parsing: text))
        #expect(selector.matchLabels == ["a": "1", "b": "2"])
        #expect(selector.matchExpressions.count == 2)
        #expect(selector.matchExpressions[0] == LabelSelectorRequirement(key: "tier", operator: .in, values: ["web", "api"]))
        #expect(selector.matchExpressions[1].operator == .doesNotExist)
        // Go's form: map keys sorted, struct fields in order, expression and value order kept, empty omitted.
        #expect(
            selector.json.serializedString()
                == #"{"matchLabels":{"a":"1","b":"2"},"matchExpressions":[{"key":"tier","operator":"In","values":["web","api"]},{"key":"canary","operator":"DoesNotExist"}]}"#
        )
        #expect(try LabelSelector(json: selector.json) == selector)
        #expect(LabelSelector().json.serializedString() == "{}")
        #expect(try LabelSelector(json: JSONValue(parsing: #"{"matchLabels":null}"#)) == LabelSelector())
    }

    @Test func jsonErrorsNameTheField() throws {
        #expect(throws: FieldError(field: "matchLabels.a", message: "expected string, got number")) {
            try LabelSelector(json: JSONValue(parsing: #"{"matchLabels":{"a":1}}"#))
        }
        #expect(throws: FieldError(field: "matchExpressions[0].values[1]", message: "expected string, got boolean")) {
            try LabelSelector(json: JSONValue(parsing: #"{"matchExpressions":[{"key":"a","operator":"In","values":["x",true]}]}"#))
        }
        #expect(throws: FieldError.self) { try LabelSelector(json: .array([])) }
    }

    static let nameRegex =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let valueRegex =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

    /// (selector, the errors Go's `ValidateLabelSelector` reports, as `field: message`).
    static let validationCases: [(LabelSelector, [String])] = [
        (LabelSelector(matchLabels: ["app": "web"]), []),
        (LabelSelector(), []),
        (
            LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "a", operator: .in)]),
            ["matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]
        ),
        (
            LabelSelector(matchExpressions: [
                LabelSelectorRequirement(key: "a", operator: .exists),
                LabelSelectorRequirement(key: "b", operator: .notIn),
            ]),
            ["matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]
        ),
        (
            LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "a", operator: .exists, values: ["x"])]),
            ["matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]
        ),
        (
            LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "a", operator: .init(rawValue: "Gt"), values: ["1"])]),
            [#"matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator"#]
        ),
        (
            LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "a b", operator: .exists)]),
            [#"matchExpressions[0].key: Invalid value: "a b": "# + nameRegex]
        ),
        (
            LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "", operator: .exists)]),
            [
                #"matchExpressions[0].key: Invalid value: "": name part must be non-empty"#,
                #"matchExpressions[0].key: Invalid value: "": "# + nameRegex,
            ]
        ),
        (
            LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "a", operator: .in, values: ["ok", "not ok"])]),
            [#"matchExpressions[0].values[1]: Invalid value: "not ok": "# + valueRegex]
        ),
        (
            LabelSelector(matchLabels: ["app": "a b"]),
            [#"matchLabels: Invalid value: "a b": "# + valueRegex]
        ),
        (
            LabelSelector(matchLabels: ["-app": "x"]),
            [#"matchLabels: Invalid value: "-app": "# + nameRegex]
        ),
    ]

    @Test("validation names the field", arguments: Self.validationCases)
    func validate(selector: LabelSelector, expected: [String]) {
        #expect(selector.validate().map(\.description) == expected)
    }

    @Test func placedUnderAPath() {
        let errors = LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "a", operator: .in)]).validate()
        #expect(errors.map { $0.under("selector").under("spec").description } == [
            "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"
        ])
    }

    @Test func conversion() throws {
        // An empty selector selects everything, an absent one nothing.
        #expect(try LabelSelector().asSelector() == .everything)
        #expect(try LabelSelector.selector(for: nil) == .nothing)
        #expect(try !LabelSelector.selector(for: nil).matches([:]))
        #expect(try LabelSelector.selector(for: LabelSelector()).matches(["any": "thing"]))
        let selector = LabelSelector(
            matchLabels: ["app": "web", "env": "prod"],
            matchExpressions: [
                LabelSelectorRequirement(key: "tier", operator: .in, values: ["b", "a"]),
                LabelSelectorRequirement(key: "canary", operator: .doesNotExist),
                LabelSelectorRequirement(key: "zone", operator: .notIn, values: ["z1"]),
                LabelSelectorRequirement(key: "gpu", operator: .exists),
            ]
        )
        #expect(try selector.asSelector().description == "app=web,!canary,env=prod,gpu,tier in (a,b),zone notin (z1)")
        #expect(selector.matches(["app": "web", "env": "prod", "tier": "a", "gpu": "1"]))
        #expect(!selector.matches(["app": "web", "env": "prod", "tier": "a", "gpu": "1", "canary": "yes"]))
        #expect(!selector.matches(["app": "web", "env": "prod", "tier": "c", "gpu": "1"]))
        #expect(!selector.matches(["app": "web", "env": "prod", "tier": "a", "gpu": "1", "zone": "z1"]))
        #expect(!selector.matches(["app": "web", "tier": "a", "gpu": "1"]))
        #expect(try selector.asSelector() == Selector(parsing: "tier in (a,b),app=web,env=prod,!canary,zone notin (z1),gpu"))
    }

    @Test func conversionErrors() {
        #expect(throws: FieldError(field: "operator", message: #""Gt" is not a valid label selector operator"#)) {
            try LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "a", operator: .init(rawValue: "Gt"))]).asSelector()
        }
        #expect(throws: FieldError.self) {
            try LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "a", operator: .in)]).asSelector()
        }
        #expect(throws: FieldError.self) { try LabelSelector(matchLabels: ["a b": "c"]).asSelector() }
        #expect(!LabelSelector(matchLabels: ["a b": "c"]).matches(["a b": "c"]))
    }
}
