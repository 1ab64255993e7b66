import KubeJSON
import KubeModel
import LocalCluster
import Testing

@Suite struct APIStatusTests {
    static let deployments = ResourceRegistry.builtin.resource(group: "apps", version: "v1", plural: "deployments")!

    @Test(arguments: [
        (
            APIStatus.notFound(group: "", resource: "pods", name: "zzz"), 404,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"zzz\" not found","reason":"NotFound","details":{"name":"zzz","kind":"pods"},"code":404}"#
        ),
        (
            APIStatus.notFound(APIStatusTests.deployments, name: "web"), 404,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"web\" not found","reason":"NotFound","details":{"name":"web","group":"apps","kind":"deployments"},"code":404}"#
        ),
        (
            APIStatus.pathNotFound(), 404,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}"#
        ),
        (
            APIStatus.alreadyExists(group: "", resource: "pods", name: "p1"), 409,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"p1\" already exists","reason":"AlreadyExists","details":{"name":"p1","kind":"pods"},"code":409}"#
        ),
        (
            APIStatus.conflict(group: "", resource: "pods", name: "p1"), 409,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on pods \"p1\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","details":{"name":"p1","kind":"pods"},"code":409}"#
        ),
        (
            APIStatus.conflict(APIStatusTests.deployments, name: "web"), 409,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","details":{"name":"web","group":"apps","kind":"deployments"},"code":409}"#
        ),
        (
            APIStatus.applyConflict([FieldManagerConflict(manager: "kubectl-client-side-apply", apiVersion: "apps/v1", field: ".spec.replicas")]),
            409,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas","reason":"Conflict","details":{"causes":[{"reason":"FieldManagerConflict","message":"conflict with \"kubectl-client-side-apply\" using apps/v1","field":".spec.replicas"}]},"code":409}"#
        ),
        (
            APIStatus.applyConflict([
                FieldManagerConflict(manager: "b", isUpdate: false, field: ".spec.x"),
                FieldManagerConflict(manager: "a", apiVersion: "v1", time: "2026-01-01T00:00:00Z", subresource: "status", field: ".status.y"),
                FieldManagerConflict(manager: "b", isUpdate: false, field: ".spec.z"),
            ]),
            409,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Apply failed with 3 conflicts: conflicts with \"a\" with subresource \"status\" using v1 at 2026-01-01T00:00:00Z:\n- .status.y\nconflicts with \"b\":\n- .spec.x\n- .spec.z","reason":"Conflict","details":{"causes":[{"reason":"FieldManagerConflict","message":"conflict with \"b\"","field":".spec.x"},{"reason":"FieldManagerConflict","message":"conflict with \"a\" with subresource \"status\" using v1 at 2026-01-01T00:00:00Z","field":".status.y"},{"reason":"FieldManagerConflict","message":"conflict with \"b\"","field":".spec.z"}]},"code":409}"#
        ),
        (
            APIStatus.invalid(
                APIStatusTests.deployments,
                name: "web",
                errors: [FieldError(field: "spec.replicas", message: "Invalid value: -1: must be greater than or equal to 0")]
            ),
            422,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0","reason":"Invalid","details":{"name":"web","group":"apps","kind":"Deployment","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: -1: must be greater than or equal to 0","field":"spec.replicas"}]},"code":422}"#
        ),
        (
            APIStatus.invalid(
                group: "apps.kruise.io",
                kind: "CloneSet",
                name: "cs1",
                errors: [
                    FieldError(field: "metadata.resourceVersion", message: "Invalid value: 0x0: must be specified for an update"),
                    FieldError(field: "spec.selector", message: "Required value"),
                    FieldError(field: "spec.selector", message: "Required value"),
                ]
            ),
            422,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"CloneSet.apps.kruise.io \"cs1\" is invalid: [metadata.resourceVersion: Invalid value: 0x0: must be specified for an update, spec.selector: Required value]","reason":"Invalid","details":{"name":"cs1","group":"apps.kruise.io","kind":"CloneSet","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: 0x0: must be specified for an update","field":"metadata.resourceVersion"},{"reason":"FieldValueRequired","message":"Required value","field":"spec.selector"},{"reason":"FieldValueRequired","message":"Required value","field":"spec.selector"}]},"code":422}"#
        ),
        (
            APIStatus.invalid(group: "", kind: "Pod", name: "p", errors: []), 422,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Pod \"p\" is invalid","reason":"Invalid","details":{"name":"p","kind":"Pod"},"code":422}"#
        ),
        (
            APIStatus.badRequest("the namespace of the provided object does not match the namespace sent on the request"), 400,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the namespace of the provided object does not match the namespace sent on the request","reason":"BadRequest","code":400}"#
        ),
        (
            APIStatus.namespaceMismatch(), 400,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the namespace of the provided object does not match the namespace sent on the request","reason":"BadRequest","code":400}"#
        ),
        (
            APIStatus.strictDecoding(unknownFields: ["spec.foo", "spec.bar"]), 400,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"strict decoding error: unknown field \"spec.foo\", unknown field \"spec.bar\"","reason":"BadRequest","code":400}"#
        ),
        (
            APIStatus.fieldLabelNotSupported("spec.foo"), 400,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"field label not supported: spec.foo","reason":"BadRequest","code":400}"#
        ),
        (
            APIStatus.unauthorized(), 401,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#
        ),
        (
            APIStatus.forbidden(user: "x", verb: "list", group: "", resource: "pods", namespace: "default"), 403,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"x\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}"#
        ),
        (
            APIStatus.forbidden(user: "x", verb: "get", group: "apps", resource: "deployments", subresource: "scale", name: "web"), 403,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"web\" is forbidden: User \"x\" cannot get resource \"deployments/scale\" in API group \"apps\" at the cluster scope","reason":"Forbidden","details":{"name":"web","group":"apps","kind":"deployments"},"code":403}"#
        ),
        (
            APIStatus.namespaceTerminating(group: "", resource: "pods", name: "p1", namespace: "x"), 403,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"p1\" is forbidden: unable to create new content in namespace x because it is being terminated","reason":"Forbidden","details":{"name":"p1","kind":"pods","causes":[{"reason":"NamespaceTerminating","message":"namespace x is being terminated","field":"metadata.namespace"}]},"code":403}"#
        ),
        (
            APIStatus.webhookDenied(webhook: "v.example.com", message: "replicas too high", reason: .forbidden), 403,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"admission webhook \"v.example.com\" denied the request: replicas too high","reason":"Forbidden","code":403}"#
        ),
        (
            APIStatus.webhookDenied(webhook: "v.example.com", message: "", code: 200), 400,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"admission webhook \"v.example.com\" denied the request without explanation","code":400}"#
        ),
        (
            APIStatus.methodNotAllowed(), 405,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server does not allow this method on the requested resource","reason":"MethodNotAllowed","details":{},"code":405}"#
        ),
        (
            APIStatus.methodNotSupported(group: "", resource: "namespaces", verb: "deletecollection"), 405,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deletecollection is not supported on resources of kind \"namespaces\"","reason":"MethodNotAllowed","details":{"kind":"namespaces"},"code":405}"#
        ),
        (
            APIStatus.notAcceptable(accepted: ["application/json", "application/yaml"]), 406,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"only the following media types are accepted: application/json, application/yaml","reason":"NotAcceptable","code":406}"#
        ),
        (
            APIStatus.unsupportedMediaType(accepted: [
                "application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml",
            ]),
            415,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml","reason":"UnsupportedMediaType","code":415}"#
        ),
        (
            APIStatus.gone("the resource is gone"), 410,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the resource is gone","reason":"Gone","code":410}"#
        ),
        (
            APIStatus.tooOldResourceVersion(requested: 100, oldest: 108), 410,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 100 (108)","reason":"Expired","code":410}"#
        ),
        (
            APIStatus.tooManyRequests(retryAfterSeconds: 1), 429,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Too many requests, please try again later.","reason":"TooManyRequests","details":{"retryAfterSeconds":1},"code":429}"#
        ),
        (
            APIStatus.internalError("disk full"), 500,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Internal error occurred: disk full","reason":"InternalError","details":{"causes":[{"message":"disk full"}]},"code":500}"#
        ),
        (
            APIStatus.timeout("request did not complete within 60s", retryAfterSeconds: 2), 504,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Timeout: request did not complete within 60s","reason":"Timeout","details":{"retryAfterSeconds":2},"code":504}"#
        ),
        (
            APIStatus.deleted(group: "", resource: "configmaps", name: "cm1", uid: "6f1c"), 200,
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name":"cm1","kind":"configmaps","uid":"6f1c"}}"#
        ),
    ] as [(APIStatus, Int, String)])
    func rendersLikeKubeAPIServer(status: APIStatus, httpStatus: Int, json: String) throws {
        #expect(status.httpStatus == httpStatus)
        #expect(status.json.serializedString() == json)
        #expect(String(decoding: status.encoded(), as: UTF8.self) == json)
        // And it is valid JSON that reads back to the same value.
        #expect(try JSONValue(parsing: json) == status.json)
    }

    @Test func continueExpiredIsExpired() {
        let status = APIStatus.continueExpired()
        #expect(status.httpStatus == 410)
        #expect(status.reason == .expired)
        #expect(status.message.hasPrefix("The provided continue parameter is too old to display a consistent list result."))
    }

    @Test func fieldErrorReasons() {
        let cases: [(String, String)] = [
            ("Not found: \"x\"", "FieldValueNotFound"),
            ("Required value", "FieldValueRequired"),
            ("Duplicate value: \"a\"", "FieldValueDuplicate"),
            ("Unsupported value: \"x\": supported values: \"a\"", "FieldValueNotSupported"),
            ("Forbidden: may not be set", "FieldValueForbidden"),
            ("Too long: may not be more than 63 bytes", "FieldValueTooLong"),
            ("Too many: 3: must have at most 2 items", "FieldValueTooMany"),
            ("Internal error: boom", "InternalError"),
            ("expected object, got string", "FieldValueInvalid"),
        ]
        for (message, reason) in cases {
            let status = APIStatus.invalid(group: "", kind: "Pod", name: "p", errors: [FieldError(field: "spec", message: message)])
            #expect(status.details?.causes.first?.reason == reason, "\(message)")
        }
    }

    @Test func isAnErrorClientsCanThrow() {
        let error: any Error = APIStatus.notFound(group: "", resource: "pods", name: "nope")
        #expect((error as? APIStatus)?.description == #"(NotFound): pods "nope" not found"#)
    }
}
