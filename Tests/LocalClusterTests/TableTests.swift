import KubeJSON
import KubeModel
import LocalCluster
import Testing

private func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

@Suite struct TableTests {
    /// 2026-11-26T23:04:03Z: ten seconds after the recorded pod was created.
    let now = try! KubeTime(parsing: "2026-11-26T23:04:03Z")

    private func resource(_ group: String, _ plural: String) throws -> APIResource {
        try #require(ResourceRegistry.builtin.resources.first { $0.group == group && $0.plural == plural })
    }

    /// The recorded pod `web-0` (kubectl-recordings/oa3.jsonl), with the spec and status behind its row.
    private func recordedPod() throws -> JSONValue {
        try json(
            """
            {"apiVersion":"v1","kind":"Pod",
             "metadata":{"name":"web-0","namespace":"default","uid":"245db8da-b892-41b1-93e8-24ea84f98ffc","resourceVersion":"109",
                         "creationTimestamp":"2026-11-26T23:03:53Z","labels":{"app":"web","x":"1"},"generation":1},
             "spec":{"nodeName":"node-1","containers":[{"name":"nginx","image":"nginx:1.25"}]},
             "status":{"phase":"Running","podIP":"10.0.0.0",
                       "conditions":[{"type":"Ready","status":"True"}],
                       "containerStatuses":[{"name":"nginx","ready":true,"restartCount":0,"state":{"running":{"startedAt":"2026-11-26T23:03:55Z"}}}]}}
            """
        )
    }

    // MARK: Pods against the recording

    @Test func podTableMatchesTheRecordedResponse() throws {
        let converter = TableConverter(resource: try self.resource("", "pods"))
        let table = converter.table(objects: [try self.recordedPod()], now: self.now, resourceVersion: "109")
        // The recorded Table event, minus the descriptions (ours are longer) and plus the two wide columns
        // kube-apiserver adds.
        let recorded = try json(
            """
            {"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"109"},
             "rows":[{"cells":["web-0","1/1","Running","0","10s","10.0.0.0","node-1","<none>","<none>"],
                      "object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
                                "metadata":{"name":"web-0","namespace":"default","uid":"245db8da-b892-41b1-93e8-24ea84f98ffc",
                                            "resourceVersion":"109","creationTimestamp":"2026-11-26T23:03:53Z",
                                            "labels":{"app":"web","x":"1"},"generation":1}}}]}
            """
        )
        #expect(table.objectValue?.keys == ["kind", "apiVersion", "metadata", "columnDefinitions", "rows"])
        #expect(table["kind"] == recorded["kind"])
        #expect(table["apiVersion"] == recorded["apiVersion"])
        #expect(table["metadata"] == recorded["metadata"])
        #expect(table["rows"] == recorded["rows"])
        let columns = try #require(table["columnDefinitions"]?.arrayValue)
        #expect(
            columns.map { "\($0["name"]!.stringValue!)/\($0["type"]!.stringValue!)/\($0["format"]!.stringValue!)/\($0["priority"]!.intValue!)" }
                == [
                    "Name/string/name/0", "Ready/string//0", "Status/string//0", "Restarts/string//0", "Age/string//0",
                    "IP/string//1", "Node/string//1", "Nominated Node/string//1", "Readiness Gates/string//1",
                ]
        )
        #expect(columns.allSatisfy { $0.objectValue?.keys == ["name", "type", "format", "description", "priority"] })
        #expect(columns[1]["description"] == "The aggregate readiness state of this pod for accepting traffic.")
    }

    struct PodCase: Sendable, CustomStringConvertible {
        var description: String
        var pod: String
        var cells: [String]
    }

    @Test(arguments: [
        PodCase(
            description: "pending, unscheduled",
            pod: #"{"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"},{"name":"b"}]},"status":{"phase":"Pending"}}"#,
            cells: ["0/2", "Pending", "0"]
        ),
        PodCase(
            description: "crash looping",
            pod: """
                {"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Running","containerStatuses":[
                 {"name":"a","ready":false,"restartCount":3,"state":{"waiting":{"reason":"CrashLoopBackOff"}},
                  "lastState":{"terminated":{"exitCode":1,"finishedAt":"2026-11-26T23:02:03Z"}}}]}}
                """,
            cells: ["0/1", "CrashLoopBackOff", "3 (2m ago)"]
        ),
        PodCase(
            description: "initializing",
            pod: """
                {"metadata":{"name":"p"},"spec":{"initContainers":[{"name":"i"}],"containers":[{"name":"a"}]},"status":{"phase":"Pending",
                 "initContainerStatuses":[{"name":"i","ready":false,"restartCount":0,"state":{"running":{}}}],
                 "containerStatuses":[{"name":"a","ready":false,"restartCount":0,"state":{"waiting":{"reason":"PodInitializing"}}}]}}
                """,
            cells: ["0/1", "Init:0/1", "0"]
        ),
        PodCase(
            description: "init container failing",
            pod: """
                {"metadata":{"name":"p"},"spec":{"initContainers":[{"name":"i"}],"containers":[{"name":"a"}]},"status":{"phase":"Pending",
                 "initContainerStatuses":[{"name":"i","ready":false,"restartCount":0,"state":{"terminated":{"exitCode":2}}}]}}
                """,
            cells: ["0/1", "Init:ExitCode:2", "0"]
        ),
        PodCase(
            description: "running sidecar counts as a container",
            pod: """
                {"metadata":{"name":"p"},"spec":{"initContainers":[{"name":"s","restartPolicy":"Always"}],"containers":[{"name":"a"}]},
                 "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"}],
                 "initContainerStatuses":[{"name":"s","ready":true,"started":true,"restartCount":0,"state":{"running":{}}}],
                 "containerStatuses":[{"name":"a","ready":true,"restartCount":0,"state":{"running":{}}}]}}
                """,
            cells: ["2/2", "Running", "0"]
        ),
        PodCase(
            description: "completed",
            pod: """
                {"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Succeeded","containerStatuses":[
                 {"name":"a","ready":false,"restartCount":0,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}}
                """,
            cells: ["0/1", "Completed", "0"]
        ),
        PodCase(
            description: "being deleted",
            pod: """
                {"metadata":{"name":"p","deletionTimestamp":"2026-11-26T23:04:00Z"},"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Running",
                 "containerStatuses":[{"name":"a","ready":true,"restartCount":0,"state":{"running":{}}}]}}
                """,
            cells: ["1/1", "Terminating", "0"]
        ),
        PodCase(
            description: "evicted",
            pod: #"{"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Failed","reason":"Evicted"}}"#,
            cells: ["0/1", "Evicted", "0"]
        ),
    ])
    func podStatusColumns(_ testCase: PodCase) throws {
        let converter = TableConverter(resource: try self.resource("", "pods"))
        let cells = converter.cells(for: try json(testCase.pod), now: self.now)
        #expect(cells[1...3].map { $0.stringValue ?? "" } == testCase.cells)
    }

    @Test func finishedPodsCarryACompletedCondition() throws {
        let converter = TableConverter(resource: try self.resource("", "pods"))
        let done = try json(#"{"metadata":{"name":"p"},"spec":{"containers":[]},"status":{"phase":"Succeeded"}}"#)
        #expect(converter.row(for: done, now: self.now)["conditions"] == [["type": "Completed", "status": "True"]])
        #expect(converter.row(for: try self.recordedPod(), now: self.now)["conditions"] == nil)
    }

    @Test func readinessGatesAndNominatedNode() throws {
        let pod = try json(
            """
            {"metadata":{"name":"p"},"spec":{"readinessGates":[{"conditionType":"a"},{"conditionType":"b"}],"containers":[]},
             "status":{"nominatedNodeName":"n2","conditions":[{"type":"a","status":"True"},{"type":"b","status":"False"}]}}
            """
        )
        let cells = TableConverter(resource: try self.resource("", "pods")).cells(for: pod, now: self.now)
        #expect(cells[7] == "n2")
        #expect(cells[8] == "1/2")
    }

    // MARK: Deployments and other built-ins

    @Test func deploymentTable() throws {
        let deployment = try json(
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","creationTimestamp":"2026-11-26T22:59:03Z"},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web","tier":"fe"}},
                     "template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"},{"name":"log","image":"busybox"}]}}},
             "status":{"replicas":2,"updatedReplicas":2,"readyReplicas":1,"availableReplicas":1}}
            """
        )
        let converter = TableConverter(resource: try self.resource("apps", "deployments"))
        let table = converter.table(objects: [deployment], now: self.now, resourceVersion: "7", continueToken: "abc", remainingItemCount: 3)
        #expect(table["metadata"] == ["resourceVersion": "7", "continue": "abc", "remainingItemCount": 3])
        let columns = try #require(table["columnDefinitions"]?.arrayValue)
        #expect(columns.map { $0["name"]?.stringValue ?? "" } == ["Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"])
        #expect(columns.map { $0["priority"]?.intValue ?? -1 } == [0, 0, 0, 0, 0, 1, 1, 1])
        #expect(columns.map { $0["type"]?.stringValue ?? "" } == ["string", "string", "integer", "integer", "string", "string", "string", "string"])
        #expect(table["rows"]?[0]?["cells"] == ["web", "1/2", 2, 1, "5m", "nginx,log", "nginx:1.25,busybox", "app=web,tier=fe"])
    }

    struct BuiltinCase: Sendable, CustomStringConvertible {
        var group: String
        var plural: String
        var object: String
        var columns: [String]
        var cells: String
        var description: String { "\(self.group)/\(self.plural)" }
    }

    @Test(arguments: [
        BuiltinCase(
            group: "apps", plural: "replicasets",
            object: #"{"metadata":{"name":"rs"},"spec":{"replicas":3,"selector":{"matchLabels":{"a":"b"}},"template":{"spec":{"containers":[{"name":"c","image":"i"}]}}},"status":{"replicas":3,"readyReplicas":2}}"#,
            columns: ["Name", "Desired", "Current", "Ready", "Age", "Containers", "Images", "Selector"],
            cells: #"["rs",3,3,2,"<unknown>","c","i","a=b"]"#
        ),
        BuiltinCase(
            group: "apps", plural: "statefulsets",
            object: #"{"metadata":{"name":"s"},"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"c","image":"i"}]}}},"status":{"readyReplicas":3}}"#,
            columns: ["Name", "Ready", "Age", "Containers", "Images"],
            cells: #"["s","3/3","<unknown>","c","i"]"#
        ),
        BuiltinCase(
            group: "apps", plural: "daemonsets",
            object: #"{"metadata":{"name":"d"},"spec":{"selector":{"matchLabels":{"a":"b"}},"template":{"spec":{"nodeSelector":{"z":"1","k":"v"},"containers":[{"name":"c","image":"i"}]}}},"status":{"desiredNumberScheduled":2,"currentNumberScheduled":2,"numberReady":1,"updatedNumberScheduled":2,"numberAvailable":1}}"#,
            columns: ["Name", "Desired", "Current", "Ready", "Up-to-date", "Available", "Node Selector", "Age", "Containers", "Images", "Selector"],
            cells: #"["d",2,2,1,2,1,"k=v,z=1","<unknown>","c","i","a=b"]"#
        ),
        BuiltinCase(
            group: "batch", plural: "jobs",
            object: #"{"metadata":{"name":"j"},"spec":{"completions":3,"selector":{"matchLabels":{"a":"b"}},"template":{"spec":{"containers":[{"name":"c","image":"i"}]}}},"status":{"succeeded":3,"startTime":"2026-11-26T23:00:00Z","completionTime":"2026-11-26T23:01:05Z","conditions":[{"type":"Complete","status":"True"}]}}"#,
            columns: ["Name", "Status", "Completions", "Duration", "Age", "Containers", "Images", "Selector"],
            cells: #"["j","Complete","3/3","65s","<unknown>","c","i","a=b"]"#
        ),
        BuiltinCase(
            group: "", plural: "services",
            object: #"{"metadata":{"name":"svc"},"spec":{"type":"NodePort","clusterIP":"10.96.0.10","ports":[{"port":80,"nodePort":30080},{"port":53,"protocol":"UDP"}],"selector":{"app":"web"}}}"#,
            columns: ["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector"],
            cells: #"["svc","NodePort","10.96.0.10","<none>","80:30080/TCP,53/UDP","<unknown>","app=web"]"#
        ),
        BuiltinCase(
            group: "", plural: "services",
            object: #"{"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","clusterIP":"10.96.0.11","ports":[]}}"#,
            columns: ["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector"],
            cells: #"["lb","LoadBalancer","10.96.0.11","<pending>","<none>","<unknown>","<none>"]"#
        ),
        BuiltinCase(
            group: "", plural: "nodes",
            object: #"{"metadata":{"name":"node-1","labels":{"node-role.kubernetes.io/control-plane":"","kubernetes.io/role":"edge"}},"spec":{"unschedulable":true},"status":{"conditions":[{"type":"Ready","status":"True"}],"addresses":[{"type":"InternalIP","address":"10.0.0.1"}],"nodeInfo":{"kubeletVersion":"v1.32.0","osImage":"Linux","kernelVersion":"6.1","containerRuntimeVersion":"fake://1"}}}"#,
            columns: ["Name", "Status", "Roles", "Age", "Version", "Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime"],
            cells: #"["node-1","Ready,SchedulingDisabled","control-plane,edge","<unknown>","v1.32.0","10.0.0.1","<none>","Linux","6.1","fake://1"]"#
        ),
        BuiltinCase(
            group: "", plural: "namespaces",
            object: #"{"metadata":{"name":"default"},"status":{"phase":"Active"}}"#,
            columns: ["Name", "Status", "Age"],
            cells: #"["default","Active","<unknown>"]"#
        ),
        BuiltinCase(
            group: "", plural: "configmaps",
            object: #"{"metadata":{"name":"cm"},"data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}}"#,
            columns: ["Name", "Data", "Age"],
            cells: #"["cm",3,"<unknown>"]"#
        ),
        BuiltinCase(
            group: "", plural: "secrets",
            object: #"{"metadata":{"name":"s"},"type":"Opaque","data":{"a":"MQ=="}}"#,
            columns: ["Name", "Type", "Data", "Age"],
            cells: #"["s","Opaque",1,"<unknown>"]"#
        ),
        BuiltinCase(
            group: "", plural: "persistentvolumeclaims",
            object: #"{"metadata":{"name":"data"},"spec":{"volumeName":"pv-1","storageClassName":"standard"},"status":{"phase":"Bound","capacity":{"storage":"1Gi"},"accessModes":["ReadWriteMany","ReadWriteOnce"]}}"#,
            columns: ["Name", "Status", "Volume", "Capacity", "Access Modes", "StorageClass", "VolumeAttributesClass", "Age", "VolumeMode"],
            cells: #"["data","Bound","pv-1","1Gi","RWO,RWX","standard","<unset>","<unknown>","<unset>"]"#
        ),
        BuiltinCase(
            group: "", plural: "events",
            object: #"{"metadata":{"name":"web.1"},"involvedObject":{"kind":"Pod","name":"web-0","fieldPath":"spec.containers{nginx}"},"reason":"Pulled","message":" pulled \n","type":"Normal","source":{"component":"kubelet","host":"node-1"},"firstTimestamp":"2026-11-26T23:00:03Z","lastTimestamp":"2026-11-26T23:03:03Z","count":4}"#,
            columns: ["Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name"],
            cells: #"["60s","Normal","Pulled","pod/web-0","spec.containers{nginx}","kubelet, node-1","pulled","4m","4","web.1"]"#
        ),
        BuiltinCase(
            group: "coordination.k8s.io", plural: "leases",
            object: #"{"metadata":{"name":"kruise-manager"},"spec":{"holderIdentity":"pod-1"}}"#,
            columns: ["Name", "Holder", "Age"],
            cells: #"["kruise-manager","pod-1","<unknown>"]"#
        ),
        BuiltinCase(
            group: "apps", plural: "controllerrevisions",
            object: #"{"metadata":{"name":"web-5d4","ownerReferences":[{"apiVersion":"apps/v1","kind":"StatefulSet","name":"web","uid":"u","controller":true}]},"revision":2}"#,
            columns: ["Name", "Controller", "Revision", "Age"],
            cells: #"["web-5d4","statefulset.apps/web",2,"<unknown>"]"#
        ),
        BuiltinCase(
            group: "networking.k8s.io", plural: "ingresses",
            object: #"{"metadata":{"name":"ing"},"spec":{"rules":[{"host":"a.example"},{"host":"b.example"}],"tls":[{}]},"status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"}]}}}"#,
            columns: ["Name", "Class", "Hosts", "Address", "Ports", "Age"],
            cells: #"["ing","<none>","a.example,b.example","1.2.3.4","80, 443","<unknown>"]"#
        ),
        BuiltinCase(
            group: "admissionregistration.k8s.io", plural: "validatingwebhookconfigurations",
            object: #"{"metadata":{"name":"kruise"},"webhooks":[{},{}]}"#,
            columns: ["Name", "Webhooks", "Age"],
            cells: #"["kruise",2,"<unknown>"]"#
        ),
        BuiltinCase(
            group: "apiextensions.k8s.io", plural: "customresourcedefinitions",
            object: #"{"metadata":{"name":"clonesets.apps.kruise.io","creationTimestamp":"2026-11-26T23:00:00Z"}}"#,
            columns: ["Name", "Created At"],
            cells: #"["clonesets.apps.kruise.io","2026-11-26T23:00:00Z"]"#
        ),
    ])
    func builtinColumns(_ testCase: BuiltinCase) throws {
        let converter = TableConverter(resource: try self.resource(testCase.group, testCase.plural))
        #expect(converter.columnDefinitions.map(\.name) == testCase.columns)
        let cells = converter.cells(for: try json(testCase.object), now: self.now)
        let expected = try #require(try json(testCase.cells).arrayValue)
        // Counts are integers in JSON; compare them as text where the expectation spells them as strings.
        #expect(cells.count == expected.count)
        for (actual, wanted) in zip(cells, expected) {
            if case .string(let text) = wanted, case .int(let number) = actual {
                #expect(text == String(number))
            } else {
                #expect(actual == wanted)
            }
        }
    }

    @Test func everyBuiltinResourceHasANameColumnAndMatchingCells() throws {
        for resource in ResourceRegistry.builtin.resources {
            let converter = TableConverter(resource: resource)
            #expect(converter.columnDefinitions.contains { $0.format == "name" }, "\(resource.plural)")
            #expect(converter.cells(for: ["metadata": ["name": "x"]], now: self.now).count == converter.columnDefinitions.count)
        }
    }

    // MARK: Custom resources

    @Test func cloneSetPrinterColumnsFromTheFixture() throws {
        let registry = try ResourceRegistry.builtin.adding(crd: try OpenAPITestSupport.cloneSetDefinition())
        let resource = try #require(registry.resource(group: "apps.kruise.io", version: "v1alpha1", plural: "clonesets"))
        let converter = TableConverter(resource: resource)
        let columns = converter.columnDefinitions.map(\.json)
        #expect(
            columns == [
                TableConverter(resource: try self.resource("", "pods")).columnDefinitions[0].json,
                ["name": "DESIRED", "type": "integer", "format": "", "description": "", "priority": 0],
                ["name": "UPDATED", "type": "integer", "format": "", "description": "", "priority": 0],
            ]
        )
        let cloneSet = try json(#"{"metadata":{"name":"cs1","namespace":"default"},"spec":{"replicas":3},"status":{"updatedReplicas":2}}"#)
        #expect(converter.cells(for: cloneSet, now: self.now) == ["cs1", 3, 2])
        let fresh = try json(#"{"metadata":{"name":"cs2"},"spec":{"replicas":1}}"#)
        #expect(converter.cells(for: fresh, now: self.now) == ["cs2", 1, nil])
    }

    @Test func customResourceColumnTypes() throws {
        let registry = try ResourceRegistry.builtin.adding(crd: try OpenAPITestSupport.widgetDefinition())
        let converter = TableConverter(resource: try #require(registry.resource(group: "example.com", version: "v1", plural: "widgets")))
        #expect(converter.columnDefinitions.map(\.name) == ["Name", "Replicas", "Ready", "App", "Paused", "Ratio", "Started"])
        #expect(converter.columnDefinitions.map(\.priority) == [0, 0, 0, 1, 0, 0, 0])
        let widget = try json(
            """
            {"metadata":{"name":"w","labels":{"app":"shop"}},"spec":{"replicas":2.0,"paused":true},
             "status":{"ratio":0.5,"startTime":"2026-11-26T20:04:03Z","conditions":[{"type":"Synced","status":"False"},{"type":"Ready","status":"True"}]}}
            """
        )
        #expect(converter.cells(for: widget, now: self.now) == ["w", 2, "True", "shop", true, 0.5, "3h"])
    }

    @Test func customResourceWithoutColumnsGetsAge() throws {
        let crd = try CustomResourceDefinition.decode(
            try YAMLReader().read(
                """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: gadgets.example.com}
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {kind: Gadget, plural: gadgets}
                  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
                """
            )
        )
        let registry = try ResourceRegistry.builtin.adding(crd: crd)
        let converter = TableConverter(resource: try #require(registry.resource(group: "example.com", version: "v1", plural: "gadgets")))
        #expect(converter.columnDefinitions.map { "\($0.name)/\($0.type)" } == ["Name/string", "Age/date"])
        let gadget = try json(#"{"metadata":{"name":"g","creationTimestamp":"2026-11-26T23:03:53Z"}}"#)
        #expect(converter.cells(for: gadget, now: self.now) == ["g", "10s"])
    }

    // MARK: Rows and options

    @Test func includeObjectPolicies() throws {
        let converter = TableConverter(resource: try self.resource("", "pods"))
        let pod = try self.recordedPod()
        #expect(converter.row(for: pod, now: self.now, includeObject: .none).objectValue?.keys == ["cells"])
        #expect(converter.row(for: pod, now: self.now, includeObject: .object)["object"] == pod)
        let beta = converter.row(for: pod, now: self.now, tableVersion: .v1beta1)
        #expect(beta["object"]?["apiVersion"] == "meta.k8s.io/v1beta1")
        let table = converter.table(objects: [pod], now: self.now, includeColumnDefinitions: false, tableVersion: .v1beta1)
        #expect(table["columnDefinitions"] == [])
        #expect(table["apiVersion"] == "meta.k8s.io/v1beta1")
        #expect(table["metadata"] == .emptyObject)
        #expect(converter.table(objects: [], now: self.now)["rows"] == [])

        #expect(IncludeObjectPolicy(queryValue: nil) == .metadata)
        #expect(IncludeObjectPolicy(queryValue: "") == .metadata)
        #expect(IncludeObjectPolicy(queryValue: "Object") == .object)
        #expect(IncludeObjectPolicy(queryValue: "None") == IncludeObjectPolicy.none)
        #expect(IncludeObjectPolicy(queryValue: "object") == nil)
    }

    @Test(arguments: [
        (0, "0s"), (-1, "0s"), (-3, "<invalid>"), (10, "10s"), (119, "119s"), (120, "2m"), (125, "2m5s"), (600, "10m"),
        (179 * 60, "179m"), (3 * 3600, "3h"), (3 * 3600 + 60 * 7, "3h7m"), (8 * 3600, "8h"), (47 * 3600, "47h"),
        (48 * 3600, "2d"), (50 * 3600, "2d2h"), (8 * 86_400, "8d"), (729 * 86_400, "729d"), (730 * 86_400, "2y"),
        (800 * 86_400, "2y70d"), (8 * 365 * 86_400, "8y"),
    ] as [(Int64, String)])
    func humanDurations(seconds: Int64, text: String) {
        #expect(HumanDuration.format(.seconds(seconds)) == text)
    }

    @Test func agesOfMissingTimes() {
        #expect(HumanDuration.age(of: nil, now: self.now) == "<unknown>")
        #expect(HumanDuration.format(.milliseconds(1500)) == "1s")
        #expect(HumanDuration.format(.milliseconds(-1500)) == "0s")
    }
}
