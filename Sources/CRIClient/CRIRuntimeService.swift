public import ContainerRuntime
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Logging

/// The part of the CRI `runtime.v1.RuntimeService` SwiftKruise uses (Version; StopContainer for container
/// recreate), as ``ContainerRuntime/RuntimeService``.
///
/// The protocol's `version()` cannot throw: a failed call is logged and answers empty names.
/// ``fetchVersion()`` throws instead (what `kruise daemon` checks the runtime with at start).
public struct CRIRuntimeService: RuntimeService {
    /// The CRI API version the client speaks, sent in VersionRequest (the kubelet sends the same).
    public static let kubeRuntimeAPIVersion = "0.1.0"

    /// The connection the calls go through (its ``CRIConnection/run()`` must be running).
    public let connection: CRIConnection
    private let client: Runtime_V1_RuntimeService.Client<HTTP2ClientTransport.Posix>

    /// The runtime service on `connection`.
    public init(connection: CRIConnection) {
        self.connection = connection
        self.client = Runtime_V1_RuntimeService.Client(wrapping: connection.client)
    }

    /// The runtime's name and versions; empty strings when the call fails (logged).
    public func version() async -> RuntimeVersion {
        do throws(ContainerRuntimeError) {
            return try await self.fetchVersion()
        } catch {
            self.connection.logger.warning("CRI Version failed", metadata: ["error": "\(error)"])
            return RuntimeVersion(runtimeName: "", runtimeVersion: "", runtimeAPIVersion: "")
        }
    }

    /// The runtime's name and versions, or the runtime's error.
    public func fetchVersion() async throws(ContainerRuntimeError) -> RuntimeVersion {
        var request = Runtime_V1_VersionRequest()
        request.version = Self.kubeRuntimeAPIVersion
        do {
            let response = try await self.client.version(request, options: self.connection.callOptions)
            return RuntimeVersion(
                runtimeName: response.runtimeName, runtimeVersion: response.runtimeVersion,
                runtimeAPIVersion: response.runtimeApiVersion)
        } catch {
            throw CRIErrorMapping.runtimeError(error)
        }
    }

    /// Stops container `containerID`, giving it `timeoutSeconds` before it is killed (idempotent in the runtime).
    public func stopContainer(_ containerID: String, timeoutSeconds: Int64) async throws(ContainerRuntimeError) {
        var request = Runtime_V1_StopContainerRequest()
        request.containerID = containerID
        request.timeout = timeoutSeconds
        var options = self.connection.callOptions
        // The runtime waits up to the grace period before it answers: leave it that long on top of the deadline.
        if let timeout = options.timeout { options.timeout = timeout + .seconds(max(0, timeoutSeconds)) }
        do {
            _ = try await self.client.stopContainer(request, options: options)
        } catch {
            throw CRIErrorMapping.runtimeError(error)
        }
    }
}
