public import KubeJSON

/// The `/version` document. It reports Kubernetes 1.32: the gcloud kubectl dispatcher runs the kubectl
/// matching the server's minor version, and 1.32 is the newest release whose kubectl is known to work
/// against this server with aggregated discovery v2 and OpenAPI v3 (1.28's needs OpenAPI v2 protobuf).
public struct ServerVersion: Sendable, Hashable {
    public var major: String
    public var minor: String
    /// A semantic version with a `v` prefix (`v1.32.0+swiftkruise`).
    public var gitVersion: String
    public var gitCommit: String
    public var gitTreeState: String
    /// RFC 3339 build time.
    public var buildDate: String
    public var goVersion: String
    public var compiler: String
    /// `os/arch` (`linux/amd64`).
    public var platform: String

    /// Kubernetes 1.32, as this server speaks it.
    public init(
        major: String = "1",
        minor: String = "32",
        gitVersion: String = "v1.32.0+swiftkruise",
        gitCommit: String = "0000000000000000000000000000000000000000",
        gitTreeState: String = "clean",
        buildDate: String = "1970-01-01T00:00:00Z",
        goVersion: String = "go1.23",
        compiler: String = "gc",
        platform: String = ServerVersion.hostPlatform
    ) {
        self.major = major
        self.minor = minor
        self.gitVersion = gitVersion
        self.gitCommit = gitCommit
        self.gitTreeState = gitTreeState
        self.buildDate = buildDate
        self.goVersion = goVersion
        self.compiler = compiler
        self.platform = platform
    }

    /// The platform this binary was built for, in Go's `GOOS/GOARCH` spelling.
    public static var hostPlatform: String {
        #if os(Linux)
        let os = "linux"
        #elseif os(macOS)
        let os = "darwin"
        #elseif os(Windows)
        let os = "windows"
        #else
        let os = "unknown"
        #endif
        #if arch(x86_64)
        let arch = "amd64"
        #elseif arch(arm64)
        let arch = "arm64"
        #else
        let arch = "unknown"
        #endif
        return "\(os)/\(arch)"
    }

    /// The document, with kube-apiserver's member order.
    public var json: JSONValue {
        [
            "major": .string(self.major),
            "minor": .string(self.minor),
            "gitVersion": .string(self.gitVersion),
            "gitCommit": .string(self.gitCommit),
            "gitTreeState": .string(self.gitTreeState),
            "buildDate": .string(self.buildDate),
            "goVersion": .string(self.goVersion),
            "compiler": .string(self.compiler),
            "platform": .string(self.platform),
        ]
    }
}
