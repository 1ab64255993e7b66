import NIOCore
import NIOHTTP1
public import NIOPosix
import NIOSSL
import Synchronization

/// The network transport: HTTP/1.1 over TLS (or plain HTTP for an `http://` server) on SwiftNIO, with the
/// configuration's trust roots, client certificate and TLS server name, and at most `connectionsPerHost`
/// connections kept alive and shared between requests (every open watch holds one).
///
/// A request that fails on a reused connection before any answer (the server closed it while idle) is sent
/// once more on a new connection, as Go's transport does. Watch bodies are buffered as they arrive (no
/// backpressure): watchers read them as fast as the server writes.
public final class HTTPSKubeTransport: KubeTransport {
    private let server: ServerURL
    private let tls: NIOSSLContext?
    private let serverName: String?
    private let pool: HTTP1ConnectionPool<Int>
    private let group: MultiThreadedEventLoopGroup
    /// Every open connection, idle or busy (a watch's included), so that ``shutdown()`` ends them all; `nil`
    /// once shut down.
    private let open: Mutex<[ObjectIdentifier: any Channel]?> = Mutex([:])

    static let connectTimeout = TimeAmount.seconds(10)
    /// How long a watch waits for a free connection.
    static let streamWait = TimeAmount.seconds(60)

    /// - Throws: ``KubeconfigError`` when the server URL or the TLS material cannot be used.
    public init(configuration: ClientConfiguration, eventLoopGroup: MultiThreadedEventLoopGroup = .singleton) throws(KubeconfigError) {
        self.server = try ServerURL(parsing: configuration.server)
        self.group = eventLoopGroup
        self.pool = HTTP1ConnectionPool(connectionLimit: configuration.connectionsPerHost)
        guard self.server.isTLS else {
            self.tls = nil
            self.serverName = nil
            return
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        // A closing connection sends close_notify and goes, as Go's client does, instead of waiting (5 s by
        // default) for the server's: a server busy writing a watch does not answer it.
        tls.shutdownTimeout = .milliseconds(100)
        do {
            if let ca = configuration.certificateAuthorityPEM {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
            }
            if configuration.insecureSkipTLSVerify { tls.certificateVerification = .none }
            if let certificate = configuration.clientCertificatePEM, let key = configuration.clientKeyPEM {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(certificate).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
            }
            self.tls = try NIOSSLContext(configuration: tls)
        } catch {
            throw KubeconfigError("cannot load TLS material: \(error)")
        }
        let name = configuration.tlsServerName.flatMap { $0.isEmpty ? nil : $0 } ?? self.server.host
        self.serverName = ServerNameIndication.hostname(for: name)
    }

    /// Closes every connection: open watches end, and later requests fail.
    public func shutdown() async {
        let channels = self.open.withLock { open in
            defer { open = nil }
            return open.map { Array($0.values) } ?? []
        }
        self.pool.closeIdle()
        for channel in channels { channel.close(promise: nil) }
    }

    public func send(_ request: KubeTransportRequest, timeout: Duration) async throws -> KubeResponse {
        let deadline = NIODeadline.now() + TimeAmount.nanoseconds(Self.nanoseconds(timeout))
        let head = self.requestHead(request)
        let response = try await self.pool.send(
            to: 0, deadline: deadline, timer: self.group.next(), connect: { try await self.connect(deadline: deadline) }
        ) { channel in
            try await HTTP1ResponseHandler.exchange(
                head, body: request.body, on: channel, limit: KubeClient.maximumResponseBytes, deadline: deadline)
        }
        return KubeResponse(
            code: Int(response.head.status.code),
            headers: response.head.headers.map { ($0.name, $0.value) },
            body: Array(buffer: response.body)
        )
    }

    public func openStream(_ request: KubeTransportRequest) async throws -> KubeStreamResponse {
        let head = self.requestHead(request)
        var attempt = 0
        while true {
            attempt += 1
            let (channel, reused) = try await self.connection(deadline: .now() + Self.streamWait)
            let headPromise = channel.eventLoop.makePromise(of: HTTPResponseHead.self)
            let end = channel.eventLoop.makePromise(of: Bool.self)
            let (chunks, continuation) = AsyncThrowingStream.makeStream(of: ByteBuffer.self)
            // The connection goes back when the response ends, or is closed when it fails or the reader stops
            // early (the stream ends cancelled). Failing `end` there frees the slot at once, without waiting for
            // the close to finish (a TLS close first waits a while for the server's close_notify).
            end.futureResult.whenComplete { result in
                let keepAlive = (try? result.get()) ?? false
                self.pool.release(channel, to: 0, reusable: keepAlive)
            }
            continuation.onTermination = { termination in
                if case .cancelled = termination { end.fail(CancellationError()) }
            }
            HTTP1ResponseHandler.send(
                head, body: request.body, on: channel, delivery: .streamed(head: headPromise, chunks: continuation, end: end))
            let responseHead: HTTPResponseHead
            do {
                responseHead = try await withTaskCancellationHandler {
                    try await headPromise.futureResult.get()
                } onCancel: {
                    end.fail(CancellationError())
                    headPromise.fail(CancellationError())
                }
            } catch {
                if reused, attempt == 1, (error as? HTTP1ResponseError) == .closedBeforeResponse { continue }
                throw error
            }
            return KubeStreamResponse(code: Int(responseHead.status.code)) { consume in
                for try await chunk in chunks {
                    try chunk.withUnsafeReadableBytes { try consume($0) }
                }
            }
        }
    }

    /// A connection from the pool, or a new one; `reused` says which.
    private func connection(deadline: NIODeadline) async throws -> (channel: any Channel, reused: Bool) {
        switch try await self.pool.acquire(0, deadline: deadline, timer: self.group.next()) {
        case .reuse(let channel):
            return (channel, true)
        case .connect:
            do {
                return (try await self.connect(deadline: deadline), false)
            } catch {
                self.pool.release(nil, to: 0, reusable: false)
                throw error
            }
        }
    }

    private func connect(deadline: NIODeadline) async throws -> any Channel {
        let remaining = deadline - NIODeadline.now()
        let tls = self.tls
        let serverName = self.serverName
        let bootstrap = ClientBootstrap(group: self.group)
            .connectTimeout(min(Self.connectTimeout, remaining > .zero ? remaining : .milliseconds(1)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(HTTP1ResponseHandler())
                }
            }
        let channel = try await bootstrap.connect(host: self.server.host, port: self.server.port).get()
        let key = ObjectIdentifier(channel)
        let tracked = self.open.withLock { open in
            guard open != nil else { return false }
            open?[key] = channel
            return true
        }
        guard tracked else {
            channel.close(promise: nil)
            throw TransportShutDown()
        }
        channel.closeFuture.whenComplete { _ in self.open.withLock { _ = $0?.removeValue(forKey: key) } }
        return channel
    }

    private func requestHead(_ request: KubeTransportRequest) -> HTTPRequestHead {
        var target = self.server.basePath + request.path
        if !request.query.isEmpty { target += "?" + PercentEncoding.query(request.query) }
        var headers = HTTPHeaders()
        headers.reserveCapacity(request.headers.count + 2)
        headers.add(name: "Host", value: self.server.authority)
        for header in request.headers { headers.add(name: header.name, value: header.value) }
        if let body = request.body { headers.replaceOrAdd(name: "Content-Length", value: String(body.count)) }
        return HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: request.method), uri: target, headers: headers)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// A request after ``HTTPSKubeTransport/shutdown()``.
struct TransportShutDown: Error, CustomStringConvertible {
    var description: String { "the client is shut down" }
}

/// The parts of a kubeconfig's `server` URL a connection needs.
struct ServerURL: Sendable {
    var isTLS: Bool
    var host: String
    var port: Int
    /// `host` or `host:port` as written, for the Host header.
    var authority: String
    /// A path prefix (a proxy's), without the trailing `/`; empty for most servers.
    var basePath: String

    init(parsing url: String) throws(KubeconfigError) {
        let rest: Substring
        if url.hasPrefix("https://") {
            self.isTLS = true
            rest = url.dropFirst(8)
        } else if url.hasPrefix("http://") {
            self.isTLS = false
            rest = url.dropFirst(7)
        } else {
            throw KubeconfigError("server \(url): must start with https:// or http://")
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        var basePath = String(rest.dropFirst(authority.count).prefix { $0 != "?" })
        while basePath.hasSuffix("/") { basePath.removeLast() }
        guard !authority.isEmpty else { throw KubeconfigError("server \(url): no host") }
        self.authority = String(authority)
        self.basePath = basePath
        let defaultPort = self.isTLS ? 443 : 80
        if authority.hasPrefix("[") {
            // [IPv6]:port
            guard let close = authority.firstIndex(of: "]") else { throw KubeconfigError("server \(url): unclosed [") }
            self.host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            self.port = try Self.port(after.hasPrefix(":") ? after.dropFirst() : nil, default: defaultPort, url: url)
        } else if let colon = authority.lastIndex(of: ":") {
            self.host = String(authority[..<colon])
            self.port = try Self.port(authority[authority.index(after: colon)...], default: defaultPort, url: url)
        } else {
            self.host = String(authority)
            self.port = defaultPort
        }
    }

    private static func port(_ text: Substring?, default value: Int, url: String) throws(KubeconfigError) -> Int {
        guard let text else { return value }
        guard let port = Int(text), (1...65535).contains(port) else { throw KubeconfigError("server \(url): invalid port") }
        return port
    }
}
