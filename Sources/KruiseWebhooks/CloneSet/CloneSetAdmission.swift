public import ControllerRuntime
import KruiseAPI
import KubeJSON
public import KubeModel

/// CloneSet's admission webhooks, as upstream registers them: defaulting on CREATE and UPDATE
/// (`/mutate-apps-kruise-io-v1alpha1-cloneset`), and validation on CREATE and UPDATE sharing the validating
/// path with deletion protection's DELETE check (`/validate-apps-kruise-io-v1alpha1-cloneset`).
/// Pure: the request in, the verdict out (the pods `podsToDelete` names are looked up in a cache).
public struct CloneSetAdmission: Sendable {
    public static let mutatingPath = "/mutate-apps-kruise-io-v1alpha1-cloneset"
    public static let validatingPath = "/validate-apps-kruise-io-v1alpha1-cloneset"

    /// The pods of a namespace by name (for the `podsToDelete` checks).
    public let pods: @Sendable (_ namespace: String) -> [String: Pod]
    /// Handles the DELETEs on the shared validating path.
    public let deletionProtection: DeletionProtection

    public init(pods: @escaping @Sendable (_ namespace: String) -> [String: Pod], deletionProtection: DeletionProtection) {
        self.pods = pods
        self.deletionProtection = deletionProtection
    }

    /// Path → handler, for an `AdmissionDispatcher`.
    public var handlers: [String: AdmissionHandler] {
        let admission = self
        return [
            Self.mutatingPath: { admission.mutate($0) },
            Self.validatingPath: { admission.validate($0) },
        ]
    }

    /// Upstream's defaults as a JSON patch.
    public func mutate(_ request: AdmissionRequest) -> AdmissionResponse {
        guard request.operation == "CREATE" || request.operation == "UPDATE" else { return .allow() }
        guard case .object(let object)? = request.newObject else { return .deny("the request has no CloneSet", code: 400) }
        let old = request.oldObject?.objectValue.map { CloneSet(object: $0) }
        let patch = CloneSetDefaults.patch(for: CloneSet(object: object), oldCloneSet: old)
        return AdmissionResponse(allowed: true, patch: patch)
    }

    /// Upstream's validation on CREATE and UPDATE; deletion protection on DELETE.
    public func validate(_ request: AdmissionRequest) -> AdmissionResponse {
        if request.operation == "DELETE" { return self.deletionProtection.review(request) }
        guard request.operation == "CREATE" || request.operation == "UPDATE" else { return .allow() }
        guard case .object(let object)? = request.newObject else { return .deny("the request has no CloneSet", code: 400) }
        let cloneSet = CloneSet(object: object)
        let pods = self.pods(request.namespace)
        let errors: [FieldError]
        if request.operation == "UPDATE", case .object(let oldObject)? = request.oldObject {
            errors = CloneSetValidation.validateUpdate(cloneSet, old: CloneSet(object: oldObject), pods: pods)
        } else {
            errors = CloneSetValidation.validateCreate(cloneSet, pods: pods)
        }
        guard !errors.isEmpty else { return .allow() }
        // As controller-runtime's admission.Errored/Denied for a field.ErrorList: 422 with every field named.
        return .deny(errors.map(\.description).joined(separator: ", "), code: 422, reason: "Invalid")
    }
}
