import KubeJSON
import KubeModel
import LocalCluster
import Testing

/// A compact rendering of a parse result, so path tables stay readable.
private func render(_ path: String, registry: ResourceRegistry = .builtin) -> String {
    do {
        switch try RequestPath(parsing: path, registry: registry) {
        case .root: return "root"
        case .version: return "version"
        case .health(let endpoint, let check): return "health \(endpoint.rawValue)" + (check.map { " \($0)" } ?? "")
        case .openAPIV2: return "openapi v2"
        case .openAPIV3Index: return "openapi v3"
        case .openAPIV3(let gv): return "openapi v3 \(gv.apiVersion)"
        case .coreAPIVersions: return "api"
        case .apiGroupList: return "apis"
        case .apiGroup(let group): return "group \(group)"
        case .apiResourceList(let gv): return "resources \(gv.apiVersion)"
        case .resource(let request):
            var text = "\(request.groupVersionResource.groupVersion.apiVersion) \(request.resource.plural)"
            if let namespace = request.namespace { text += " ns=\(namespace)" }
            if let name = request.name { text += " name=\(name)" }
            if let subresource = request.subresource { text += " sub=\(subresource.name)" }
            return text
        }
    } catch {
        return "\(error.status.httpStatus)"
    }
}

@Suite struct RequestPathTests {
    @Test(arguments: [
        // Server endpoints.
        ("/", "root"),
        ("/version", "version"),
        ("/version/", "version"),
        ("/healthz", "health healthz"),
        ("/livez", "health livez"),
        ("/readyz", "health readyz"),
        ("/livez/ping", "health livez ping"),
        ("/openapi/v2", "openapi v2"),
        ("/openapi/v3", "openapi v3"),
        ("/openapi/v3/api/v1", "openapi v3 v1"),
        ("/openapi/v3/apis/apps/v1", "openapi v3 apps/v1"),
        // Discovery.
        ("/api", "api"),
        ("/api/", "api"),
        ("/apis", "apis"),
        ("/api/v1", "resources v1"),
        ("/apis/apps", "group apps"),
        ("/apis/apps/v1", "resources apps/v1"),
        ("/apis/apiextensions.k8s.io/v1", "resources apiextensions.k8s.io/v1"),
        ("/apis/coordination.k8s.io/v1", "resources coordination.k8s.io/v1"),
        // Core resources.
        ("/api/v1/pods", "v1 pods"),
        ("/api/v1/namespaces/default/pods", "v1 pods ns=default"),
        ("/api/v1/namespaces/default/pods/web-0", "v1 pods ns=default name=web-0"),
        ("/api/v1/namespaces/default/pods/web-0/status", "v1 pods ns=default name=web-0 sub=status"),
        ("/api/v1/namespaces/default/pods/web-0/binding", "v1 pods ns=default name=web-0 sub=binding"),
        ("/api/v1/namespaces/default/pods/web-0/eviction", "v1 pods ns=default name=web-0 sub=eviction"),
        ("/api/v1/nodes", "v1 nodes"),
        ("/api/v1/nodes/node-1", "v1 nodes name=node-1"),
        ("/api/v1/nodes/node-1/status", "v1 nodes name=node-1 sub=status"),
        ("/api/v1/namespaces/default/configmaps/cm1", "v1 configmaps ns=default name=cm1"),
        ("/api/v1/namespaces/default/events", "v1 events ns=default"),
        // The namespaces ambiguity.
        ("/api/v1/namespaces", "v1 namespaces"),
        ("/api/v1/namespaces/default", "v1 namespaces name=default"),
        ("/api/v1/namespaces/default/status", "v1 namespaces name=default sub=status"),
        ("/api/v1/namespaces/default/finalize", "v1 namespaces name=default sub=finalize"),
        ("/api/v1/namespaces/pods", "v1 namespaces name=pods"),
        ("/api/v1/namespaces/status/pods", "v1 pods ns=status"),
        ("/api/v1/namespaces/finalize/finalize", "v1 namespaces name=finalize sub=finalize"),
        // Group resources.
        ("/apis/apps/v1/deployments", "apps/v1 deployments"),
        ("/apis/apps/v1/namespaces/default/deployments", "apps/v1 deployments ns=default"),
        ("/apis/apps/v1/namespaces/default/deployments/web", "apps/v1 deployments ns=default name=web"),
        ("/apis/apps/v1/namespaces/default/deployments/web/scale", "apps/v1 deployments ns=default name=web sub=scale"),
        ("/apis/apps/v1/namespaces/default/deployments/web/status", "apps/v1 deployments ns=default name=web sub=status"),
        ("/apis/batch/v1/namespaces/default/jobs/j1/status", "batch/v1 jobs ns=default name=j1 sub=status"),
        (
            "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/clonesets.apps.kruise.io",
            "apiextensions.k8s.io/v1 customresourcedefinitions name=clonesets.apps.kruise.io"
        ),
        ("/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kruise", "coordination.k8s.io/v1 leases ns=kube-system name=kruise"),
        // Percent-decoding, query and trailing slash.
        ("/api/v1/namespaces/default/pods/web%2D0", "v1 pods ns=default name=web-0"),
        ("/api/v1/namespaces/default/configmaps/a%3Ab", "v1 configmaps ns=default name=a:b"),
        ("/api/v1/namespaces/default/pods?limit=500&watch=true", "v1 pods ns=default"),
        ("/apis/apps/v1/namespaces/default/deployments/", "apps/v1 deployments ns=default"),
        // Not served: kube's 404.
        ("/foo", "404"),
        ("/api/v2", "404"),
        ("/api/v1/foos", "404"),
        ("/apis/nope", "404"),
        ("/apis/apps/v2", "404"),
        ("/apis/apps/v1/foos", "404"),
        ("/api/v1/pods/web-0", "404"),
        ("/api/v1/namespaces/default/nodes", "404"),
        ("/api/v1/namespaces/default/nodes/node-1", "404"),
        ("/api/v1/namespaces/default/pods/web-0/log", "404"),
        ("/api/v1/namespaces/default/pods/web-0/status/extra", "404"),
        ("/api/v1/namespaces/default/configmaps/cm1/status", "404"),
        ("/apis/apps/v1/namespaces/default", "404"),
        ("/apis/apps/v1/namespaces/default/deployments/web/foo", "404"),
        ("/api//v1", "404"),
        ("/version/extra", "404"),
        ("/healthz/a/b", "404"),
        ("/openapi/v3/apis/apps", "404"),
        ("/openapi/v3/apis/nope/v1", "404"),
        ("/swagger-2.0.0.pb-v1", "404"),
        ("api/v1", "404"),
        // Malformed escapes: 400.
        ("/api/v1/namespaces/default/pods/web%zz", "400"),
        ("/api/v1/namespaces/default/pods/web%2", "400"),
    ])
    func parses(path: String, expected: String) {
        #expect(render(path) == expected, "\(path)")
    }

    @Test func customResourcePathsFollowTheRegistry() throws {
        let registry = try ResourceRegistry.builtin.adding(crd: cloneSetCRD())
        #expect(render("/apis/apps.kruise.io/v1alpha1", registry: registry) == "resources apps.kruise.io/v1alpha1")
        #expect(render("/apis/apps.kruise.io", registry: registry) == "group apps.kruise.io")
        #expect(
            render("/apis/apps.kruise.io/v1alpha1/namespaces/default/clonesets/cs1/scale", registry: registry)
                == "apps.kruise.io/v1alpha1 clonesets ns=default name=cs1 sub=scale"
        )
        #expect(
            render("/apis/apps.kruise.io/v1alpha1/namespaces/default/clonesets/cs1/status", registry: registry)
                == "apps.kruise.io/v1alpha1 clonesets ns=default name=cs1 sub=status"
        )
        #expect(render("/apis/apps.kruise.io/v1alpha1/clonesets", registry: registry) == "apps.kruise.io/v1alpha1 clonesets")
        #expect(render("/openapi/v3/apis/apps.kruise.io/v1alpha1", registry: registry) == "openapi v3 apps.kruise.io/v1alpha1")
        #expect(render("/apis/apps.kruise.io/v1alpha1/namespaces/default/clonesets") == "404")
    }

    @Test func errorsCarryKubeStatuses() {
        #expect(throws: RequestPathError.self) { try RequestPath(parsing: "/api/v1/foos", registry: .builtin) }
        do {
            _ = try RequestPath(parsing: "/api/v1/foos", registry: .builtin)
        } catch {
            #expect(
                error.status.json.serializedString()
                    == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}"#
            )
        }
        do {
            _ = try RequestPath(parsing: "/api/v1/namespaces/a%zz", registry: .builtin)
        } catch {
            #expect(error == .invalidEscape("%zz"))
            #expect(error.status.message == #"invalid URL escape "%zz""#)
            #expect(error.status.httpStatus == 400)
        }
    }

    @Test(arguments: [
        ("GET", "/api/v1/namespaces/default/pods", false, APIVerb.list),
        ("GET", "/api/v1/namespaces/default/pods", true, .watch),
        ("GET", "/api/v1/pods", true, .watch),
        ("POST", "/api/v1/namespaces/default/pods", false, .create),
        ("DELETE", "/api/v1/namespaces/default/pods", false, .deletecollection),
        ("GET", "/api/v1/namespaces/default/pods/p", false, .get),
        ("PUT", "/api/v1/namespaces/default/pods/p", false, .update),
        ("PATCH", "/api/v1/namespaces/default/pods/p", false, .patch),
        ("DELETE", "/api/v1/namespaces/default/pods/p", false, .delete),
        ("POST", "/api/v1/namespaces/default/pods/p/eviction", false, .create),
        ("PATCH", "/apis/apps/v1/namespaces/default/deployments/web/scale", false, .patch),
        ("PUT", "/api/v1/namespaces/ns1/finalize", false, .update),
    ] as [(String, String, Bool, APIVerb)])
    func verbs(method: String, path: String, watch: Bool, verb: APIVerb) throws {
        guard case .resource(let request) = try RequestPath(parsing: path, registry: .builtin) else {
            Issue.record("not a resource path")
            return
        }
        #expect(request.verb(forMethod: method, watch: watch) == verb)
    }

    @Test(arguments: [
        ("POST", "/api/v1/pods"),
        ("DELETE", "/api/v1/pods"),
        ("DELETE", "/api/v1/namespaces"),
        ("POST", "/api/v1/namespaces/default/pods/p"),
        ("PUT", "/api/v1/namespaces/default/pods"),
        ("DELETE", "/apis/apps/v1/namespaces/default/deployments/web/status"),
        ("GET", "/api/v1/namespaces/default/pods/p/eviction"),
        ("GET", "/api/v1/namespaces/ns1/finalize"),
    ])
    func methodsWithoutRoute(method: String, path: String) throws {
        guard case .resource(let request) = try RequestPath(parsing: path, registry: .builtin) else {
            Issue.record("not a resource path")
            return
        }
        #expect(request.verb(forMethod: method, watch: false) == nil)
    }
}

@Suite struct RequestPathQueryTests {
    @Test func decodesLikeGo() {
        let query = RequestQuery(parsing: "labelSelector=app%3Dweb%2Ctier+in+(a%2Cb)&fieldSelector=metadata.name%3Dweb-0&limit=500&bad=%zz&x;y=1&flag")
        #expect(query.value("labelSelector") == "app=web,tier in (a,b)")
        #expect(query.value("fieldSelector") == "metadata.name=web-0")
        #expect(query.value("limit") == "500")
        #expect(!query.contains("bad"))
        #expect(!query.contains("x"))
        #expect(query.contains("flag") && query.value("flag") == "")
        #expect(RequestQuery(target: "/api?timeout=32s").value("timeout") == "32s")
        #expect(RequestQuery(target: "/api").parameters.isEmpty)
    }

    @Test func listOptions() throws {
        let query = RequestQuery(
            parsing:
                "allowWatchBookmarks=true&fieldSelector=metadata.name%3Dweb&resourceVersionMatch=NotOlderThan&sendInitialEvents=true&timeoutSeconds=580&watch=true&resourceVersion=0&continue=tok&limit=2&pretty=1"
        )
        let options = try ListQueryOptions(query: query)
        #expect(options.watch && options.allowWatchBookmarks && options.pretty)
        #expect(options.sendInitialEvents == true)
        #expect(options.timeoutSeconds == 580)
        #expect(options.limit == 2)
        #expect(options.continueToken == "tok")
        #expect(options.resourceVersion == "0")
        #expect(options.match == .notOlderThan)
        #expect(options.fieldSelector == "metadata.name=web")

        let empty = try ListQueryOptions(query: RequestQuery(parsing: ""))
        #expect(empty == ListQueryOptions())
        #expect(empty.validate().isEmpty)
    }

    @Test(arguments: [
        ("watch=true", true),
        ("watch=1", true),
        ("watch=", true),
        ("watch=yes", true),
        ("watch=0", false),
        ("watch=false", false),
        ("watch=FALSE", false),
        ("", false),
    ])
    func booleansConvertLikeKube(query: String, expected: Bool) throws {
        #expect(try ListQueryOptions(query: RequestQuery(parsing: query)).watch == expected)
    }

    @Test(arguments: [
        ("limit=abc", #"strconv.ParseInt: parsing "abc": invalid syntax"#),
        ("limit=", #"strconv.ParseInt: parsing "": invalid syntax"#),
        ("limit=99999999999999999999", #"strconv.ParseInt: parsing "99999999999999999999": value out of range"#),
        ("timeoutSeconds=1.5", #"strconv.ParseInt: parsing "1.5": invalid syntax"#),
    ])
    func badIntegersAre400(query: String, message: String) {
        do {
            _ = try ListQueryOptions(query: RequestQuery(parsing: query))
            Issue.record("expected an error for \(query)")
        } catch {
            #expect(error.status.httpStatus == 400)
            #expect(error.status.reason == .badRequest)
            #expect(error.status.message == message)
        }
    }

    @Test func integersAcceptGoSyntax() throws {
        #expect(try RequestQuery(parsing: "n=-9223372036854775808").int64("n") == Int64.min)
        #expect(try RequestQuery(parsing: "n=%2B42").int64("n") == 42)
        #expect(try RequestQuery(parsing: "n=").optionalInt64("n") == nil)
    }

    @Test(arguments: [
        ("resourceVersionMatch=NotOlderThan", ["resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided"]),
        (
            "resourceVersionMatch=Exact&resourceVersion=0",
            [#"resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0""#]
        ),
        (
            "resourceVersionMatch=Foo&resourceVersion=5",
            [#"resourceVersionMatch: Unsupported value: "Foo": supported values: "Exact", "NotOlderThan", """#]
        ),
        ("sendInitialEvents=true", ["sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list"]),
        (
            "watch=true&resourceVersionMatch=NotOlderThan",
            ["resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"]
        ),
        (
            "watch=true&sendInitialEvents=true",
            ["resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"]
        ),
        ("watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true", []),
        ("watch=true&resourceVersion=108", []),
    ])
    func listValidation(query: String, errors: [String]) throws {
        let options = try ListQueryOptions(query: RequestQuery(parsing: query))
        #expect(options.validate().map(\.description) == errors)
    }

    @Test func listValidationStatus() throws {
        let options = try ListQueryOptions(query: RequestQuery(parsing: "sendInitialEvents=false"))
        let status = try #require(options.validationStatus())
        #expect(
            status.json.serializedString()
                == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"ListOptions.meta.k8s.io \"\" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list","reason":"Invalid","details":{"group":"meta.k8s.io","kind":"ListOptions","causes":[{"reason":"FieldValueForbidden","message":"Forbidden: sendInitialEvents is forbidden for list","field":"sendInitialEvents"}]},"code":422}"#
        )
    }

    @Test func writeOptions() {
        let options = WriteQueryOptions(
            query: RequestQuery(parsing: "fieldManager=kubectl-client-side-apply&fieldValidation=Strict&dryRun=All&force=false")
        )
        #expect(options.fieldManager == "kubectl-client-side-apply")
        #expect(options.validation == .strict)
        #expect(options.isDryRun)
        #expect(options.force == false)
        #expect(options.validate().isEmpty)
        #expect(WriteQueryOptions(query: RequestQuery(parsing: "")).force == nil)

        let bad = WriteQueryOptions(query: RequestQuery(parsing: "fieldValidation=Loose&dryRun=Some"))
        #expect(
            bad.validate().map(\.description) == [
                #"dryRun: Unsupported value: []string{"Some"}: supported values: "All""#,
                #"fieldValidation: Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn""#,
            ]
        )
    }

    @Test func deleteOptions() throws {
        let options = try DeleteQueryOptions(query: RequestQuery(parsing: "propagationPolicy=Foreground&gracePeriodSeconds=0"))
        #expect(options.policy == .foreground)
        #expect(options.gracePeriodSeconds == 0)
        #expect(!options.isDryRun)
        #expect(options.validate().isEmpty)

        let bad = try DeleteQueryOptions(query: RequestQuery(parsing: "propagationPolicy=Later"))
        #expect(
            bad.validate().map(\.description) == [
                #"propagationPolicy: Unsupported value: "Later": supported values: "Foreground", "Background", "Orphan", "nil""#
            ]
        )
        #expect(throws: QueryParameterError.self) { try DeleteQueryOptions(query: RequestQuery(parsing: "gracePeriodSeconds=soon")) }
    }
}
