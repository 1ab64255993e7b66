public import ControllerRuntime
import KruiseAPI
import KubeJSON
public import KubeModel

/// The admission webhooks of ImagePullJob, ImageListPullJob and NodeImage, as upstream (v1.6) serves them:
/// defaulting and validation on CREATE and UPDATE. The feature gates are checked by the validating handlers
/// (403 `feature-gate KruiseDaemon is not enabled`; ImagePullJob and ImageListPullJob also need
/// `ImagePullJobGate`); a validation problem is a 400 naming the field. Pure: the request in, the verdict out.
public struct ImagePullAdmission: Sendable {
    public static let mutatingImagePullJobPath = "/mutate-apps-kruise-io-v1alpha1-imagepulljob"
    public static let validatingImagePullJobPath = "/validate-apps-kruise-io-v1alpha1-imagepulljob"
    public static let mutatingImageListPullJobPath = "/mutate-apps-kruise-io-v1alpha1-imagelistpulljob"
    public static let validatingImageListPullJobPath = "/validate-apps-kruise-io-v1alpha1-imagelistpulljob"
    public static let mutatingNodeImagePath = "/mutate-apps-kruise-io-v1alpha1-nodeimage"
    public static let validatingNodeImagePath = "/validate-apps-kruise-io-v1alpha1-nodeimage"

    /// The gates the validating handlers check.
    public let gates: FeatureGates
    /// The clock of NodeImage defaulting (`createdAt`).
    public let now: @Sendable () -> KubeTime

    public init(gates: FeatureGates, now: @escaping @Sendable () -> KubeTime = { KubeTime.now() }) {
        self.gates = gates
        self.now = now
    }

    /// Path → handler, for an `AdmissionDispatcher`.
    public var handlers: [String: AdmissionHandler] {
        let admission = self
        return [
            Self.mutatingImagePullJobPath: { admission.mutateImagePullJob($0) },
            Self.validatingImagePullJobPath: { admission.validateImagePullJob($0) },
            Self.mutatingImageListPullJobPath: { admission.mutateImageListPullJob($0) },
            Self.validatingImageListPullJobPath: { admission.validateImageListPullJob($0) },
            Self.mutatingNodeImagePath: { admission.mutateNodeImage($0) },
            Self.validatingNodeImagePath: { admission.validateNodeImage($0) },
        ]
    }

    public func mutateImagePullJob(_ request: AdmissionRequest) -> AdmissionResponse {
        guard let object = Self.object(of: request) else { return Self.noObject("ImagePullJob", request) }
        return AdmissionResponse(
            allowed: true, patch: ImagePullDefaults.patch(for: ImagePullJob(object: object), isCreate: request.operation == "CREATE"))
    }

    public func validateImagePullJob(_ request: AdmissionRequest) -> AdmissionResponse {
        if let denial = self.gateDenial([KruiseFeatures.kruiseDaemon, KruiseFeatures.imagePullJobGate]) { return denial }
        guard let object = Self.object(of: request) else { return Self.noObject("ImagePullJob", request) }
        return Self.verdict(ImagePullValidation.validate(ImagePullJob(object: object)))
    }

    public func mutateImageListPullJob(_ request: AdmissionRequest) -> AdmissionResponse {
        guard let object = Self.object(of: request) else { return Self.noObject("ImageListPullJob", request) }
        return AdmissionResponse(allowed: true, patch: ImagePullDefaults.patch(for: ImageListPullJob(object: object)))
    }

    public func validateImageListPullJob(_ request: AdmissionRequest) -> AdmissionResponse {
        if let denial = self.gateDenial([KruiseFeatures.kruiseDaemon, KruiseFeatures.imagePullJobGate]) { return denial }
        guard let object = Self.object(of: request) else { return Self.noObject("ImageListPullJob", request) }
        return Self.verdict(ImagePullValidation.validate(ImageListPullJob(object: object)))
    }

    public func mutateNodeImage(_ request: AdmissionRequest) -> AdmissionResponse {
        guard let object = Self.object(of: request) else { return Self.noObject("NodeImage", request) }
        return AdmissionResponse(allowed: true, patch: ImagePullDefaults.patch(for: NodeImage(object: object), now: self.now()))
    }

    public func validateNodeImage(_ request: AdmissionRequest) -> AdmissionResponse {
        if let denial = self.gateDenial([KruiseFeatures.kruiseDaemon]) { return denial }
        guard let object = Self.object(of: request) else { return Self.noObject("NodeImage", request) }
        return Self.verdict(ImagePullValidation.validate(NodeImage(object: object)))
    }

    private func gateDenial(_ names: [String]) -> AdmissionResponse? {
        guard let disabled = names.first(where: { !self.gates.isEnabled($0) }) else { return nil }
        return .deny("feature-gate \(disabled) is not enabled", code: 403)
    }

    /// The new object of a CREATE or UPDATE; `nil` for other operations too (then the handlers allow).
    private static func object(of request: AdmissionRequest) -> JSONObject? {
        request.newObject?.objectValue
    }

    private static func noObject(_ kind: String, _ request: AdmissionRequest) -> AdmissionResponse {
        guard request.operation == "CREATE" || request.operation == "UPDATE" else { return .allow() }
        return .deny("the request has no \(kind)", code: 400, reason: "BadRequest")
    }

    private static func verdict(_ error: FieldError?) -> AdmissionResponse {
        guard let error else { return .allow() }
        // As upstream's admission.Errored(400, err); the message names the field.
        return .deny(error.description, code: 400, reason: "BadRequest")
    }
}
