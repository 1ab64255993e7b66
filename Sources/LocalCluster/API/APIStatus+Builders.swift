public import KubeModel

extension APIStatus {
    /// `pods`, `deployments.apps`: how messages name a resource.
    static func qualified(_ resource: String, group: String) -> String {
        group.isEmpty ? resource : "\(resource).\(group)"
    }

    // MARK: 404

    /// 404 `NotFound` for a missing object: `pods "x" not found`, `deployments.apps "web" not found`.
    public static func notFound(group: String, resource: String, name: String) -> APIStatus {
        APIStatus(
            failure: 404,
            reason: .notFound,
            message: "\(Self.qualified(resource, group: group)) \(GoQuote.quote(name)) not found",
            details: APIStatusDetails(name: name, group: group, kind: resource)
        )
    }

    /// 404 `NotFound` for a missing object of `resource`.
    public static func notFound(_ resource: APIResource, name: String) -> APIStatus {
        Self.notFound(group: resource.group, resource: resource.plural, name: name)
    }

    /// 404 `NotFound` for a path the server does not serve: `the server could not find the requested resource`.
    public static func pathNotFound() -> APIStatus {
        APIStatus(
            failure: 404,
            reason: .notFound,
            message: "the server could not find the requested resource",
            details: APIStatusDetails()
        )
    }

    // MARK: 409

    /// 409 `AlreadyExists`: `pods "p1" already exists`.
    public static func alreadyExists(group: String, resource: String, name: String) -> APIStatus {
        APIStatus(
            failure: 409,
            reason: .alreadyExists,
            message: "\(Self.qualified(resource, group: group)) \(GoQuote.quote(name)) already exists",
            details: APIStatusDetails(name: name, group: group, kind: resource)
        )
    }

    /// 409 `AlreadyExists` for an object of `resource`.
    public static func alreadyExists(_ resource: APIResource, name: String) -> APIStatus {
        Self.alreadyExists(group: resource.group, resource: resource.plural, name: name)
    }

    /// What a stale `resourceVersion` on an update is told.
    public static let objectModifiedMessage =
        "the object has been modified; please apply your changes to the latest version and try again"

    /// 409 `Conflict`: `Operation cannot be fulfilled on pods "p1": <reason>`, by default the stale
    /// `resourceVersion` message.
    public static func conflict(
        group: String,
        resource: String,
        name: String,
        reason: String = APIStatus.objectModifiedMessage
    ) -> APIStatus {
        APIStatus(
            failure: 409,
            reason: .conflict,
            message: "Operation cannot be fulfilled on \(Self.qualified(resource, group: group)) \(GoQuote.quote(name)): \(reason)",
            details: APIStatusDetails(name: name, group: group, kind: resource)
        )
    }

    /// 409 `Conflict` for an object of `resource`.
    public static func conflict(
        _ resource: APIResource,
        name: String,
        reason: String = APIStatus.objectModifiedMessage
    ) -> APIStatus {
        Self.conflict(group: resource.group, resource: resource.plural, name: name, reason: reason)
    }

    /// 409 `Conflict` from server-side apply: `Apply failed with 1 conflict: conflict with "m" using apps/v1:
    /// .spec.replicas`, one `FieldManagerConflict` cause per field. With several conflicts the message groups
    /// the fields by manager (managers sorted), one `- <field>` line each.
    public static func applyConflict(_ conflicts: [FieldManagerConflict]) -> APIStatus {
        let causes = conflicts.map {
            APIStatusCause(reason: "FieldManagerConflict", message: "conflict with \($0.managerDescription)", field: $0.field)
        }
        let message: String
        if conflicts.count == 1 {
            message = "Apply failed with 1 conflict: conflict with \(conflicts[0].managerDescription): \(conflicts[0].field)"
        } else {
            var byManager: [String: [FieldManagerConflict]] = [:]
            for conflict in conflicts { byManager[conflict.manager, default: []].append(conflict) }
            var lines: [String] = []
            for manager in byManager.keys.sorted() {
                let owned = byManager[manager]!
                lines.append("conflicts with \(owned[0].managerDescription):")
                lines.append(contentsOf: owned.map { "- \($0.field)" })
            }
            message = "Apply failed with \(conflicts.count) conflicts: \(lines.joined(separator: "\n"))"
        }
        return APIStatus(failure: 409, reason: .conflict, message: message, details: APIStatusDetails(causes: causes))
    }

    // MARK: 422

    /// 422 `Invalid`: `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: ...`, with one cause
    /// per field error (`details.kind` is the kind here, not the resource). Several distinct errors are listed
    /// as `[e1, e2]`.
    public static func invalid(group: String, kind: String, name: String, errors: [FieldError]) -> APIStatus {
        let qualifiedKind = group.isEmpty ? kind : "\(kind).\(group)"
        var seen: Set<String> = []
        let distinct = errors.map(\.description).filter { seen.insert($0).inserted }
        var message = "\(qualifiedKind) \(GoQuote.quote(name)) is invalid"
        switch distinct.count {
        case 0: break
        case 1: message += ": \(distinct[0])"
        default: message += ": [\(distinct.joined(separator: ", "))]"
        }
        let causes = errors.map {
            APIStatusCause(reason: Self.causeReason(of: $0), message: $0.message, field: $0.field)
        }
        return APIStatus(
            failure: 422,
            reason: .invalid,
            message: message,
            details: APIStatusDetails(name: name, group: group, kind: kind, causes: causes)
        )
    }

    /// 422 `Invalid` for an object of `resource`.
    public static func invalid(_ resource: APIResource, name: String, errors: [FieldError]) -> APIStatus {
        Self.invalid(group: resource.group, kind: resource.kind, name: name, errors: errors)
    }

    /// The `field.ErrorType` cause of a field error, read from the start of its message
    /// (`Invalid value:` is `FieldValueInvalid`, `Required value` is `FieldValueRequired`, ...).
    static func causeReason(of error: FieldError) -> String {
        let prefixes: [(String, String)] = [
            ("Not found", "FieldValueNotFound"),
            ("Required value", "FieldValueRequired"),
            ("Duplicate value", "FieldValueDuplicate"),
            ("Invalid value", "FieldValueInvalid"),
            ("Unsupported value", "FieldValueNotSupported"),
            ("Forbidden", "FieldValueForbidden"),
            ("Too long", "FieldValueTooLong"),
            ("Too many", "FieldValueTooMany"),
            ("Internal error", "InternalError"),
        ]
        for (prefix, reason) in prefixes where error.message.hasPrefix(prefix) { return reason }
        return "FieldValueInvalid"
    }

    // MARK: 400, 401, 403

    /// 400 `BadRequest` with `message`.
    public static func badRequest(_ message: String) -> APIStatus {
        APIStatus(failure: 400, reason: .badRequest, message: message)
    }

    /// 400 for an object whose `metadata.namespace` differs from the request path's.
    public static func namespaceMismatch() -> APIStatus {
        Self.badRequest("the namespace of the provided object does not match the namespace sent on the request")
    }

    /// 400 for unknown (or duplicate) fields under `fieldValidation=Strict`:
    /// `strict decoding error: unknown field "spec.foo", unknown field "spec.bar"`, after `prefix` (a create or
    /// update says `Pod in version "v1" cannot be handled as a Pod: ` first; a patch says nothing).
    public static func strictDecoding(unknownFields: [String], duplicateFields: [String] = [], prefix: String = "") -> APIStatus {
        let errors = unknownFields.map { "unknown field \(GoQuote.quote($0))" }
            + duplicateFields.map { "duplicate field \(GoQuote.quote($0))" }
        return Self.badRequest(prefix + "strict decoding error: " + errors.joined(separator: ", "))
    }

    /// 400 for a field selector naming a field the resource cannot be selected by.
    public static func fieldLabelNotSupported(_ field: String) -> APIStatus {
        Self.badRequest("field label not supported: \(field)")
    }

    /// 401 `Unauthorized`.
    /// 413: a request body over `limit` bytes.
    public static func requestEntityTooLarge(limit: Int) -> APIStatus {
        APIStatus(failure: 413, reason: StatusReason(rawValue: "RequestEntityTooLarge"), message: "Request entity too large: limit is \(limit)")
    }

    public static func unauthorized(_ message: String = "Unauthorized") -> APIStatus {
        APIStatus(failure: 401, reason: .unauthorized, message: message)
    }

    /// 403 `Forbidden`: `pods "p1" is forbidden: <reason>` (`pods is forbidden: ...` without a name,
    /// `forbidden: ...` without a resource).
    public static func forbidden(group: String, resource: String, name: String = "", reason: String) -> APIStatus {
        let message: String
        if resource.isEmpty && group.isEmpty {
            message = "forbidden: \(reason)"
        } else if name.isEmpty {
            message = "\(Self.qualified(resource, group: group)) is forbidden: \(reason)"
        } else {
            message = "\(Self.qualified(resource, group: group)) \(GoQuote.quote(name)) is forbidden: \(reason)"
        }
        return APIStatus(
            failure: 403,
            reason: .forbidden,
            message: message,
            details: APIStatusDetails(name: name, group: group, kind: resource)
        )
    }

    /// 403 from authorization: `pods is forbidden: User "x" cannot list resource "pods" in API group "" in the
    /// namespace "default"` (`at the cluster scope` without a namespace).
    public static func forbidden(
        user: String,
        verb: String,
        group: String,
        resource: String,
        subresource: String = "",
        name: String = "",
        namespace: String = ""
    ) -> APIStatus {
        let resourcePath = subresource.isEmpty ? resource : "\(resource)/\(subresource)"
        let scope = namespace.isEmpty ? "at the cluster scope" : "in the namespace \(GoQuote.quote(namespace))"
        let reason =
            "User \(GoQuote.quote(user)) cannot \(verb) resource \(GoQuote.quote(resourcePath)) in API group \(GoQuote.quote(group)) \(scope)"
        return Self.forbidden(group: group, resource: resource, name: name, reason: reason)
    }

    /// 403 for a create in a namespace that is being deleted, with kube-apiserver's `NamespaceTerminating` cause.
    public static func namespaceTerminating(group: String, resource: String, name: String, namespace: String) -> APIStatus {
        var status = Self.forbidden(
            group: group,
            resource: resource,
            name: name,
            reason: "unable to create new content in namespace \(namespace) because it is being terminated"
        )
        status.details?.causes = [
            APIStatusCause(
                reason: "NamespaceTerminating",
                message: "namespace \(namespace) is being terminated",
                field: "metadata.namespace"
            )
        ]
        return status
    }

    /// An admission webhook's denial: `admission webhook "v.example.com" denied the request: <message>`, with
    /// the webhook's code (below 400 becomes 400) and reason.
    public static func webhookDenied(webhook: String, message: String, reason: StatusReason? = nil, code: Int = 403) -> APIStatus {
        let deniedBy = "admission webhook \(GoQuote.quote(webhook)) denied the request"
        let text: String
        if !message.isEmpty {
            text = "\(deniedBy): \(message)"
        } else if let reason, !reason.rawValue.isEmpty {
            text = "\(deniedBy): \(reason.rawValue)"
        } else {
            text = "\(deniedBy) without explanation"
        }
        let effectiveCode = code < 400 ? 400 : code
        return APIStatus(httpStatus: effectiveCode, code: effectiveCode, reason: reason, message: text)
    }

    // MARK: 405, 406, 415

    /// 405 `MethodNotAllowed` for an HTTP method the path has no route for.
    public static func methodNotAllowed() -> APIStatus {
        APIStatus(
            failure: 405,
            reason: .methodNotAllowed,
            message: "the server does not allow this method on the requested resource",
            details: APIStatusDetails()
        )
    }

    /// 405 `MethodNotAllowed` for a verb the resource does not support:
    /// `deletecollection is not supported on resources of kind "namespaces"`.
    public static func methodNotSupported(group: String, resource: String, verb: String) -> APIStatus {
        APIStatus(
            failure: 405,
            reason: .methodNotAllowed,
            message: "\(verb) is not supported on resources of kind \(GoQuote.quote(Self.qualified(resource, group: group)))",
            details: APIStatusDetails(group: group, kind: resource)
        )
    }

    /// 406 `NotAcceptable` (never for discovery or Table requests).
    public static func notAcceptable(accepted: [String]) -> APIStatus {
        APIStatus(
            failure: 406,
            reason: .notAcceptable,
            message: "only the following media types are accepted: \(accepted.joined(separator: ", "))"
        )
    }

    /// 415 `UnsupportedMediaType`: `the body of the request was in an unknown format - accepted media types
    /// include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`.
    public static func unsupportedMediaType(accepted: [String]) -> APIStatus {
        APIStatus(
            failure: 415,
            reason: .unsupportedMediaType,
            message: "the body of the request was in an unknown format - accepted media types include: "
                + accepted.joined(separator: ", ")
        )
    }

    // MARK: 410

    /// 410 `Gone` with `message`.
    public static func gone(_ message: String) -> APIStatus {
        APIStatus(failure: 410, reason: .gone, message: message)
    }

    /// 410 `Expired` with `message`.
    public static func expired(_ message: String) -> APIStatus {
        APIStatus(failure: 410, reason: .expired, message: message)
    }

    /// 410 `Expired` for a watch or list from a compacted revision: `too old resource version: 100 (108)`.
    public static func tooOldResourceVersion(requested: Int64, oldest: Int64) -> APIStatus {
        Self.expired("too old resource version: \(requested) (\(oldest))")
    }

    /// 410 `Expired` for a `continue` token whose snapshot has been compacted.
    public static func continueExpired() -> APIStatus {
        Self.expired(
            "The provided continue parameter is too old to display a consistent list result. You can start a new list "
                + "without the continue parameter, or use the continue token in this response to retrieve the remainder "
                + "of the results. Continuing with the provided token results in an inconsistent list - objects that "
                + "were created, modified, or deleted between the time the first chunk was returned and now may show up "
                + "in the list."
        )
    }

    // MARK: 429, 500, 504

    /// 429 `TooManyRequests`, to be sent with a `Retry-After` header of `retryAfterSeconds`.
    public static func tooManyRequests(
        _ message: String = "Too many requests, please try again later.",
        retryAfterSeconds: Int = 1
    ) -> APIStatus {
        APIStatus(
            failure: 429,
            reason: .tooManyRequests,
            message: message,
            details: APIStatusDetails(retryAfterSeconds: retryAfterSeconds)
        )
    }

    /// 500 `InternalError`: `Internal error occurred: <error>`, the error also as the single cause.
    public static func internalError(_ error: String) -> APIStatus {
        APIStatus(
            failure: 500,
            reason: .internalError,
            message: "Internal error occurred: \(error)",
            details: APIStatusDetails(causes: [APIStatusCause(message: error)])
        )
    }

    /// 504 `Timeout`: `Timeout: <message>`.
    public static func timeout(_ message: String, retryAfterSeconds: Int = 0) -> APIStatus {
        APIStatus(
            failure: 504,
            reason: .timeout,
            message: "Timeout: \(message)",
            details: APIStatusDetails(retryAfterSeconds: retryAfterSeconds)
        )
    }

    // MARK: Success

    /// The 200 `Success` Status a delete answers with when it returns no object: `details` name the object,
    /// its group, its resource (in `kind`, as kube-apiserver does) and its uid; there is no `code`.
    public static func deleted(group: String, resource: String, name: String, uid: String) -> APIStatus {
        APIStatus(
            isSuccess: true,
            httpStatus: 200,
            details: APIStatusDetails(name: name, group: group, kind: resource, uid: uid)
        )
    }
}
