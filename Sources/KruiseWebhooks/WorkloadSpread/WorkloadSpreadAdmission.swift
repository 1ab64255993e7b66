public import ControllerRuntime
import KruiseAPI
import KubeJSON
import KubeModel

/// The WorkloadSpread validating webhook (`/validate-apps-kruise-io-v1alpha1-workloadspread`, CREATE and UPDATE):
/// ``WorkloadSpreadValidation`` against the namespace's other WorkloadSpreads and the target workload's template.
public struct WorkloadSpreadAdmission: Sendable {
    public static let validatingPath = "/validate-apps-kruise-io-v1alpha1-workloadspread"

    public let lookups: WorkloadSpreadLookups

    public init(lookups: WorkloadSpreadLookups) {
        self.lookups = lookups
    }

    /// Path → handler, for an `AdmissionDispatcher`.
    public var handlers: [String: AdmissionHandler] {
        let admission = self
        return [Self.validatingPath: { await admission.validate($0) }]
    }

    /// Validates a WorkloadSpread being created or updated; 422 naming every invalid field.
    public func validate(_ request: AdmissionRequest) async -> AdmissionResponse {
        guard request.operation == "CREATE" || request.operation == "UPDATE" else { return .allow() }
        guard case .object(let object)? = request.newObject else {
            return .deny("the request has no WorkloadSpread", code: 400, reason: "BadRequest")
        }
        let workloadSpread = WorkloadSpread(object: object)
        let namespace = workloadSpread.metadata.namespace ?? request.namespace
        let others = self.lookups.workloadSpreads(namespace)
        var workload: WorkloadSpreadWorkload?
        if let reference = workloadSpread.spec.targetRef,
            let found = await self.lookups.workload(reference.apiVersion, reference.kind, namespace, reference.name)
        {
            workload = WorkloadSpreadWorkload(object: found, apiVersion: reference.apiVersion, kind: reference.kind)
        }
        let errors: [FieldError]
        if request.operation == "UPDATE", case .object(let oldObject)? = request.oldObject {
            errors = WorkloadSpreadValidation.validateUpdate(
                workloadSpread, old: WorkloadSpread(object: oldObject), others: others, workloadTemplate: workload?.template,
                volumeClaimNames: workload?.volumeClaimNames ?? [])
        } else {
            errors = WorkloadSpreadValidation.validateCreate(
                workloadSpread, others: others, workloadTemplate: workload?.template,
                volumeClaimNames: workload?.volumeClaimNames ?? [])
        }
        guard !errors.isEmpty else { return .allow() }
        return .deny(errors.map(\.description).joined(separator: ", "), code: 422, reason: "Invalid")
    }
}
