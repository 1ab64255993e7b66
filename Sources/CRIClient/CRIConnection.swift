public import ContainerRuntime
import GRPCCore
import GRPCNIOTransportHTTP2Posix
public import Logging

/// One long-lived gRPC connection to a CRI runtime's socket, shared by ``CRIImageService`` and
/// ``CRIRuntimeService``.
///
/// ``run()`` keeps the connection (reconnecting with backoff if the runtime restarts) and must run while the
/// services are used: run it beside them in a task group or ServiceGroup. It returns after ``shutdown()`` once the
/// calls in flight have finished, or at once when its task is cancelled (calls in flight then fail). Calls made
/// before ``run()`` starts wait for it.
public final class CRIConnection: Sendable {
    /// The runtime's socket.
    public let endpoint: CRIEndpoint
    /// The deadline of every call but PullImage (the kubelet's `--runtime-request-timeout`, 2 minutes by default);
    /// a pull runs until it finishes or its task is cancelled.
    public let requestTimeout: Duration
    /// Where the connection's life is logged.
    public let logger: Logger
    let client: GRPCClient<HTTP2ClientTransport.Posix>

    /// A connection to `endpoint`, not yet running.
    /// - Throws: ``ContainerRuntimeError`` (Unavailable) when the transport cannot be set up for the socket.
    public init(endpoint: CRIEndpoint, requestTimeout: Duration = .seconds(120), logger: Logger) throws(ContainerRuntimeError) {
        self.endpoint = endpoint
        self.requestTimeout = requestTimeout
        self.logger = logger
        do {
            let transport = try HTTP2ClientTransport.Posix(
                target: .unixDomainSocket(path: endpoint.socketPath),
                transportSecurity: .plaintext
            )
            self.client = GRPCClient(transport: transport)
        } catch {
            throw ContainerRuntimeError(code: .unavailable, message: "cannot connect to \(endpoint): \(error)")
        }
    }

    /// Keeps the connection until ``shutdown()`` (graceful: calls in flight finish) or cancellation (abrupt).
    public func run() async {
        self.logger.info("CRI connection starting", metadata: ["endpoint": "\(self.endpoint)"])
        do {
            try await withTaskCancellationHandler {
                try await self.client.runConnections()
            } onCancel: {
                self.client.beginGracefulShutdown()
            }
        } catch {
            // Cancellation ends the transport abruptly, which is no failure.
            if !Task.isCancelled {
                self.logger.error("CRI connection failed", metadata: ["endpoint": "\(self.endpoint)", "error": "\(error)"])
            }
        }
        self.logger.info("CRI connection stopped", metadata: ["endpoint": "\(self.endpoint)"])
    }

    /// Stops accepting calls and lets ``run()`` return once the calls in flight have finished.
    public func shutdown() {
        self.client.beginGracefulShutdown()
    }

    /// Options for a call other than PullImage: the request deadline, and responses up to 16 MiB (upstream's
    /// limit: a node with many images lists more than gRPC's default 4 MiB).
    var callOptions: CallOptions {
        var options = CallOptions.defaults
        options.timeout = self.requestTimeout
        options.maxResponseMessageBytes = Self.maxMessageBytes
        return options
    }

    /// Options for PullImage: no deadline (the caller's task bounds it).
    var pullOptions: CallOptions {
        var options = CallOptions.defaults
        options.maxResponseMessageBytes = Self.maxMessageBytes
        return options
    }

    static let maxMessageBytes = 16 * 1024 * 1024
}
