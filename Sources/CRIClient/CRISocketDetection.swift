#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How `kruise daemon` finds its node's container runtime, in upstream kruise-daemon's order
/// (`pkg/daemon/criruntime`): the `--socket-file` flag if given, otherwise the first of ``candidates`` that exists
/// under the host's `/var/run` (mounted at `/hostvarrun` in the daemon's pod).
///
/// SwiftKruise also takes `--runtime-endpoint unix:///…` (the kubelet's form), an absolute `--socket-file`, and,
/// when `/hostvarrun` is not there (the daemon run on the node itself rather than in a pod), looks in `/var/run`.
public enum CRISocketDetection {
    /// Where the DaemonSet mounts the host's `/var/run`.
    public static let hostVarRunMountPath = "/hostvarrun"
    /// The host's own `/var/run`, for a daemon running outside a pod.
    public static let hostVarRunPath = "/var/run"

    /// The sockets looked for, relative to the `/var/run` directory, in order: containerd, CRI-O, cri-dockerd (each
    /// directly in it, then in its own subdirectory).
    public static let candidates = [
        "containerd.sock", "containerd/containerd.sock",
        "crio.sock", "crio/crio.sock",
        "cri-dockerd.sock", "cri-dockerd/cri-dockerd.sock",
    ]

    /// The directory sockets are looked for in: `/hostvarrun` when it exists, else `/var/run`.
    public static func varRunDirectory(exists: (String) -> Bool) -> String {
        exists(Self.hostVarRunMountPath) ? Self.hostVarRunMountPath : Self.hostVarRunPath
    }

    /// The endpoint to use.
    /// - Parameters:
    ///   - runtimeEndpoint: `--runtime-endpoint` (`unix:///path` or a path); wins over everything else.
    ///   - socketFile: `--socket-file`: a name relative to `varRunDirectory` (upstream's form, e.g.
    ///     `containerd/containerd.sock`) or an absolute path.
    ///   - varRunDirectory: where relative names are looked up (see ``varRunDirectory(exists:)``).
    ///   - exists: whether a path exists (a socket, or anything: upstream only stats).
    /// - Throws: ``CRIEndpointError``: an unparsable endpoint, a configured socket that does not exist, or no
    ///   candidate found.
    public static func resolve(
        runtimeEndpoint: String?,
        socketFile: String?,
        varRunDirectory: String,
        exists: (String) -> Bool
    ) throws(CRIEndpointError) -> CRIEndpoint {
        if let runtimeEndpoint, !runtimeEndpoint.trimmingSpaces.isEmpty {
            let endpoint = try CRIEndpoint(parsing: runtimeEndpoint)
            guard exists(endpoint.socketPath) else { throw .missing(path: endpoint.socketPath) }
            return endpoint
        }
        if let socketFile, !socketFile.trimmingSpaces.isEmpty {
            let name = socketFile.trimmingSpaces
            let path = name.hasPrefix("/") ? name : Self.join(varRunDirectory, name)
            guard exists(path) else { throw .missing(path: path) }
            return CRIEndpoint(socketPath: path)
        }
        let tried = Self.candidates.map { Self.join(varRunDirectory, $0) }
        guard let found = tried.first(where: exists) else { throw .notDetected(tried: tried) }
        return CRIEndpoint(socketPath: found)
    }

    private static func join(_ directory: String, _ name: String) -> String {
        var directory = Substring(directory)
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
        var name = Substring(name)
        while name.hasPrefix("./") { name.removeFirst(2) }
        return directory == "/" ? "/\(name)" : "\(directory)/\(name)"
    }
}

extension CRISocketDetection {
    /// Whether `path` exists on this machine (what `exists` is in `kruise daemon`).
    public static func pathExists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
