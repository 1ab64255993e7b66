import Foundation
import KubeClient
import KubeModel

/// `kruise apiserver --in-memory` started as a child process on a free port, so the benchmark measures it
/// over real HTTPS and reads its memory from /proc without counting the clients'.
final class BenchmarkServer {
    let process: Process
    let directory: String
    let configuration: ClientConfiguration

    /// Starts the server binary next to this executable (or `KRUISE_BIN`) and waits for its kubeconfig;
    /// `arguments` replace the default `apiserver --in-memory` (the data dir and port are added).
    static func start(arguments: [String] = ["apiserver", "--in-memory"]) throws -> BenchmarkServer {
        let executable = ProcessInfo.processInfo.environment["KRUISE_BIN"]
            ?? (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/kruise"
        let directory = NSTemporaryDirectory() + "kruise-bench-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments + ["--data-dir", directory, "--port", "0"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let kubeconfig = directory + "/kubeconfig"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: kubeconfig) {
            guard process.isRunning, Date() < deadline else {
                process.terminate()
                throw BenchmarkError("kruise apiserver did not become ready (binary: \(executable))")
            }
            usleep(20_000)
        }
        usleep(50_000)
        var configuration = try ClientConfiguration.kubeconfig(at: kubeconfig)
        // No client-side throttling: the server is what is measured.
        configuration.qps = 0
        configuration.connectionsPerHost = 256
        configuration.maximumRetries = 0
        return BenchmarkServer(process: process, directory: directory, configuration: configuration)
    }

    private init(process: Process, directory: String, configuration: ClientConfiguration) {
        self.process = process
        self.directory = directory
        self.configuration = configuration
    }

    /// The server's resident set size in bytes.
    var residentBytes: Int { ProcessStatistics.residentBytes(pid: self.process.processIdentifier) }

    /// User plus system CPU seconds the server has used.
    var cpuSeconds: Double { ProcessStatistics.cpuSeconds(pid: self.process.processIdentifier) }

    /// Waits up to 2 minutes for `count` nodes of a `kruise local` cluster to be Ready.
    static func waitForReadyNodes(_ count: Int, client: KubeClient) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while try await client.list(Node.self).items.filter({ $0.status.conditions[type: "Ready"]?.isTrue == true }).count < count {
            guard ContinuousClock.now < deadline else { throw BenchmarkError("the \(count) nodes did not become Ready") }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    func stop() {
        self.process.terminate()
        self.process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: self.directory)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
