public import ContainerRuntime
import ControllerRuntime
import KruiseAPI
public import KubeClient
import KubeModel
public import Logging
import Synchronization

/// The image puller of `kruise daemon`, for every node it serves: one ``NodeImagePuller`` per node whose
/// NodeImage it has seen and whose image service `imageServices` knows, and the task group their pull rounds
/// and status writes run in.
///
/// `kruise local` serves every simulated node from one daemon (`imageServices` answers each node's simulated
/// image store); `kruise daemon --node-name X` serves X only (`imageServices` answers X alone).
///
/// ``run()`` must run for pulls to happen: run it beside `manager.run()` (it returns when its task is
/// cancelled). The NodeImage controller (``KruiseDaemonSet/imagePullerController(on:daemon:)``) only plans.
public final class ImagePullDaemon: Sendable {
    /// The image service of a node, or `nil` when the node is not served here.
    public typealias ImageServiceLookup = @Sendable (String) -> (any ImageService)?

    /// The options.
    public let options: ImagePullerOptions
    private let imageServices: ImageServiceLookup
    private let secrets: ImagePullSecretReader
    private let statusWriter: NodeImageStatusWriter
    private let recorder: EventRecorder
    private let logger: Logger
    private let pullers: Mutex<[String: NodeImagePuller]> = Mutex([:])
    private let commands: AsyncStream<ImagePullCommand>
    private let continuation: AsyncStream<ImagePullCommand>.Continuation
    private let started = Mutex(false)

    /// A daemon writing through `client`, serving the nodes `imageServices` knows.
    public init(
        client: KubeClient, imageServices: @escaping ImageServiceLookup, options: ImagePullerOptions, logger: Logger
    ) {
        self.options = options
        self.imageServices = imageServices
        var logger = logger
        logger[metadataKey: "component"] = "\(options.eventComponent)"
        self.logger = logger
        self.secrets = ImagePullSecretReader(client: client, logger: logger)
        self.statusWriter = NodeImageStatusWriter(client: client)
        self.recorder = EventRecorder(client: client, component: options.eventComponent, logger: logger)
        (self.commands, self.continuation) = AsyncStream.makeStream(of: ImagePullCommand.self)
    }

    /// Whether `nodeName` is served here (its image service is known, or a puller for it is still held).
    public func serves(_ nodeName: String) -> Bool {
        self.pullers.withLock { $0[nodeName] != nil } || self.imageServices(nodeName) != nil
    }

    /// Whether `nodeName` is served here but its NodeImage was never synced (no puller yet).
    public func awaitsFirstSync(_ nodeName: String) -> Bool {
        self.pullers.withLock { $0[nodeName] == nil } && self.imageServices(nodeName) != nil
    }

    /// The nodes with a puller, sorted.
    public var nodeNames: [String] { self.pullers.withLock { $0.keys.sorted() } }

    /// Runs the pull rounds and status writes until the task is cancelled; call once. Work handed over before
    /// it starts waits for it.
    public func run() async {
        let first = self.started.withLock { started -> Bool in
            defer { started = true }
            return !started
        }
        guard first else {
            self.logger.error("ImagePullDaemon.run() called twice; the second call does nothing")
            return
        }
        await withDiscardingTaskGroup { group in
            for await command in self.commands {
                switch command {
                case .pull(let item):
                    group.addTask { await Self.runRound(item) }
                case .writeStatus(let puller):
                    group.addTask { await self.runWriter(puller) }
                }
            }
        }
    }

    /// Waits until every event recorded so far is written (for tests).
    public func flushEvents() async {
        await self.recorder.flush()
    }

    // MARK: For the reconciler

    /// Syncs the puller of `nodeImage`'s node, creating it on first use; nothing when the node is not served
    /// here (a puller for a node no longer served is retired).
    func sync(_ nodeImage: NodeImage) async {
        let name = nodeImage.name
        guard let imageService = self.imageServices(name) else {
            await self.forget(nodeName: name)
            return
        }
        let puller = self.pullers.withLock { pullers in
            if let existing = pullers[name] { return existing }
            let continuation = self.continuation
            let puller = NodeImagePuller(
                nodeName: name, imageService: imageService, options: self.options, secrets: self.secrets,
                recorder: self.recorder, logger: self.logger, submit: { continuation.yield($0) })
            pullers[name] = puller
            return puller
        }
        await puller.sync(nodeImage)
    }

    /// The NodeImage `nodeName` is gone (or no longer served): its rounds stop and its puller is dropped.
    func forget(nodeName: String) async {
        let puller = self.pullers.withLock { $0.removeValue(forKey: nodeName) }
        await puller?.retire()
    }

    /// The puller of `nodeName`, if any (for tests).
    func puller(forNode nodeName: String) -> NodeImagePuller? {
        self.pullers.withLock { $0[nodeName] }
    }

    // MARK: Task group children

    private static func runRound(_ item: ImagePullWorkItem) async {
        let worker = item.worker
        guard let outcome = await item.signal.run({ await worker.run() }) else { return }
        await item.puller.finish(item.id, serial: item.serial, outcome: outcome)
    }

    /// Writes `puller`'s status while there is something new, at most once per `statusWriteInterval`; after a
    /// failed write it waits longer (the backoff of the pulls, 1 s doubling to 30 s by default).
    private func runWriter(_ puller: NodeImagePuller) async {
        var failures = 0
        while let base = await puller.takeWrite() {
            let delay: Duration
            do {
                let written = try await self.statusWriter.write(on: base) { await puller.refreshedStatus(for: $0) }
                if let written { await puller.adopt(written) }
                failures = 0
                delay = self.options.statusWriteInterval
            } catch {
                if error.isNotFound {
                    // The NodeImage is gone; its deletion event retires the puller.
                    await puller.writerStopped()
                    return
                }
                failures += 1
                self.logger.warning(
                    "NodeImage status write failed; retrying",
                    metadata: ["node": "\(puller.nodeName)", "error": "\(error)"])
                await puller.writeFailed()
                delay = max(self.options.statusWriteInterval, self.options.backoff.delay(afterFailures: failures))
            }
            do {
                try await Task.sleep(for: delay)
            } catch {
                await puller.writerStopped()
                return
            }
        }
    }
}
