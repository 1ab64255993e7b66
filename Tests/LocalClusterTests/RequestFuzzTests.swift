import Dispatch
@testable import LocalCluster
import KruiseTestSupport
import KubeJSON
import KubeModel
import Testing

/// Hostile requests through `APIServer.handle`, in process and with fixed seeds: mutated and malformed bodies in
/// every content type the server reads, wrong JSON types for known fields, invalid names, oversized bodies,
/// malformed query parameters and paths. Every request must be answered (no crash, no hang) with a success or a
/// status kube-apiserver gives for bad input (never a 500), every error must be a `metav1.Status` with a
/// message, and a request that fails (or is read-only, or a dry run) must leave the store as it was.
@Suite struct RequestFuzzTests {
    // MARK: - The cluster under test

    /// One kind the fuzzer writes: where its objects live and a valid object of it.
    struct Kind: Sendable {
        let collection: String
        let group: String
        let resource: String
        let apiVersion: String
        let kind: String
        let make: @Sendable (String) -> JSONValue

        func key(_ name: String) -> ObjectKey {
            ObjectKey(group: self.group, resource: self.resource, namespace: "default", name: name)
        }
    }

    static let pod = Kind(
        collection: "/api/v1/namespaces/default/pods", group: "", resource: "pods", apiVersion: "v1", kind: "Pod"
    ) { name in
        [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": .string(name), "labels": ["app": "fuzz"], "annotations": ["note": "x"]],
            "spec": [
                "containers": [[
                    "name": "c", "image": "nginx:1.25", "ports": [["containerPort": 80, "protocol": "TCP"]],
                    "env": [["name": "A", "value": "1"]],
                    "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]],
                ]],
                "terminationGracePeriodSeconds": 30,
            ],
        ]
    }

    static let configMap = Kind(
        collection: "/api/v1/namespaces/default/configmaps", group: "", resource: "configmaps", apiVersion: "v1",
        kind: "ConfigMap"
    ) { name in
        ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": ["a": "1", "b": "two"]]
    }

    static let deployment = Kind(
        collection: "/apis/apps/v1/namespaces/default/deployments", group: "apps", resource: "deployments",
        apiVersion: "apps/v1", kind: "Deployment"
    ) { name in
        [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": .string(name), "labels": ["app": "web"]],
            "spec": [
                "replicas": 2,
                "selector": ["matchLabels": ["app": "web"]],
                "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": "25%", "maxUnavailable": 1]],
                "template": [
                    "metadata": ["labels": ["app": "web"]],
                    "spec": ["containers": [["name": "nginx", "image": "nginx:1.25"]]],
                ],
            ],
        ]
    }

    static let widget = Kind(
        collection: "/apis/example.com/v1/namespaces/default/widgets", group: "example.com", resource: "widgets",
        apiVersion: "example.com/v1", kind: "Widget"
    ) { name in
        [
            "apiVersion": "example.com/v1", "kind": "Widget",
            "metadata": ["name": .string(name), "labels": ["app": "fuzz"]],
            "spec": ["size": 3, "color": "red", "tags": ["a", "b"], "extra": ["free": ["form": 1]], "port": 80],
        ]
    }

    static let kinds = [Self.pod, Self.configMap, Self.deployment, Self.widget]

    /// The Widget CRD of the schema tests, with a list kind, the status subresource and a status schema.
    static let definition: JSONValue = {
        var crd = APIServerSchemaTests.definition
        crd["spec"]?["names"]?["listKind"] = "WidgetList"
        var version = crd["spec"]?["versions"]?[0] ?? .emptyObject
        version["subresources"] = ["status": .emptyObject]
        version["schema"]?["openAPIV3Schema"]?["properties"]?["status"] =
            ["type": "object", "properties": ["ready": ["type": "boolean"]]]
        crd["spec"]?["versions"] = [version]
        return crd
    }()

    /// A server with the Widget CRD and one `seed` object of every kind.
    static func server() async -> APIServer {
        let server = APIServer(store: ObjectStore())
        await server.bootstrap()
        let crd = await server.handle(
            APIRequest(
                method: "POST",
                target: "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                headers: [("Content-Type", "application/json")],
                body: Self.definition.serialized()
            )
        )
        precondition(crd.status == 201, "the Widget CRD was not created")
        for kind in Self.kinds {
            let created = await server.handle(
                APIRequest(
                    method: "POST",
                    target: kind.collection,
                    headers: [("Content-Type", "application/json")],
                    body: kind.make("seed").serialized()
                )
            )
            precondition(created.status == 201, "seed \(kind.kind) was not created: \(created.status)")
        }
        return server
    }

    static let maximumBody = 3 * 1024 * 1024

    /// Runs the fuzz families' jobs on threads of their own: thousands of CPU-bound requests queued on the
    /// cooperative pool (two threads on our machines) held back suites running beside them that have real
    /// deadlines (the CRI client's 10 s RPC timeout).
    final class QueueExecutor: TaskExecutor {
        let queue: DispatchQueue

        init(_ label: String) {
            self.queue = DispatchQueue(label: label)
        }

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            let executor = self.asUnownedTaskExecutor()
            self.queue.async { job.runSynchronously(on: executor) }
        }
    }

    static let executors = [QueueExecutor("request-fuzz-1"), QueueExecutor("request-fuzz-2")]

    // MARK: - The fuzzer

    /// Sends requests, checks every answer and counts them.
    struct Fuzzer {
        let server: APIServer
        var rng: SplitMix64
        var counts: [String: Int] = [:]
        var statuses: [Int: Int] = [:]
        var problems = 0
        /// The slowest requests, for the summary.
        var slowest: [(duration: Duration, what: String)] = []

        init(seed: UInt64) async {
            self.server = await RequestFuzzTests.server()
            self.rng = SplitMix64(seed: seed)
        }

        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self.rng) }
        mutating func chance(_ percent: Int) -> Bool { self.int(0...99) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[self.int(0...(items.count - 1))] }

        /// The statuses kube-apiserver answers bad input with.
        static let clientErrors: Set<Int> = [400, 404, 405, 409, 413, 415, 422]

        /// Sends one request and checks what every answer must satisfy; returns the status and the body.
        @discardableResult
        mutating func send(
            _ family: String,
            _ method: String,
            _ target: String,
            contentType: String? = nil,
            body: [UInt8] = [],
            readOnly: Bool = false,
            allowed extra: Set<Int> = [],
            accept: String = "application/json"
        ) async -> (status: Int, body: JSONValue?) {
            var headers: [(name: String, value: String)] = [("Accept", accept)]
            if let contentType { headers.append(("Content-Type", contentType)) }
            let request = APIRequest(method: method, target: target, headers: headers, body: body)
            let before = self.server.store.resourceVersion
            let started = ContinuousClock.now
            let response = await self.server.handle(request)
            let elapsed = ContinuousClock.now - started
            let after = self.server.store.resourceVersion
            if self.slowest.count < 5 || elapsed > self.slowest[self.slowest.count - 1].duration {
                let what = "\(method) \(target.prefix(80)) \(contentType ?? "-") \(body.count)B \(String(decoding: body.prefix(60), as: UTF8.self).debugDescription) -> \(response.status)"
                self.slowest.append((elapsed, what))
                self.slowest.sort { $0.duration > $1.duration }
                if self.slowest.count > 5 { self.slowest.removeLast() }
            }
            self.counts[family, default: 0] += 1
            self.statuses[response.status, default: 0] += 1
            let status = response.status
            guard let bytes = response.bodyBytes else {
                self.report("a streamed answer", family, request, status)
                return (status, nil)
            }
            let json = try? JSONValue(parsing: bytes)
            if (200..<300).contains(status) {
                if json == nil && response.header("Content-Type") == "application/json" {
                    self.report("a JSON success whose body is not JSON", family, request, status)
                }
                if readOnly && after != before {
                    self.report("a read-only request changed the store", family, request, status)
                }
                return (status, json)
            }
            if !Self.clientErrors.contains(status) && !extra.contains(status) {
                let message = json?["message"]?.stringValue ?? String(decoding: bytes.prefix(300), as: UTF8.self)
                self.report("status \(status) (\(message))", family, request, status)
            }
            if let json {
                if json["kind"] != "Status" || json["apiVersion"] != "v1" || json["status"] != "Failure"
                    || json["code"]?.int64Value != Int64(status)
                {
                    self.report("an error body that is not a failure Status: \(json)", family, request, status)
                }
                if (json["message"]?.stringValue ?? "").isEmpty || (json["reason"]?.stringValue ?? "").isEmpty {
                    self.report("a Status without message or reason: \(json)", family, request, status)
                }
            } else {
                self.report("an error body that is not JSON", family, request, status)
            }
            if response.header("Content-Type") != "application/json" {
                self.report("an error without Content-Type application/json", family, request, status)
            }
            if after != before {
                self.report("a failed request changed the store (\(before) -> \(after))", family, request, status)
            }
            return (status, json)
        }

        mutating func report(_ problem: String, _ family: String, _ request: APIRequest, _ status: Int) {
            self.problems += 1
            guard self.problems <= 25 else { return }
            let body = String(decoding: request.body.prefix(240), as: UTF8.self).debugDescription
            let query = request.query.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            Issue.record(
                """
                [\(family)] \(problem)
                  \(request.method) \(request.path.prefix(200))?\(query.prefix(300)) -> \(status)
                  Content-Type: \(request.header("Content-Type") ?? "-"), \(request.body.count) bytes: \(body)
                """
            )
        }

        /// The stored objects still look like what kube-apiserver would store: a string name valid for the
        /// kind, string labels and annotations, and the apiVersion and kind of their resource.
        func checkStoredObjects() {
            var checked = 0
            for kind in RequestFuzzTests.kinds {
                guard let list = try? self.server.store.list(group: kind.group, resource: kind.resource, namespace: nil)
                else {
                    Issue.record("\(kind.resource) could not be listed")
                    continue
                }
                for item in list.items {
                    checked += 1
                    let object = item.value
                    let name = object["metadata"]?["name"]?.stringValue ?? "<none>"
                    #expect(object["apiVersion"]?.stringValue == kind.apiVersion, "\(kind.kind) \(name)")
                    #expect(object["kind"]?.stringValue == kind.kind, "\(kind.kind) \(name)")
                    #expect(ObjectNameValidation.subdomainErrors(name).isEmpty, "\(kind.kind) \(name.debugDescription)")
                    for map in ["labels", "annotations"] {
                        guard let value = object["metadata"]?[map] else { continue }
                        let allStrings = value.objectValue?.allSatisfy { $0.value.stringValue != nil } ?? false
                        #expect(allStrings, "\(kind.kind) \(name) has metadata.\(map) \(value)")
                    }
                    let metadata = ObjectMeta(object: object["metadata"]?.objectValue ?? JSONObject())
                    #expect(ObjectLifecycle.labelAndAnnotationErrors(metadata).isEmpty, "\(kind.kind) \(name): \(metadata.labels) \(metadata.annotations.keys)")
                }
            }
            #expect(checked >= RequestFuzzTests.kinds.count)
        }

        func summary(_ test: String) {
            let families = self.counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let statuses = self.statuses.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
            print("RequestFuzzTests.\(test): \(self.counts.values.reduce(0, +)) requests [\(families)] statuses [\(statuses)]")
            for slow in self.slowest { print("  slowest: \(slow.duration) \(slow.what)") }
        }

        // MARK: Generators

        /// Tokens that break or bend JSON and YAML.
        static let tokens: [[UInt8]] = [
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00\\ud800", "null", "true", "false",
            "1e999", "-0", "0x10", "1.", ".5", "NaN", "-", "+1", "01", "1e", "\t", "\n", "\r\n", " ", "//", "/*",
            "- ", ": ", "? ", "&a ", "*a", "!!binary ", "!!int ", "!!str ", "---\n", "...\n", "%YAML 1.1\n", "<<: ",
            "|\n", ">-\n", "#", "'", "@", "`", "~", "\u{FEFF}", "\u{2028}", "99999999999999999999999999",
            "-9223372036854775809", "9223372036854775808", "1e-400",
        ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0x85]]

        /// `bytes` with one to four random edits.
        mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
            var b = bytes
            for _ in 0..<self.int(1...4) {
                let position = b.isEmpty ? 0 : self.int(0...(b.count - 1))
                switch self.int(0...11) {
                case 0 where !b.isEmpty: b[position] ^= UInt8(1) << UInt8(self.int(0...7))
                case 1 where !b.isEmpty: b[position] = UInt8(truncatingIfNeeded: self.int(0...255))
                case 2: b.removeSubrange(position...)
                case 3: b.insert(contentsOf: (0..<self.int(1...8)).map { _ in UInt8(truncatingIfNeeded: self.int(0...255)) }, at: position)
                case 4 where !b.isEmpty: b.removeSubrange(position..<min(b.count, position + self.int(1...16)))
                case 5 where !b.isEmpty:
                    let end = min(b.count, position + self.int(1...64))
                    b.insert(contentsOf: Array(b[position..<end]), at: self.int(0...b.count))
                case 6, 7: b.insert(contentsOf: self.pick(Self.tokens), at: position)
                case 8 where b.count > 1:
                    let other = self.int(0...(b.count - 1))
                    b.swapAt(position, other)
                case 9:
                    let depth = self.chance(90) ? self.int(400...700) : self.int(2000...20_000)
                    let open: [UInt8] = self.chance(50) ? [UInt8(ascii: "[")] : Array("{\"a\":".utf8)
                    b.insert(contentsOf: Array([[UInt8]](repeating: open, count: depth).joined()), at: position)
                case 10:
                    b.insert(contentsOf: Array(String(repeating: "9", count: self.int(20...400)).utf8), at: position)
                default:
                    b.insert(contentsOf: Array(String(repeating: "x", count: self.chance(90) ? self.int(100...2000) : self.int(2000...100_000)).utf8), at: position)
                }
            }
            return b
        }

        /// Hostile JSON values: wrong types, huge and odd numbers, long and odd strings, deep nesting.
        mutating func hostileValue() -> JSONValue {
            switch self.int(0...21) {
            case 0: return .int(Int64(self.int(-3...3)))
            case 1: return .int(Int64(bitPattern: self.rng.next()))
            case 2: return .number(JSONNumber(self.pick(["1e400", "-1e400", "99999999999999999999999", "1.5", "2.0", "1e3", "-0.0", "1e-400", "4294967296", "2147483648"]))!)
            case 3: return .bool(self.chance(50))
            case 4: return .null
            case 5: return ""
            case 6: return .string(self.pick(["x", "Upper", "a_b", "-a", "a-", "a..b", ".a", "a/b", "a b", "ü", "a\u{0}b", "\u{FEFF}", "123", "true", "null"]))
            case 7: return .string(String(repeating: "a", count: self.chance(90) ? self.int(64...1000) : self.int(1000...300_000)))
            case 8: return []
            case 9: return [1, "a", nil, [:]]
            case 10: return .emptyObject
            case 11: return ["a": 1, "b": ["c": true]]
            case 12: return ["": ""]
            case 13:
                var value: JSONValue = "leaf"
                for _ in 0..<self.int(10...600) { value = self.chance(50) ? [value] : ["n": value] }
                return value
            case 14: return .array((0..<(self.chance(90) ? self.int(10...200) : self.int(200...20_000))).map { .int(Int64($0)) })
            case 15: return .string(String(decoding: (0..<self.int(1...64)).map { _ in UInt8(self.int(0...0x7F)) }, as: UTF8.self))
            case 16: return ["name": 5, "value": []]
            case 17: return [["name": "x"]]
            case 18: return ["$patch": "delete"]
            case 19: return ["$patch": self.pick(["replace", "merge", "bogus", 5] as [JSONValue])]
            case 20: return ["$retainKeys": ["a", 1]]
            default: return .string(self.pick(["2006-01-02T15:04:05Z", "yesterday", "1m", "100Mi", "-1", "1.5Gi", "abc", "25%", "0x10"]))
            }
        }

        /// Paths of known fields whose values the fuzzer replaces, per kind, plus the paths every object has.
        static let metadataPaths: [[String]] = [
            ["metadata"], ["metadata", "name"], ["metadata", "labels"], ["metadata", "labels", "app"],
            ["metadata", "annotations"], ["metadata", "annotations", "k"], ["metadata", "namespace"],
            ["metadata", "generateName"], ["metadata", "finalizers"], ["metadata", "ownerReferences"],
            ["metadata", "resourceVersion"], ["metadata", "uid"], ["metadata", "creationTimestamp"],
            ["metadata", "deletionTimestamp"], ["metadata", "generation"], ["metadata", "managedFields"],
            ["metadata", "deletionGracePeriodSeconds"], ["apiVersion"], ["kind"], ["status"],
        ]

        static func fieldPaths(_ kind: Kind) -> [[String]] {
            switch kind.kind {
            case "Pod":
                return [
                    ["spec"], ["spec", "containers"], ["spec", "containers", "0"], ["spec", "containers", "0", "name"],
                    ["spec", "containers", "0", "image"], ["spec", "containers", "0", "ports"],
                    ["spec", "containers", "0", "ports", "0", "containerPort"], ["spec", "containers", "0", "env"],
                    ["spec", "containers", "0", "resources", "requests", "cpu"], ["spec", "containers", "0", "resources"],
                    ["spec", "terminationGracePeriodSeconds"], ["spec", "nodeName"], ["spec", "nodeSelector"],
                    ["spec", "tolerations"], ["spec", "affinity"], ["spec", "restartPolicy"], ["spec", "hostNetwork"],
                    ["spec", "initContainers"], ["spec", "volumes"], ["status", "phase"], ["status", "startTime"],
                ]
            case "ConfigMap":
                return [["data"], ["data", "a"], ["binaryData"], ["binaryData", "b"], ["immutable"]]
            case "Deployment":
                return [
                    ["spec"], ["spec", "replicas"], ["spec", "selector"], ["spec", "selector", "matchLabels"],
                    ["spec", "selector", "matchExpressions"], ["spec", "template"], ["spec", "template", "metadata"],
                    ["spec", "template", "metadata", "labels"], ["spec", "template", "spec", "containers"],
                    ["spec", "strategy"], ["spec", "strategy", "rollingUpdate", "maxSurge"], ["spec", "paused"],
                    ["spec", "revisionHistoryLimit"], ["spec", "minReadySeconds"], ["status", "replicas"],
                ]
            default:
                return [
                    ["spec"], ["spec", "size"], ["spec", "color"], ["spec", "name"], ["spec", "tags"], ["spec", "extra"],
                    ["spec", "port"], ["status", "ready"],
                ]
            }
        }

        /// The JSON type of the field at `path` of `kind`, where the fuzzer knows it.
        static func jsonType(of path: [String], in kind: Kind) -> String? {
            let common: [[String]: String] = [
                ["metadata"]: "object", ["metadata", "name"]: "string", ["metadata", "labels"]: "object",
                ["metadata", "labels", "app"]: "string", ["metadata", "annotations"]: "object",
                ["metadata", "annotations", "k"]: "string", ["metadata", "namespace"]: "string",
                ["metadata", "generateName"]: "string", ["metadata", "finalizers"]: "array",
                ["metadata", "ownerReferences"]: "array", ["metadata", "resourceVersion"]: "string",
                ["metadata", "uid"]: "string", ["metadata", "generation"]: "integer",
                ["metadata", "managedFields"]: "array", ["metadata", "deletionGracePeriodSeconds"]: "integer",
                ["apiVersion"]: "string", ["kind"]: "string",
            ]
            if let type = common[path] { return type }
            let specific: [String: [[String]: String]] = [
                "Pod": [
                    ["spec"]: "object", ["spec", "containers"]: "array", ["spec", "containers", "0"]: "object",
                    ["spec", "containers", "0", "name"]: "string", ["spec", "containers", "0", "image"]: "string",
                    ["spec", "containers", "0", "ports"]: "array", ["spec", "containers", "0", "env"]: "array",
                    ["spec", "terminationGracePeriodSeconds"]: "integer", ["spec", "nodeName"]: "string",
                    ["spec", "nodeSelector"]: "object", ["spec", "tolerations"]: "array", ["spec", "affinity"]: "object",
                    ["spec", "restartPolicy"]: "string", ["spec", "hostNetwork"]: "boolean", ["status", "phase"]: "string",
                ],
                "ConfigMap": [["data"]: "object", ["data", "a"]: "string", ["binaryData"]: "object", ["immutable"]: "boolean"],
                "Deployment": [
                    ["spec"]: "object", ["spec", "replicas"]: "integer", ["spec", "selector"]: "object",
                    ["spec", "template"]: "object", ["spec", "paused"]: "boolean", ["spec", "minReadySeconds"]: "integer",
                ],
                "Widget": [["spec"]: "object", ["spec", "size"]: "integer", ["spec", "color"]: "string", ["spec", "tags"]: "array"],
            ]
            return specific[kind.kind]?[path]
        }

        /// `integer` for integer literals, else the JSON type name.
        static func jsonType(of value: JSONValue) -> String {
            switch value {
            case .int: "integer"
            case .number(let number): number.text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? "number" : "big integer"
            case .bool: "boolean"
            default: value.typeName
            }
        }

        /// `value` with the member at `path` set (array indices as decimal components).
        static func setting(_ replacement: JSONValue?, at path: ArraySlice<String>, in value: JSONValue) -> JSONValue {
            guard let first = path.first else { return replacement ?? .null }
            let rest = path.dropFirst()
            if case .array(var elements) = value, let index = Int(first), elements.indices.contains(index) {
                elements[index] = Self.setting(replacement, at: rest, in: elements[index])
                return .array(elements)
            }
            var copy = value
            if rest.isEmpty {
                copy[first] = replacement
            } else {
                copy[first] = Self.setting(replacement, at: rest, in: value[first] ?? .emptyObject)
            }
            return copy
        }

        /// A random JSON value for merge patches and apply configurations.
        mutating func randomValue(depth: Int = 0) -> JSONValue {
            switch self.int(0...(depth >= 4 ? 4 : 7)) {
            case 0: return .null
            case 1: return .bool(self.chance(50))
            case 2: return .int(Int64(self.int(-5...100)))
            case 3: return .string(self.pick(["a", "", "x-y", "Ω", "$patch", "delete", "name", "10%", "1Gi"]))
            case 4: return self.hostileValue()
            case 5:
                return .array((0..<self.int(0...4)).map { _ in self.randomValue(depth: depth + 1) })
            default:
                var object = JSONObject()
                for _ in 0..<self.int(0...4) {
                    let key = self.pick([
                        "metadata", "spec", "status", "labels", "annotations", "name", "containers", "image", "data",
                        "replicas", "$patch", "$retainKeys", "$setElementOrder/containers", "$deleteFromPrimitiveList/finalizers",
                        "finalizers", "env", "ports", "size", "tags", "a", "", "apiVersion", "kind", "selector", "template",
                    ])
                    object[key] = self.randomValue(depth: depth + 1)
                }
                return .object(object)
            }
        }

        /// A random JSON pointer into a typical object.
        mutating func randomPointer() -> String {
            let parts = (0..<self.int(0...5)).map { _ in
                self.pick(["metadata", "labels", "annotations", "spec", "containers", "0", "1", "-", "name", "data", "a",
                           "replicas", "template", "~0", "~1", "~2", "~", "", "00", "99999999999999999999", "-1", "status",
                           "size", "tags", "finalizers", "x"])
            }
            return parts.isEmpty && self.chance(50) ? "" : "/" + parts.joined(separator: "/")
        }

        /// A random JSON patch document.
        mutating func randomJSONPatch() -> JSONValue {
            var operations: [JSONValue] = []
            for _ in 0..<self.int(0...6) {
                var op = JSONObject()
                if self.chance(95) {
                    op["op"] = self.chance(90)
                        ? .string(self.pick(["add", "remove", "replace", "move", "copy", "test"]))
                        : self.pick(["ADD", "", "merge", 1, nil] as [JSONValue])
                }
                if self.chance(95) { op["path"] = self.chance(90) ? .string(self.randomPointer()) : self.hostileValue() }
                if self.chance(50) { op["from"] = self.chance(90) ? .string(self.randomPointer()) : self.hostileValue() }
                if self.chance(70) { op["value"] = self.randomValue() }
                operations.append(self.chance(95) ? .object(op) : self.hostileValue())
            }
            return self.chance(95) ? .array(operations) : self.randomValue()
        }

        /// The current resourceVersion of a seed, as a string.
        func resourceVersion(_ kind: Kind, _ name: String) -> String? {
            self.server.store.get(kind.key(name)).map { String($0.resourceVersion) }
        }
    }

    // MARK: - Families

    @Test("mutated JSON bodies of creates and updates", .timeLimit(.minutes(2)))
    func jsonBodies() async {
        await withTaskExecutorPreference(Self.executors[0]) {
            var fuzz = await Fuzzer(seed: 0x4A53_4F4E)
            for index in 0..<1_500 {
                let kind = fuzz.pick(Self.kinds)
                let update = fuzz.chance(40)
                var body = kind.make(update ? "seed" : "fuzz-\(index)")
                if update, let version = fuzz.resourceVersion(kind, "seed") { body["metadata"]?["resourceVersion"] = .string(version) }
                let bytes = fuzz.mutate(body.serialized())
                let contentType = fuzz.pick(["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", nil] as [String?])
                await fuzz.send(
                    "json", update ? "PUT" : "POST", update ? kind.collection + "/seed" : kind.collection,
                    contentType: contentType, body: bytes
                )
            }
            fuzz.checkStoredObjects()
            fuzz.summary("jsonBodies")
            #expect(fuzz.problems == 0)
        }
    }

    @Test("mutated and hostile YAML bodies", .timeLimit(.minutes(2)))
    func yamlBodies() async {
        await withTaskExecutorPreference(Self.executors[1]) {
            var fuzz = await Fuzzer(seed: 0x5941_4D4C)
            for index in 0..<800 {
                let kind = fuzz.pick(Self.kinds)
                let update = fuzz.chance(40)
                var body = kind.make(update ? "seed" : "yaml-\(index)")
                if update, let version = fuzz.resourceVersion(kind, "seed") { body["metadata"]?["resourceVersion"] = .string(version) }
                let bytes = fuzz.mutate(Array(YAMLWriter.string(for: body).utf8))
                await fuzz.send(
                    "yaml", update ? "PUT" : "POST", update ? kind.collection + "/seed" : kind.collection,
                    contentType: fuzz.pick(["application/yaml", "application/x-yaml", "text/yaml"]), body: bytes
                )
            }
            for (index, document) in Self.hostileYAML.enumerated() {
                let kind = Self.kinds[index % Self.kinds.count]
                await fuzz.send("yaml-crafted", "POST", kind.collection, contentType: "application/yaml", body: Array(document.utf8))
                await fuzz.send(
                    "yaml-crafted", "PATCH", kind.collection + "/seed?fieldManager=fuzz", contentType: "application/apply-patch+yaml",
                    body: Array(document.utf8)
                )
            }
            fuzz.checkStoredObjects()
            fuzz.summary("yamlBodies")
            #expect(fuzz.problems == 0)
        }
    }

    /// Documents aimed at YAML readers: alias bombs, cycles, deep nesting, odd tags, several documents.
    static let hostileYAML: [String] = {
        var documents = [
            "a: &a [*a]\n",
            "&a [*a, *a]\n",
            "metadata: &m {name: x, self: *m}\n",
            "a: &a\n  b: *a\n",
            "a: *undefined\n",
            "a: !!binary not-base64!\n",
            "a: !!int abc\n",
            "a: !!float x\n",
            "a: !!bool maybe\n",
            "a: !!null 1\n",
            "a: !!timestamp nope\n",
            "a: !custom x\n",
            "? [a, b]\n: c\n",
            "? {a: b}\n: c\n",
            "~: x\n",
            "18446744073709551616: x\n",
            "a: 1\na: 2\n",
            "metadata:\n  name: x\n  name: y\n",
            "<<: 5\n",
            "<<: [1, 2]\n",
            "a: .inf\n",
            "a: .nan\n",
            "---\nkind: Pod\n---\nkind: Pod\n",
            "--- !!str\n",
            "%YAML 2.0\n---\na: 1\n",
            "%TAG ! tag:x,2000:\n---\na: !x 1\n",
            "\t a: 1\n",
            "a:\n\t- b\n",
            "\"unterminated\n",
            "'unterminated\n",
            "[1, 2\n",
            "{a: 1\n",
            "a: |\n  text\n b: 1\n",
            "- a\nb: c\n",
            "kind: Pod\u{0}\n",
            "",
            "\n\n# only a comment\n",
            "null\n",
            "[]\n",
            "\"just a string\"\n",
            "12\n",
        ]
        var laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<12 {
            laughs += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        documents.append(laughs)
        documents.append(String(repeating: "[", count: 100_000))
        documents.append(String(repeating: "{a: ", count: 50_000))
        documents.append(String(repeating: "- ", count: 5_000) + "x\n")
        var block = ""
        for depth in 0..<2_000 { block += String(repeating: " ", count: depth) + "a:\n" }
        documents.append(block)
        documents.append("a: " + String(repeating: "x", count: 2_000_000) + "\n")
        documents.append(String(repeating: "k", count: 5_000) + ": v\n")
        documents.append((0..<5_000).map { "k\($0): v" }.joined(separator: "\n"))
        return documents
    }()

    @Test("mutated protobuf bodies", .timeLimit(.minutes(2)))
    func protobufBodies() async {
        await withTaskExecutorPreference(Self.executors[0]) {
            var fuzz = await Fuzzer(seed: 0x7072_6F74)
            let bodies: [(path: String, bytes: [UInt8])] = [
                ("/api/v1/namespaces", ProtobufRecordingTests.createNamespace),
                ("/apis/apps/v1/namespaces/default/deployments", ProtobufRecordingTests.createDeployment),
                ("/apis/batch/v1/namespaces/default/jobs", ProtobufRecordingTests.createJob),
                ("/api/v1/namespaces/default/secrets", ProtobufRecordingTests.createSecret),
            ]
            let targets = bodies.map(\.path) + Self.kinds.map(\.collection)
            for index in 0..<2_000 {
                let body = fuzz.pick(bodies)
                var bytes = fuzz.mutate(body.bytes)
                if index % 10 == 0 { bytes = Array(bytes.dropFirst(4)) }
                let target = fuzz.chance(80) ? body.path : fuzz.pick(targets)
                let method = fuzz.chance(85) ? "POST" : "PUT"
                await fuzz.send(
                    "protobuf", method, method == "PUT" ? target + "/seed" : target,
                    contentType: "application/vnd.kubernetes.protobuf", body: bytes
                )
            }
            fuzz.summary("protobufBodies")
            #expect(fuzz.problems == 0)
        }
    }

    @Test("wrong types, odd values and unknown fields in known places", .timeLimit(.minutes(2)))
    func typedFields() async {
        await withTaskExecutorPreference(Self.executors[1]) {
            var fuzz = await Fuzzer(seed: 0x5459_5045)
            var index = 0
            for _ in 0..<1_500 {
                index += 1
                let kind = fuzz.pick(Self.kinds)
                let update = fuzz.chance(30)
                var body = kind.make(update ? "seed" : "typed-\(index)")
                if update, let version = fuzz.resourceVersion(kind, "seed") { body["metadata"]?["resourceVersion"] = .string(version) }
                let path = fuzz.chance(40) ? fuzz.pick(Fuzzer.metadataPaths) : fuzz.pick(Fuzzer.fieldPaths(kind))
                let value = fuzz.hostileValue()
                body = Fuzzer.setting(value, at: path[...], in: body)
                let strict = fuzz.chance(30)
                let yaml = fuzz.chance(25)
                let bytes = yaml ? Array(YAMLWriter.string(for: body).utf8) : body.serialized()
                let (status, _) = await fuzz.send(
                    "typed", update ? "PUT" : "POST",
                    (update ? kind.collection + "/seed" : kind.collection) + (strict ? "?fieldValidation=Strict" : ""),
                    contentType: yaml ? "application/yaml" : "application/json", body: bytes
                )
                // A value of another JSON type than the field's is never taken. (An integral float is an integer once
                // YAML is read, as kubectl's conversion makes it, and to a custom resource's schema.)
                let integral = (yaml || kind.group == "example.com") && value.int64Value != nil
                if let expected = Fuzzer.jsonType(of: path, in: kind), !value.isNull,
                    Fuzzer.jsonType(of: value) != expected && !(integral && expected == "integer")
                {
                    #expect(status >= 400, "\(kind.kind) \(path) = \(value.serializedString().prefix(80)) answered \(status)")
                }
            }
            fuzz.checkStoredObjects()
            fuzz.summary("typedFields")
            #expect(fuzz.problems == 0)
        }
    }

    @Test("invalid names, mismatched apiVersion and kind, and the statuses kube gives them", .timeLimit(.minutes(2)))
    func namesAndTypeMeta() async {
        await withTaskExecutorPreference(Self.executors[0]) {
            var fuzz = await Fuzzer(seed: 0x4E41_4D45)
            let badNames = [
                "UPPER", "a_b", "-a", "a-", ".a", "a.", "a..b", "a b", "ü", "a\u{0}b", "a/b", "a%b", "..", ".",
                String(repeating: "a", count: 254), String(repeating: "a.", count: 127) + "a", "a\nb", "\u{FEFF}a",
            ]
            for kind in Self.kinds {
                for name in badNames {
                    // Yams drops a leading U+FEFF from every scalar it reads (it decodes scalars with Foundation's
                    // String(bytes:encoding:), which strips a byte order mark), so in YAML that name arrives as "a".
                    for yaml in name.hasPrefix("\u{FEFF}") ? [false] : [false, true] {
                        let body = kind.make(name)
                        let (status, json) = await fuzz.send(
                            "names", "POST", kind.collection,
                            contentType: yaml ? "application/yaml" : "application/json",
                            body: yaml ? Array(YAMLWriter.string(for: body).utf8) : body.serialized()
                        )
                        #expect(status == 422, "\(kind.kind) \(name.debugDescription): \(status)")
                        let causes = json?["details"]?["causes"]?.arrayValue ?? []
                        #expect(causes.contains { $0["field"] == "metadata.name" }, "\(kind.kind) \(name.debugDescription)")
                    }
                }
                var generated = kind.make("")
                generated["metadata"]?["generateName"] = "Bad_Prefix-"
                let generatedStatus = await fuzz.send("names", "POST", kind.collection, contentType: "application/json", body: generated.serialized()).status
                #expect(generatedStatus == 422, "\(kind.kind) with generateName Bad_Prefix-")
            }
            for name in badNames + ["a.b", String(repeating: "a", count: 64)] {
                let namespace: JSONValue = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]
                let (status, _) = await fuzz.send("names", "POST", "/api/v1/namespaces", contentType: "application/json", body: namespace.serialized())
                #expect(status == 422, "namespace \(name.debugDescription): \(status)")
            }
            for kind in Self.kinds {
                for (apiVersion, kindName) in [("v2", kind.kind), ("apps/v1", kind.kind), (kind.apiVersion, "Secret"), (kind.apiVersion, kind.kind.lowercased())] {
                    guard apiVersion != kind.apiVersion || kindName != kind.kind else { continue }
                    var body = kind.make("typemeta")
                    body["apiVersion"] = .string(apiVersion)
                    body["kind"] = .string(kindName)
                    let (status, json) = await fuzz.send("typemeta", "POST", kind.collection, contentType: "application/json", body: body.serialized())
                    #expect(status == 400, "\(kind.kind) as \(apiVersion) \(kindName)")
                    let message = json?["message"]?.stringValue ?? ""
                    #expect(message.contains(apiVersion == kind.apiVersion ? "the kind in the data" : "the API version in the data"), "\(message)")
                }
            }
            fuzz.checkStoredObjects()
            fuzz.summary("namesAndTypeMeta")
            #expect(fuzz.problems == 0)
        }
    }

    @Test("random and mutated patches of every patch type", .timeLimit(.minutes(2)))
    func patches() async {
        await withTaskExecutorPreference(Self.executors[1]) {
            var fuzz = await Fuzzer(seed: 0x5041_5443)
            let types = [
                "application/merge-patch+json", "application/json-patch+json", "application/strategic-merge-patch+json",
                "application/apply-patch+yaml", "application/json", "text/plain", "application/apply-patch+json",
            ]
            for _ in 0..<2_000 {
                let kind = fuzz.pick(Self.kinds)
                let contentType = fuzz.pick(types)
                let subresource = fuzz.chance(10) ? fuzz.pick(["/status", "/scale", "/bogus"]) : ""
                var document: JSONValue
                switch contentType {
                case "application/json-patch+json":
                    document = fuzz.randomJSONPatch()
                case "application/apply-patch+yaml", "application/apply-patch+json":
                    document = fuzz.chance(50) ? kind.make("seed") : fuzz.randomValue()
                    if fuzz.chance(70) {
                        let path = fuzz.chance(40) ? fuzz.pick(Fuzzer.metadataPaths) : fuzz.pick(Fuzzer.fieldPaths(kind))
                        document = Fuzzer.setting(fuzz.randomValue(), at: path[...], in: document)
                    }
                default:
                    document = fuzz.randomValue()
                    if fuzz.chance(50) {
                        let path = fuzz.chance(40) ? fuzz.pick(Fuzzer.metadataPaths) : fuzz.pick(Fuzzer.fieldPaths(kind))
                        document = Fuzzer.setting(fuzz.hostileValue(), at: path[...], in: .emptyObject)
                    }
                }
                var bytes = contentType.hasPrefix("application/apply-patch+yaml") && fuzz.chance(70)
                    ? Array(YAMLWriter.string(for: document).utf8) : document.serialized()
                if fuzz.chance(30) { bytes = fuzz.mutate(bytes) }
                var query: [String] = []
                if contentType.hasPrefix("application/apply-patch") && fuzz.chance(85) { query.append("fieldManager=fuzz") }
                if fuzz.chance(20) { query.append("force=true") }
                if fuzz.chance(15) { query.append("fieldValidation=Strict") }
                if fuzz.chance(10) { query.append("dryRun=All") }
                let target = kind.collection + "/" + (fuzz.chance(90) ? "seed" : "missing") + subresource
                    + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
                // A dry run must leave the store as it was, whatever it answers.
                await fuzz.send(
                    "patch " + contentType, "PATCH", target, contentType: contentType, body: bytes,
                    readOnly: query.contains("dryRun=All")
                )
            }
            fuzz.checkStoredObjects()
            fuzz.summary("patches")
            #expect(fuzz.problems == 0)
        }
    }

    @Test("malformed query parameters on reads, writes and deletes", .timeLimit(.minutes(2)))
    func queryParameters() async {
        await withTaskExecutorPreference(Self.executors[0]) {
            var fuzz = await Fuzzer(seed: 0x5155_4552)
            let names = [
                "fieldValidation", "dryRun", "propagationPolicy", "labelSelector", "fieldSelector", "limit", "continue",
                "resourceVersion", "resourceVersionMatch", "timeoutSeconds", "gracePeriodSeconds", "fieldManager", "force",
                "pretty", "orphanDependents", "sendInitialEvents", "allowWatchBookmarks", "includeObject",
            ]
            let continueTokens = [
                ContinueToken(resourceVersion: 1, lastKey: NamespacedName(namespace: "default", name: "a")).encoded,
                ContinueToken(resourceVersion: UInt64(Int64.max), lastKey: NamespacedName(namespace: "", name: "")).encoded,
                ContinueToken.base64URLEncode(Array(#"{"rv":-1,"start":"a/b"}"#.utf8)),
                ContinueToken.base64URLEncode(Array(#"{"rv":1e400,"start":"/"}"#.utf8)),
                ContinueToken.base64URLEncode(Array(#"{"rv":1,"start":5}"#.utf8)),
                ContinueToken.base64URLEncode(Array(#"[1,2]"#.utf8)),
                ContinueToken.base64URLEncode([0xFF, 0x00, 0x7B]),
                "!!!", "====", "eyJydiI6MX0", "%zz",
            ]
            func value(_ fuzz: inout Fuzzer, for name: String) -> String {
                let shared = ["", "%00", "%zz", "%", "+", "%E2%82", "%C3%28", String(repeating: "a", count: 5000), "-1",
                              "99999999999999999999", "9223372036854775807", "-9223372036854775808", "1.5", "0x10", "true", "Ω"]
                let specific: [String]
                switch name {
                case "fieldValidation": specific = ["Strict", "Warn", "Ignore", "strict", "STRICT", "Loose"]
                case "dryRun": specific = ["All", "all", "None", "All%2CAll"]
                case "propagationPolicy": specific = ["Foreground", "Background", "Orphan", "foreground", "Nope"]
                case "labelSelector", "fieldSelector":
                    specific = [
                        "app%3Dweb", "app+in+(", "!app%2Cb%3Dc", "a%3D%3Db", "x%2C", "(((", "a+notin+()", "a%3Db%3Dc",
                        "metadata.name%3Dseed", "spec.nodeName%3D", "status.phase!%3DRunning", "bogus.field%3Dx",
                        "a+in+(b%2Cc)%2Cd+notin+(e)%2C!f%2Cg", "%3D", "!", "a%3E1", "a%3C1", "a+gt+1",
                        (0..<300).map { "k\($0)%3Dv" }.joined(separator: "%2C"),
                        String(repeating: "(", count: 10_000), "a%3D" + String(repeating: "v", count: 100),
                    ]
                case "continue": specific = continueTokens
                case "resourceVersion": specific = ["0", "1", "999999999", "abc", "18446744073709551616", "18446744073709551615"]
                case "resourceVersionMatch": specific = ["Exact", "NotOlderThan", "exact", "Bogus"]
                case "includeObject": specific = ["None", "Object", "Metadata", "Bogus"]
                default: specific = ["0", "1", "5", "false", "true"]
                }
                return fuzz.chance(60) ? fuzz.pick(specific) : fuzz.pick(shared)
            }
            for _ in 0..<1_500 {
                let kind = fuzz.pick(Self.kinds)
                var query = (0..<fuzz.int(1...4)).map { _ in
                    let name = fuzz.pick(names)
                    return name + "=" + value(&fuzz, for: name)
                }
                let family: String
                let method: String
                var target: String
                var body: [UInt8] = []
                var contentType: String? = nil
                var readOnly = false
                switch fuzz.int(0...6) {
                case 0, 1:
                    (family, method, target, readOnly) = ("query list", "GET", kind.collection, true)
                case 2:
                    (family, method, target, readOnly) = ("query get", "GET", kind.collection + "/seed", true)
                case 3:
                    (family, method, target) = ("query create", "POST", kind.collection)
                    body = kind.make("query-\(fuzz.int(0...1_000_000))").serialized()
                    contentType = "application/json"
                case 4:
                    (family, method, target) = ("query patch", "PATCH", kind.collection + "/seed")
                    body = Array(#"{"metadata":{"labels":{"patched":"yes"}}}"#.utf8)
                    contentType = "application/merge-patch+json"
                case 5:
                    // Deletes are always dry runs, so that the seeds stay: an extra dryRun value is rejected anyway.
                    (family, method, target, readOnly) = ("query delete", "DELETE", kind.collection + "/seed", true)
                    query.append("dryRun=All")
                    if fuzz.chance(50) {
                        var options = JSONObject()
                        for member in ["propagationPolicy", "gracePeriodSeconds", "preconditions", "orphanDependents", "dryRun", "kind", "apiVersion"] where fuzz.chance(40) {
                            options[member] = fuzz.chance(50) ? fuzz.hostileValue() : fuzz.randomValue()
                        }
                        body = fuzz.chance(80) ? JSONValue.object(options).serialized() : fuzz.mutate(JSONValue.object(options).serialized())
                        contentType = "application/json"
                    }
                default:
                    (family, method, target, readOnly) = ("query deletecollection", "DELETE", kind.collection, true)
                    query.append("dryRun=All")
                }
                target += "?" + query.joined(separator: "&")
                let accept = method == "GET" && fuzz.chance(30) ? fuzz.pick(Self.acceptHeaders) : "application/json"
                await fuzz.send(
                    family, method, target, contentType: contentType, body: body,
                    readOnly: readOnly || query.contains("dryRun=All"), allowed: [406, 410, 504], accept: accept
                )
            }
            fuzz.checkStoredObjects()
            fuzz.summary("queryParameters")
            #expect(fuzz.problems == 0)
        }
    }

    /// Accept headers: Tables of every version, aggregated discovery, protobuf, and garbage.
    static let acceptHeaders = [
        "application/json;as=Table;v=v1;g=meta.k8s.io", "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json",
        "application/json;as=Table;g=meta.k8s.io;v=v2", "application/json;as=Table;v=v1;g=meta.k8s.io;includeObject=Object",
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json",
        "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList",
        "application/vnd.kubernetes.protobuf", "application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io",
        "application/yaml", "*/*", "text/html", "", ";;;", "application/json;as=;v=;g=", "application/json;q=abc",
        "application/json;q=0", "application/json;as=Table;v=v1;g=meta.k8s.io;q=0.5, */*;q=0.1", ",,,,",
        String(repeating: "a/b;c=d,", count: 2_000), "application/json;as=Table;as=Table;v=v1;v=v2;g=meta.k8s.io",
        "application/json; as=Table; v=v1; g=meta.k8s.io", "APPLICATION/JSON;AS=TABLE;V=V1;G=META.K8S.IO",
    ]

    @Test("malformed paths and methods", .timeLimit(.minutes(2)))
    func paths() async {
        await withTaskExecutorPreference(Self.executors[1]) {
            var fuzz = await Fuzzer(seed: 0x5041_5448)
            let segments = [
                "api", "apis", "v1", "apps", "example.com", "namespaces", "default", "kube-system", "pods", "configmaps",
                "deployments", "widgets", "seed", "status", "scale", "finalize", "log", "..", ".", "%2F", "%00", "%zz", "%",
                "%%", "%E2%82", "Ω", "", "x", String(repeating: "s", count: 300), "version", "openapi", "v3", "v2",
                "healthz", "readyz", "livez", "apiextensions.k8s.io", "customresourcedefinitions", "batch", "jobs", "%20",
                "+", "a%2Fb", "?", "#", ";x=1", "watch",
            ]
            let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE", "get", "FOO", ""]
            for _ in 0..<3_000 {
                var path = (0..<fuzz.int(0...7)).map { _ in fuzz.pick(segments) }.joined(separator: "/")
                if fuzz.chance(95) { path = "/" + path }
                if fuzz.chance(10) { path += "/" }
                if fuzz.chance(10) { path = path.split(separator: "/", omittingEmptySubsequences: false).joined(separator: "//") }
                let method = fuzz.pick(methods)
                var query = fuzz.chance(20) ? "?" + fuzz.pick(["watch=0", "x=%zz", "limit=1", "dryRun=All", "a=b&&&c"]) : ""
                // Deletes of anything found stay dry runs (a namespace delete would start a clean-up in the background).
                if method == "DELETE" { query += (query.isEmpty ? "?" : "&") + "dryRun=All" }
                var body: [UInt8] = []
                var contentType: String? = nil
                if ["POST", "PUT", "PATCH"].contains(method), fuzz.chance(70) {
                    body = fuzz.chance(50) ? fuzz.pick(Self.kinds).make("path-\(fuzz.int(0...1_000_000))").serialized() : fuzz.mutate(Array("{}".utf8))
                    contentType = fuzz.pick(["application/json", "application/merge-patch+json", "application/yaml", "text/html"])
                }
                let accept = fuzz.chance(20) ? fuzz.pick(Self.acceptHeaders) : "application/json"
                await fuzz.send(
                    "path", method, path + query, contentType: contentType, body: body,
                    readOnly: method == "GET" || method == "DELETE", allowed: [406], accept: accept
                )
            }
            fuzz.checkStoredObjects()
            fuzz.summary("paths")
            #expect(fuzz.problems == 0)
        }
    }

    // MARK: - Regressions: one input each

    /// Sends one JSON request to a fresh server; the answer's status and body, and whether the store changed.
    static func one(
        _ method: String,
        _ target: String,
        _ body: JSONValue?,
        contentType: String = "application/json"
    ) async -> (status: Int, body: JSONValue, changed: Bool, server: APIServer) {
        let server = await Self.server()
        let before = server.store.resourceVersion
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", contentType)) }
        let response = await server.handle(
            APIRequest(method: method, target: target, headers: headers, body: body?.serialized() ?? [])
        )
        let json = (try? JSONValue(parsing: response.bodyBytes ?? [])) ?? .null
        return (response.status, json, server.store.resourceVersion != before, server)
    }

    /// Values of the wrong JSON type for known fields were stored as they came (labels as a list, a name as a
    /// number answered 422 "name or generateName is required"); kube-apiserver's decoding answers 400 naming the
    /// field.
    @Test(arguments: [
        ("Pod", ["metadata", "name"], 5 as JSONValue,
         "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string"),
        ("Pod", ["metadata", "labels"], ["a"] as JSONValue,
         "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string"),
        ("Pod", ["metadata", "annotations", "note"], true as JSONValue,
         "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.annotations of type string"),
        ("Pod", ["spec", "containers"], ["name": "c"] as JSONValue,
         "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container"),
        ("Pod", ["spec", "containers", "0", "ports", "0", "containerPort"], "80" as JSONValue,
         "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32"),
        ("Pod", ["spec", "containers", "0", "resources", "requests", "cpu"], "lots" as JSONValue,
         "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        ("ConfigMap", ["data", "a"], 1 as JSONValue,
         "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string"),
        ("Deployment", ["spec", "replicas"], "3" as JSONValue,
         "Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"),
        ("Deployment", ["spec", "replicas"], .number(JSONNumber("1e400")!),
         "Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal number 1e400 into Go struct field DeploymentSpec.spec.replicas of type int32"),
        ("Deployment", ["spec", "replicas"], 4_294_967_296 as JSONValue,
         "Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal number 4294967296 into Go struct field DeploymentSpec.spec.replicas of type int32"),
        ("Deployment", ["spec", "strategy", "rollingUpdate", "maxSurge"], true as JSONValue,
         "Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32"),
        ("Widget", ["metadata", "labels"], [] as JSONValue,
         "Widget in version \"v1\" cannot be handled as a Widget: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string"),
    ])
    func wrongTypeForKnownField(kind name: String, path: [String], value: JSONValue, message: String) async throws {
        let kind = try #require(Self.kinds.first { $0.kind == name })
        let body = Fuzzer.setting(value, at: path[...], in: kind.make("typed"))
        let created = await Self.one("POST", kind.collection, body)
        #expect(created.status == 400)
        #expect(created.body["reason"] == "BadRequest")
        #expect(created.body["message"]?.stringValue == message)
        #expect(!created.changed)
        let updated = await Self.one("PUT", kind.collection + "/seed", Fuzzer.setting(value, at: path[...], in: kind.make("seed")))
        #expect(updated.status == 400)
        #expect(!updated.changed)
    }

    /// `fieldValidation=Strict` rejected unknown fields of custom resources only; built-in kinds stored them.
    @Test func strictUnknownFieldsOfBuiltInKinds() async {
        var pod = Self.pod.make("strict")
        pod["metadata"]?["bogus"] = 1
        pod = Fuzzer.setting("Always", at: ["spec", "containers", "0", "imagePullPolice"], in: pod)
        let strict = await Self.one("POST", Self.pod.collection + "?fieldValidation=Strict", pod)
        #expect(strict.status == 400)
        #expect(
            strict.body["message"]
                == #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.bogus", unknown field "spec.containers[0].imagePullPolice""#
        )
        #expect(!strict.changed)
        #expect(await Self.one("POST", Self.pod.collection, pod).status == 201)
        let patched = await Self.one(
            "PATCH", Self.deployment.collection + "/seed?fieldValidation=Strict", ["spec": ["bogus": 1]],
            contentType: "application/merge-patch+json"
        )
        #expect(patched.status == 400)
        #expect(patched.body["message"] == #"strict decoding error: unknown field "spec.bogus""#)
        #expect(!patched.changed)
        let widget = Fuzzer.setting(true, at: ["spec", "unknown"], in: Self.widget.make("strict"))
        let custom = await Self.one("POST", Self.widget.collection + "?fieldValidation=Strict", widget)
        #expect(custom.status == 400)
        #expect(custom.body["message"] == #"Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.unknown""#)
    }

    /// A JSON object that repeats a key keeps the last value, as Go does; under `fieldValidation=Strict` kube
    /// refuses it, which the server did not.
    @Test func strictDuplicateFields() async throws {
        let text = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"first","name":"dup"},"data":{"a":"1","a":"2"}}"#
        for (query, status) in [("?fieldValidation=Strict", 400), ("", 201)] {
            let server = await Self.server()
            let response = await server.handle(
                APIRequest(
                    method: "POST", target: Self.configMap.collection + query,
                    headers: [("Content-Type", "application/json")], body: Array(text.utf8)
                )
            )
            #expect(response.status == status, "\(query)")
            let body = try JSONValue(parsing: response.bodyBytes ?? [])
            if status == 400 {
                #expect(
                    body["message"]
                        == #"ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "metadata.name", duplicate field "data.a""#
                )
                #expect(server.store.get(Self.configMap.key("dup")) == nil)
            } else {
                #expect(body["metadata"]?["name"] == "dup")
                #expect(body["data"] == ["a": "2"])
            }
        }
    }

    /// Labels and annotations a patch changes are checked (422); those it leaves as stored are not checked again.
    @Test func patchedLabelsAndAnnotationsAreChecked() async throws {
        // The seed gets valid labels and annotations first, so that the bad patches change stored ones.
        let fine = await Self.one(
            "PATCH", Self.configMap.collection + "/seed", ["metadata": ["labels": ["tier": "web"], "annotations": ["a": "b"]]],
            contentType: "application/merge-patch+json")
        #expect(fine.status == 200)
        for (field, body) in [
            ("metadata.labels", ["metadata": ["labels": ["bad key!": "x"]]] as JSONValue),
            ("metadata.labels", ["metadata": ["labels": ["tier": "bad value!"]]]),
            ("metadata.annotations", ["metadata": ["annotations": ["bad key!": "x"]]]),
        ] {
            let response = await fine.server.handle(
                APIRequest(
                    method: "PATCH", target: Self.configMap.collection + "/seed",
                    headers: [("Content-Type", "application/merge-patch+json")], body: body.serialized()))
            let answer = try JSONValue(parsing: response.bodyBytes ?? [])
            #expect(response.status == 422, "\(body.serializedString())")
            #expect(answer["details"]?["causes"]?[0]?["field"]?.stringValue == field)
        }
        // A patch of other fields leaves the stored labels and annotations as they are, and passes.
        let data = await fine.server.handle(
            APIRequest(
                method: "PATCH", target: Self.configMap.collection + "/seed",
                headers: [("Content-Type", "application/merge-patch+json")], body: Array(#"{"data":{"k":"v"}}"#.utf8)))
        #expect(data.status == 200)
    }

    /// A patch whose result has a value of the wrong type was stored; kube answers 422 on the field `patch`.
    @Test func patchResultOfTheWrongType() async {
        for contentType in ["application/merge-patch+json", "application/strategic-merge-patch+json"] {
            let patched = await Self.one("PATCH", Self.deployment.collection + "/seed", ["spec": ["replicas": "many"]], contentType: contentType)
            #expect(patched.status == 422, "\(contentType)")
            #expect(patched.body["reason"] == "Invalid")
            #expect(patched.body["details"]?["causes"]?[0]?["field"] == "patch")
            let message = patched.body["message"]?.stringValue ?? ""
            #expect(message.hasSuffix("json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"), "\(message)")
            #expect(!patched.changed)
        }
        let json = await Self.one(
            "PATCH", Self.configMap.collection + "/seed", [["op": "replace", "path": "/metadata/labels", "value": 7]],
            contentType: "application/json-patch+json"
        )
        #expect(json.status == 422)
        #expect(!json.changed)
    }

    /// Server-side apply stored values of the wrong type (labels -1), and answered list items without their key
    /// with a 500.
    @Test func applyConfigurationErrorsAreBadRequests() async {
        var labels = Self.configMap.make("seed")
        labels["metadata"]?["labels"] = -1
        let typed = await Self.one(
            "PATCH", Self.configMap.collection + "/seed?fieldManager=m", labels, contentType: "application/apply-patch+yaml"
        )
        #expect(typed.status == 400)
        #expect(
            typed.body["message"]
                == "failed to create typed patch object (/seed; /v1, Kind=ConfigMap): json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type map[string]string"
        )
        #expect(!typed.changed)
        var unknown = Self.configMap.make("seed")
        unknown["bogus"] = true
        let undeclared = await Self.one(
            "PATCH", Self.configMap.collection + "/seed?fieldManager=m", unknown, contentType: "application/apply-patch+yaml"
        )
        #expect(undeclared.status == 400)
        #expect(undeclared.body["message"] == "failed to create typed patch object (/seed; /v1, Kind=ConfigMap): .bogus: field not declared in schema")
        let unnamed = Fuzzer.setting([["image": "nginx"]], at: ["spec", "containers"], in: Self.pod.make("seed"))
        let keyless = await Self.one(
            "PATCH", Self.pod.collection + "/seed?fieldManager=m", unnamed, contentType: "application/apply-patch+yaml"
        )
        #expect(keyless.status == 400)
        #expect(keyless.body["message"]?.stringValue?.hasPrefix("failed to create typed patch object (/seed; /v1, Kind=Pod)") == true)
        #expect(!keyless.changed)
    }

    /// A strategic merge patch that does not fit the object (a list element without its merge key, an unknown
    /// `$patch`) was answered with a 500, as kube-apiserver does (kubernetes/kubernetes#79210).
    @Test(arguments: [
        #"{"spec":{"containers":[{"image":"x"}]}}"#,
        #"{"spec":{"containers":[{"name":"c","$patch":"bogus"}]}}"#,
        #"{"spec":{"containers":["c"]}}"#,
    ])
    func strategicMergeFailures(patch: String) async throws {
        let server = await Self.server()
        let before = server.store.resourceVersion
        let response = await server.handle(
            APIRequest(
                method: "PATCH", target: Self.pod.collection + "/seed",
                headers: [("Content-Type", "application/strategic-merge-patch+json")], body: Array(patch.utf8)
            )
        )
        #expect(response.status == 422)
        let body = try JSONValue(parsing: response.bodyBytes ?? [])
        #expect(body["reason"] == "Invalid")
        #expect(server.store.resourceVersion == before)
    }

    /// `null` label and annotation values were stored as `null`; Go's decoding makes them empty strings.
    @Test func nullLabelAndAnnotationValues() async {
        var pod = Self.pod.make("nulls")
        pod["metadata"]?["labels"] = ["app": nil]
        pod["metadata"]?["annotations"] = .null
        let created = await Self.one("POST", Self.pod.collection, pod)
        #expect(created.status == 201)
        #expect(created.body["metadata"]?["labels"] == ["app": ""])
        #expect(created.body["metadata"]?["annotations"] == nil)
    }

    /// A `resourceVersion` that is not a version made writes unconditional and reads ignore it; kube fails them
    /// (with a 500, kubernetes/kubernetes#139485). A DeleteOptions precondition that is not a version let the
    /// delete go ahead.
    @Test func resourceVersionsThatAreNotVersions() async {
        var stale = Self.configMap.make("seed")
        stale["metadata"]?["resourceVersion"] = "abc"
        let put = await Self.one("PUT", Self.configMap.collection + "/seed", stale)
        #expect(put.status == 400)
        #expect(put.body["message"] == #"resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax"#)
        #expect(!put.changed)
        let patch = await Self.one(
            "PATCH", Self.configMap.collection + "/seed", ["metadata": ["resourceVersion": "-1"], "data": ["a": "2"]],
            contentType: "application/merge-patch+json"
        )
        #expect(patch.status == 400)
        #expect(!patch.changed)
        for target in [Self.configMap.collection, Self.configMap.collection + "/seed"] {
            for version in ["abc", "-1", "+1", "18446744073709551616"] {
                let read = await Self.one("GET", target + "?resourceVersion=" + version, nil)
                #expect(read.status == 400, "\(target) \(version)")
                #expect(read.body["message"]?.stringValue?.hasPrefix("resourceVersion: Invalid value: ") == true)
            }
        }
        let delete = await Self.one("DELETE", Self.configMap.collection + "/seed", ["preconditions": ["resourceVersion": "abc"]])
        #expect(delete.status == 409)
        #expect(!delete.changed)
        #expect(delete.server.store.get(Self.configMap.key("seed")) != nil)
        for options in [["propagationPolicy": 5], ["dryRun": "All"], ["preconditions": ["resourceVersion": 1]], ["orphanDependents": "yes"]] as [JSONValue] {
            let typed = await Self.one("DELETE", Self.configMap.collection + "/seed", options)
            #expect(typed.status == 400, "\(options)")
            #expect(typed.body["message"]?.stringValue?.hasPrefix("json: cannot unmarshal") == true)
            #expect(!typed.changed)
        }
        let notAnObject = await Self.one("DELETE", Self.configMap.collection + "/seed", [1])
        #expect(notAnObject.status == 400)
        #expect(notAnObject.body["message"] == "json: cannot unmarshal array into Go value of type v1.DeleteOptions")
    }

    /// Label keys and values and annotation keys were never validated.
    @Test(arguments: [
        (["labels": ["a b": "x"]] as JSONValue, "metadata.labels", "Invalid value: \"a b\": name part must consist of"),
        (["labels": ["app": "-x"]] as JSONValue, "metadata.labels", "Invalid value: \"-x\": a valid label must be an empty string or consist of"),
        (["labels": ["app": .string(String(repeating: "v", count: 64))]] as JSONValue, "metadata.labels", "must be no more than 63 characters"),
        (["annotations": ["/x": "y"]] as JSONValue, "metadata.annotations", "Invalid value: \"/x\": prefix part must be non-empty"),
        (["annotations": ["big": .string(String(repeating: "v", count: 256 * 1024))]] as JSONValue, "metadata.annotations", "Too long: may not be more than 262144 bytes"),
    ])
    func invalidLabelsAndAnnotations(metadata: JSONValue, field: String, message: String) async {
        for kind in [Self.configMap, Self.widget] {
            var object = kind.make("labelled")
            for member in metadata.objectValue ?? JSONObject() { object["metadata"]?[member.key] = member.value }
            let created = await Self.one("POST", kind.collection, object)
            #expect(created.status == 422, "\(kind.kind)")
            let causes = created.body["details"]?["causes"]?.arrayValue ?? []
            #expect(causes.contains { $0["field"]?.stringValue == field && ($0["message"]?.stringValue?.contains(message) ?? false) }, "\(causes)")
            #expect(!created.changed)
        }
    }

    // MARK: - Large documents: each must be answered in about linear time

    /// 20,000 members: a quadratic path takes seconds per request at this size (the ones fixed took 14 s to 95 s),
    /// so a regression overruns the one-minute limit.
    static let wideCount = 20_000

    static func wideData() -> JSONObject {
        var data = JSONObject(minimumCapacity: Self.wideCount)
        for index in 0..<Self.wideCount { data.appendUnchecked(key: "k\(index)", value: "v") }
        return data
    }

    @Test("a YAML mapping of 20,000 keys (was 90 s: members set one by one)", .timeLimit(.minutes(1)))
    func wideYAML() async {
        await withTaskExecutorPreference(Self.executors[0]) {
            var fuzz = await Fuzzer(seed: 1)
            var configMap = Self.configMap.make("wide-yaml")
            configMap["data"] = .object(Self.wideData())
            let created = await fuzz.send(
                "wide", "POST", Self.configMap.collection, contentType: "application/yaml",
                body: Array(YAMLWriter.string(for: configMap).utf8)
            )
            #expect(created.status == 201)
            #expect(created.body?["data"]?.objectValue?.count == Self.wideCount)
            #expect(fuzz.problems == 0)
        }
    }

    @Test(
        "a ConfigMap of 20,000 keys created, merge patched, strategic merge patched and applied (managed fields took 14 s)",
        .timeLimit(.minutes(1))
    )
    func wideConfigMap() async {
        await withTaskExecutorPreference(Self.executors[1]) {
            var fuzz = await Fuzzer(seed: 2)
            let collection = Self.configMap.collection
            var configMap = Self.configMap.make("wide")
            configMap["data"] = .object(Self.wideData())
            let created = await fuzz.send("wide", "POST", collection, contentType: "application/json", body: configMap.serialized())
            #expect(created.status == 201)
            let patch: JSONValue = ["data": .object(Self.wideData())]
            var bare = Self.configMap.make("bare")
            bare["data"] = nil
            let bareStatus = await fuzz.send("wide", "POST", collection, contentType: "application/json", body: bare.serialized()).status
            #expect(bareStatus == 201)
            // Into an object of as many members (the same keys), into a small one and into none (as many new keys).
            for (contentType, target) in [
                ("application/merge-patch+json", "wide"), ("application/merge-patch+json", "bare"),
                ("application/strategic-merge-patch+json", "seed"),
            ] {
                let patched = await fuzz.send("wide", "PATCH", collection + "/" + target, contentType: contentType, body: patch.serialized())
                #expect(patched.status == 200, "\(contentType) \(target)")
                #expect((patched.body?["data"]?.objectValue?.count ?? 0) >= Self.wideCount)
            }
            let retained = await fuzz.send(
                "wide", "PATCH", collection + "/wide", contentType: "application/strategic-merge-patch+json",
                body: Array(#"{"data":{"$retainKeys":["a"],"a":"kept"}}"#.utf8)
            )
            #expect(retained.status == 200)
            #expect(retained.body?["data"] == ["a": "kept"])
            let applied = await fuzz.send(
                "wide", "PATCH", collection + "/wide?fieldManager=fuzz&force=true", contentType: "application/apply-patch+yaml",
                body: configMap.serialized()
            )
            #expect(applied.status == 200)
            #expect(applied.body?["data"]?.objectValue?.count == Self.wideCount + 1)
            #expect(fuzz.problems == 0)
        }
    }

    @Test("a strategic merge of 2,000 list elements by merge key, then of 2,000 $patch: delete elements", .timeLimit(.minutes(1)))
    func wideStrategicList() async {
        await withTaskExecutorPreference(Self.executors[0]) {
            var fuzz = await Fuzzer(seed: 3)
            let containers: [JSONValue] = (0..<2_000).map { ["name": .string("c\($0)"), "image": "nginx"] }
            let merged = await fuzz.send(
                "wide", "PATCH", Self.pod.collection + "/seed", contentType: "application/strategic-merge-patch+json",
                body: JSONValue.object(["spec": ["containers": .array(containers)]]).serialized()
            )
            #expect(merged.status == 200)
            #expect(merged.body?["spec"]?["containers"]?.arrayValue?.count == 2_001)
            let deletions: [JSONValue] = (0..<2_000).map { ["name": .string("c\($0)"), "$patch": "delete"] }
            let deleted = await fuzz.send(
                "wide", "PATCH", Self.pod.collection + "/seed", contentType: "application/strategic-merge-patch+json",
                body: JSONValue.object(["spec": ["containers": .array(deletions)]]).serialized()
            )
            #expect(deleted.status == 200)
            #expect(deleted.body?["spec"]?["containers"]?.arrayValue?.count == 1)
            #expect(fuzz.problems == 0)
        }
    }

    @Test("JSON patches: 10,000 operations are taken, 10,001 are a 413, copies past 3 MiB a 422 (were unbounded)", .timeLimit(.minutes(1)))
    func jsonPatchLimits() async {
        await withTaskExecutorPreference(Self.executors[1]) {
            var fuzz = await Fuzzer(seed: 4)
            let collection = Self.configMap.collection
            let tests: [JSONValue] = Array(repeating: ["op": "test", "path": "/metadata/name", "value": "seed"], count: 10_000)
            let most = await fuzz.send("limits", "PATCH", collection + "/seed", contentType: "application/json-patch+json", body: JSONValue.array(tests).serialized())
            #expect(most.status == 200)
            let tooMany = await fuzz.send(
                "limits", "PATCH", collection + "/seed", contentType: "application/json-patch+json",
                body: JSONValue.array(tests + [["op": "add", "path": "/data/n", "value": "v"]]).serialized()
            )
            #expect(tooMany.status == 413)
            #expect(tooMany.body?["reason"] == "RequestEntityTooLarge")
            #expect(tooMany.body?["message"] == "Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001")
            // Each copy doubles `data`: 40 of them would make 2^40 copies of it.
            let doubling: [JSONValue] = (0..<40).map { ["op": "copy", "from": "/data", "path": .string("/data/c\($0)")] }
            let copies = await fuzz.send("limits", "PATCH", collection + "/seed", contentType: "application/json-patch+json", body: JSONValue.array(doubling).serialized())
            #expect(copies.status == 422)
            let message = copies.body?["message"]?.stringValue ?? ""
            #expect(message.contains("Unable to complete the copy, the accumulated size increase of copy is"), "\(message)")
            #expect(message.hasSuffix("exceeding the limit 3145728"), "\(message)")
            #expect(fuzz.problems == 0)
        }
    }

    @Test("bodies at and just over 3 MiB", .timeLimit(.minutes(2)))
    func oversizedBodies() async {
        await withTaskExecutorPreference(Self.executors[0]) {
            var fuzz = await Fuzzer(seed: 0x4249_4742)
            let limit = Self.maximumBody
            let writes: [(method: String, suffix: String, contentType: String)] = [
                ("POST", "", "application/json"), ("POST", "", "application/yaml"),
                ("POST", "", "application/vnd.kubernetes.protobuf"), ("PUT", "/seed", "application/json"),
                ("PATCH", "/seed", "application/merge-patch+json"), ("PATCH", "/seed", "application/json-patch+json"),
                ("PATCH", "/seed", "application/strategic-merge-patch+json"), ("PATCH", "/seed?fieldManager=f", "application/apply-patch+yaml"),
            ]
            for kind in [Self.configMap, Self.widget] {
                var bytes = kind.make("big").serialized()
                bytes.append(contentsOf: [UInt8](repeating: UInt8(ascii: " "), count: limit + 1 - bytes.count))
                for write in writes {
                    for extra in [0, 4095] {
                        if extra > 0 { bytes.append(contentsOf: [UInt8](repeating: UInt8(ascii: "x"), count: extra)) }
                        let (status, json) = await fuzz.send(
                            "oversized", write.method, kind.collection + write.suffix, contentType: write.contentType, body: bytes
                        )
                        #expect(status == 413, "\(write) \(kind.kind) +\(extra + 1)")
                        #expect(json?["reason"] == "RequestEntityTooLarge")
                        #expect(json?["message"] == "Request entity too large: limit is 3145728")
                        if extra > 0 { bytes.removeLast(extra) }
                    }
                }
            }
            // Exactly at the limit is read: a ConfigMap padded with whitespace, and one whose data fills the body.
            var padded = Self.configMap.make("padded").serialized()
            padded.append(contentsOf: [UInt8](repeating: UInt8(ascii: " "), count: limit - padded.count))
            let paddedStatus = await fuzz.send("at-limit", "POST", Self.configMap.collection, contentType: "application/json", body: padded).status
            #expect(paddedStatus == 201)
            var full = Self.configMap.make("full")
            let envelope = full.serialized().count
            full["data"]?["big"] = .string(String(repeating: "x", count: limit - envelope - #","big":"""#.utf8.count))
            let fullBytes = full.serialized()
            #expect(fullBytes.count == limit)
            let fullStatus = await fuzz.send("at-limit", "POST", Self.configMap.collection, contentType: "application/json", body: fullBytes).status
            #expect(fullStatus == 201)
            // Large deep or wide documents under the limit are answered too.
            let deep = Array((String(repeating: "[", count: limit / 2) + String(repeating: "]", count: limit / 2)).utf8)
            var wide: [UInt8] = [UInt8(ascii: "[")]
            wide.reserveCapacity(limit / 2)
            for _ in 0..<(limit / 4 - 1) { wide.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ",")]) }
            wide.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: "]")])
            for bytes in [deep, wide] {
                // (YAML reads a wide list node by node, slowly in a debug build; wideYAML covers a wide YAML body.)
                let types = bytes == deep ? ["application/json", "application/yaml", "application/merge-patch+json", "application/json-patch+json"]
                    : ["application/json"]
                for contentType in types {
                    let method = contentType.contains("patch") ? "PATCH" : "POST"
                    await fuzz.send(
                        "large", method, Self.configMap.collection + (method == "PATCH" ? "/seed" : ""),
                        contentType: contentType, body: bytes
                    )
                }
            }
            fuzz.checkStoredObjects()
            fuzz.summary("oversizedBodies")
            #expect(fuzz.problems == 0)
        }
    }
}
