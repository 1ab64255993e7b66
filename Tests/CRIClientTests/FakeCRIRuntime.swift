import GRPCCore
import GRPCProtobuf
import SwiftProtobuf
import Synchronization
@testable import CRIClient

/// A CRI runtime in the test process: it answers the ImageService and RuntimeService calls the client makes from a
/// table of images, and records every request.
final class FakeCRIRuntime: RegistrableRPCService, Sendable {
    /// What the runtime holds and has been asked.
    struct State: Sendable {
        /// Images by every reference that names them (tag, digest or ID).
        var images: [String: Runtime_V1_Image] = [:]
        /// What a pull of a reference yields: the image it stores under the reference, or the status it fails with.
        var registry: [String: Result<Runtime_V1_Image, RPCError>] = [:]
        var pulls: [Runtime_V1_PullImageRequest] = []
        var removed: [String] = []
        var stopped: [Runtime_V1_StopContainerRequest] = []
        var versionRequests: [String] = []
    }

    let state = Mutex(State())

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        Self.unary(&router, Runtime_V1_ImageService.Method.PullImage.descriptor) {
            (request: Runtime_V1_PullImageRequest) throws(RPCError) -> Runtime_V1_PullImageResponse in
            let outcome = self.state.withLock { state -> Result<Runtime_V1_Image, RPCError> in
                state.pulls.append(request)
                let reference = request.image.image
                let outcome = state.registry[reference]
                    ?? .failure(RPCError(code: .notFound, message: "failed to pull and unpack image \"\(reference)\": not found"))
                if case .success(let image) = outcome {
                    state.images[reference] = image
                    state.images[image.id] = image
                }
                return outcome
            }
            var response = Runtime_V1_PullImageResponse()
            response.imageRef = try outcome.get().id
            return response
        }
        Self.unary(&router, Runtime_V1_ImageService.Method.ListImages.descriptor) {
            (_: Runtime_V1_ListImagesRequest) throws(RPCError) -> Runtime_V1_ListImagesResponse in
            var response = Runtime_V1_ListImagesResponse()
            let images = self.state.withLock { Array($0.images.values) }
            var seen = Set<String>()
            response.images = images.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
            return response
        }
        Self.unary(&router, Runtime_V1_ImageService.Method.ImageStatus.descriptor) {
            (request: Runtime_V1_ImageStatusRequest) throws(RPCError) -> Runtime_V1_ImageStatusResponse in
            var response = Runtime_V1_ImageStatusResponse()
            if let image = self.state.withLock({ $0.images[request.image.image] }) { response.image = image }
            return response
        }
        Self.unary(&router, Runtime_V1_ImageService.Method.RemoveImage.descriptor) {
            (request: Runtime_V1_RemoveImageRequest) throws(RPCError) -> Runtime_V1_RemoveImageResponse in
            self.state.withLock { state in
                state.removed.append(request.image.image)
                if let image = state.images[request.image.image] {
                    state.images = state.images.filter { $0.value.id != image.id }
                }
            }
            return Runtime_V1_RemoveImageResponse()
        }
        Self.unary(&router, Runtime_V1_RuntimeService.Method.Version.descriptor) {
            (request: Runtime_V1_VersionRequest) throws(RPCError) -> Runtime_V1_VersionResponse in
            self.state.withLock { $0.versionRequests.append(request.version) }
            var response = Runtime_V1_VersionResponse()
            response.version = "0.1.0"
            response.runtimeName = "containerd"
            response.runtimeVersion = "v1.6.20"
            response.runtimeApiVersion = "v1"
            return response
        }
        Self.unary(&router, Runtime_V1_RuntimeService.Method.StopContainer.descriptor) {
            (request: Runtime_V1_StopContainerRequest) throws(RPCError) -> Runtime_V1_StopContainerResponse in
            try self.state.withLock { state throws(RPCError) in
                guard request.containerID != "gone" else {
                    throw RPCError(code: .notFound, message: "an error occurred when try to find container \"gone\": not found")
                }
                state.stopped.append(request)
            }
            return Runtime_V1_StopContainerResponse()
        }
    }

    /// Registers a unary handler: `body` answers the request or fails with a status.
    private static func unary<Transport: ServerTransport, Input: Sendable, Output: Sendable>(
        _ router: inout RPCRouter<Transport>,
        _ descriptor: MethodDescriptor,
        _ body: @escaping @Sendable (Input) throws(RPCError) -> Output
    ) where Input: SwiftProtobuf.Message, Output: SwiftProtobuf.Message {
        router.registerHandler(
            forMethod: descriptor, deserializer: ProtobufDeserializer<Input>(), serializer: ProtobufSerializer<Output>()
        ) { request, _ in
            let single = try await ServerRequest(stream: request)
            do throws(RPCError) {
                return StreamingServerResponse(single: ServerResponse(message: try body(single.message)))
            } catch {
                return StreamingServerResponse(single: ServerResponse(of: Output.self, error: error))
            }
        }
    }
}
