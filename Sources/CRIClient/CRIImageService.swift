public import ContainerRuntime
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Logging

/// The CRI `runtime.v1.ImageService` of a node's runtime (containerd, CRI-O), as ``ContainerRuntime/ImageService``:
/// what `kruise daemon` pulls NodeImage tags through.
///
/// PullImage sends the pull secret's credential as `AuthConfig{username, password}` and, as upstream kruise-daemon
/// does, a sandbox config annotated `apps.kruise.io/pulling-image-by: kruise-daemon` (some runtimes need one).
/// Failures are ``ContainerRuntimeError``s with the runtime's gRPC code and message (``CRIErrorMapping``).
///
/// The protocol's `listImages()` and `imageStatus(_:)` cannot throw: a failed call is logged and answers "no
/// images" / "not present" (so an `IfNotPresent` tag is pulled, and the pull reports the runtime's error).
/// ``fetchImages()`` and ``fetchImageStatus(_:)`` throw instead.
public struct CRIImageService: ImageService {
    /// The annotation upstream puts on the pull's sandbox config.
    public static let pullingImageByAnnotation = "apps.kruise.io/pulling-image-by"

    /// The connection the calls go through (its ``CRIConnection/run()`` must be running).
    public let connection: CRIConnection
    private let client: Runtime_V1_ImageService.Client<HTTP2ClientTransport.Posix>

    /// The image service on `connection`.
    public init(connection: CRIConnection) {
        self.connection = connection
        self.client = Runtime_V1_ImageService.Client(wrapping: connection.client)
    }

    /// Pulls `reference` (`name:tag` or `name@sha256:…`) and returns the runtime's image reference (containerd: the
    /// image ID, the config digest `sha256:…`).
    public func pullImage(_ reference: String, credential: RegistryCredential?) async throws(ContainerRuntimeError) -> String {
        let request = Self.pullRequest(reference, credential: credential)
        do {
            let response = try await self.client.pullImage(request, options: self.connection.pullOptions)
            return response.imageRef
        } catch {
            throw CRIErrorMapping.runtimeError(error)
        }
    }

    /// Every image present; `[]` when the call fails (logged).
    public func listImages() async -> [RuntimeImage] {
        do throws(ContainerRuntimeError) {
            return try await self.fetchImages()
        } catch {
            self.connection.logger.warning("CRI ListImages failed", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// The image `reference` names, if present; `nil` when the call fails (logged).
    public func imageStatus(_ reference: String) async -> RuntimeImage? {
        do throws(ContainerRuntimeError) {
            return try await self.fetchImageStatus(reference)
        } catch {
            self.connection.logger.warning(
                "CRI ImageStatus failed", metadata: ["image": "\(reference)", "error": "\(error)"])
            return nil
        }
    }

    /// Removes the image `reference` names (idempotent in the runtime: an absent image is no error).
    public func removeImage(_ reference: String) async throws(ContainerRuntimeError) {
        var request = Runtime_V1_RemoveImageRequest()
        request.image.image = reference
        do {
            _ = try await self.client.removeImage(request, options: self.connection.callOptions)
        } catch {
            throw CRIErrorMapping.runtimeError(error)
        }
    }

    /// Every image present, or the runtime's error.
    public func fetchImages() async throws(ContainerRuntimeError) -> [RuntimeImage] {
        do {
            let response = try await self.client.listImages(
                Runtime_V1_ListImagesRequest(), options: self.connection.callOptions)
            return response.images.map(Self.runtimeImage)
        } catch {
            throw CRIErrorMapping.runtimeError(error)
        }
    }

    /// The image `reference` names (`nil` when absent), or the runtime's error.
    public func fetchImageStatus(_ reference: String) async throws(ContainerRuntimeError) -> RuntimeImage? {
        var request = Runtime_V1_ImageStatusRequest()
        request.image.image = reference
        do {
            let response = try await self.client.imageStatus(request, options: self.connection.callOptions)
            return response.hasImage ? Self.runtimeImage(response.image) : nil
        } catch {
            throw CRIErrorMapping.runtimeError(error)
        }
    }

    // MARK: Messages

    /// The PullImage request for `reference`.
    static func pullRequest(_ reference: String, credential: RegistryCredential?) -> Runtime_V1_PullImageRequest {
        var request = Runtime_V1_PullImageRequest()
        request.image.image = reference
        if let credential {
            request.auth.username = credential.username
            request.auth.password = credential.password
        }
        request.sandboxConfig.annotations[Self.pullingImageByAnnotation] = "kruise-daemon"
        return request
    }

    /// The CRI image as ``ContainerRuntime/RuntimeImage``.
    static func runtimeImage(_ image: Runtime_V1_Image) -> RuntimeImage {
        RuntimeImage(
            id: image.id, repoTags: image.repoTags, repoDigests: image.repoDigests, size: Int64(clamping: image.size))
    }
}
