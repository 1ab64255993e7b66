// swift-tools-version: 6.1
import PackageDescription

/// Settings every SwiftKruise target shares: Swift 6 language mode (set package-wide below) plus the
/// upcoming features the anchor codebases (Hummingbird 2, swift-nio) build with.
let commonSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "SwiftKruise",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kruise", targets: ["kruise"]),
        .executable(name: "kruise-bench", targets: ["kruise-bench"]),
        .library(name: "KubeJSON", targets: ["KubeJSON"]),
        .library(name: "KubeModel", targets: ["KubeModel"]),
        .library(name: "LocalCluster", targets: ["LocalCluster"]),
        .library(name: "KubeClient", targets: ["KubeClient"]),
        .library(name: "ControllerRuntime", targets: ["ControllerRuntime"]),
    ],
    dependencies: [
        // YAML manifests: Yams 6 is Swift 6 clean and bundles libyaml (cheap C build).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The `kruise` command line.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // HTTPS servers (the embedded API server, later the webhook server): streaming bodies for watches,
        // TLS through swift-nio-ssl, and a ServiceLifecycle service for graceful shutdown.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // The Kubernetes client and the admission webhook client (HTTP/1.1 over NIOSSL, pooled connections,
        // streamed watch bodies); already a dependency of Hummingbird.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        // The embedded API server's CA and serving certificate, generated at first start.
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Graceful shutdown (already built as Hummingbird's dependency): open watches end on SIGTERM.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Deque and Heap for the work queue (already built as swift-nio's dependency).
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // The CRI client of `kruise daemon` (runtime.v1 ImageService and RuntimeService on the node runtime's Unix
        // socket): gRPC 2's core (calls, status codes, cancellation) ...
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        // ... its HTTP/2 transport over SwiftNIO (already a dependency), which dials Unix domain sockets ...
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        // ... the protobuf codec the generated client code (Sources/CRIClient/Generated, committed) calls through ...
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        // ... and the protobuf runtime that code is written against (no traits: grpc-swift-protobuf opts out of the
        // Foundation-based delimited streams too).
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0", traits: []),
    ],
    targets: [
        .target(
            name: "KubeJSON",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: commonSettings
        ),
        .target(
            name: "KubeModel",
            dependencies: ["KubeJSON"],
            swiftSettings: commonSettings
        ),
        // Certificate authorities and serving certificates (the API server's and the webhook server's).
        .target(
            name: "KubeTLS",
            dependencies: [
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: commonSettings
        ),
        .target(
            name: "LocalCluster",
            dependencies: [
                "KubeJSON",
                "KubeModel",
                "KubeTLS",
                // Only for InProcessAPITransport: the API server as a transport for clients in its own process.
                "KubeClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: commonSettings
        ),
        // IO: the REST client for any Kubernetes API server (kubeconfig, in-cluster config, watches, retries).
        .target(
            name: "KubeClient",
            dependencies: [
                "KubeJSON",
                "KubeModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        // Informers, work queues, expectations, leader election, the manager, metrics and the webhook server.
        .target(
            name: "ControllerRuntime",
            dependencies: [
                "KubeJSON",
                "KubeModel",
                "KubeClient",
                "KubeTLS",
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // The health and metrics endpoints (and, later, the webhook server).
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: commonSettings
        ),
        // The CRI as SwiftKruise uses it: the image and runtime service protocols, image references and pull
        // secret credentials, shared by the simulated runtime, the daemon and the CRI client.
        .target(
            name: "ContainerRuntime",
            dependencies: ["KubeJSON", "KubeModel"],
            swiftSettings: commonSettings
        ),
        // IO: the CRI client (runtime.v1 over gRPC on the runtime's Unix socket) behind the ContainerRuntime protocols,
        // and the runtime socket detection of `kruise daemon`. Protos/ holds the trimmed api.proto the committed
        // Generated/ code comes from (not compiled).
        .target(
            name: "CRIClient",
            dependencies: [
                "ContainerRuntime",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Protos"],
            swiftSettings: commonSettings
        ),
        // Simulated nodes: scheduler, kubelet and container runtime (pure planners plus their reconcilers).
        .target(
            name: "NodeSimulation",
            dependencies: [
                "KubeJSON", "KubeModel", "KubeClient", "ControllerRuntime", "ContainerRuntime",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        // The built-in Kubernetes controllers Kruise relies on (Deployment, ReplicaSet, StatefulSet, Job, DaemonSet).
        .target(
            name: "BuiltinControllers",
            dependencies: [
                "KubeJSON", "KubeModel", "KubeClient", "ControllerRuntime",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        // apps.kruise.io and policy.kruise.io: typed views, defaults, validation and the CRDs we ship.
        .target(
            name: "KruiseAPI",
            dependencies: ["KubeJSON", "KubeModel", "ContainerRuntime"],
            swiftSettings: commonSettings
        ),
        // The Kruise controllers: pure planners plus reconcilers on ControllerRuntime.
        .target(
            name: "KruiseControllers",
            dependencies: [
                "KubeJSON", "KubeModel", "KruiseAPI", "KubeClient", "ControllerRuntime",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        // kruise-daemon: the node agent (the image puller driven by NodeImage), over any CRI ImageService.
        .target(
            name: "KruiseDaemon",
            dependencies: [
                "KubeJSON", "KubeModel", "KruiseAPI", "KubeClient", "ControllerRuntime", "ContainerRuntime",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        // Kruise's admission webhooks: pure handlers from an AdmissionRequest (and cache reads) to a verdict.
        .target(
            name: "KruiseWebhooks",
            dependencies: ["KubeJSON", "KubeModel", "KruiseAPI", "KubeClient", "ControllerRuntime"],
            swiftSettings: commonSettings
        ),
        .executableTarget(
            name: "kruise",
            dependencies: [
                "KubeJSON",
                "KubeModel",
                "LocalCluster",
                "KubeClient",
                "ControllerRuntime",
                "NodeSimulation",
                "ContainerRuntime",
                "BuiltinControllers",
                "KruiseAPI",
                "KruiseControllers",
                "KruiseDaemon",
                "CRIClient",
                "KruiseWebhooks",
                "KubeTLS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: commonSettings
        ),
        // The embedded API server started in-process for integration tests (shared by the test targets).
        .target(
            name: "LocalClusterTestSupport",
            dependencies: [
                "LocalCluster", "KubeClient",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        // Deterministic random generators shared by the property tests and the benchmark corpora.
        .target(
            name: "KruiseTestSupport",
            swiftSettings: commonSettings
        ),
        .executableTarget(
            name: "kruise-bench",
            dependencies: [
                "CHeapStatistics", "KubeJSON", "KubeModel", "KubeClient", "ControllerRuntime", "KruiseAPI", "KruiseTestSupport",
                "LocalCluster", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        // glibc heap counters for kruise-bench's memory figures (one C function; <malloc.h> is not in Swift's Glibc).
        .target(name: "CHeapStatistics"),
        .testTarget(
            name: "KubeJSONTests",
            dependencies: ["KubeJSON", "KruiseTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "KubeModelTests",
            dependencies: ["KubeModel", "KubeJSON", "KruiseTestSupport"],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "NodeSimulationTests",
            dependencies: [
                "NodeSimulation", "ContainerRuntime", "KubeModel", "KubeJSON", "KubeClient", "ControllerRuntime", "LocalCluster", "LocalClusterTestSupport", "KruiseTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "BuiltinControllersTests",
            dependencies: [
                "BuiltinControllers", "KubeModel", "KubeJSON", "KubeClient", "ControllerRuntime", "LocalCluster", "LocalClusterTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "KruiseAPITests",
            dependencies: ["KruiseAPI", "KubeModel", "KubeJSON"],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "KruiseControllersTests",
            dependencies: [
                "KruiseControllers", "KruiseAPI", "KubeModel", "KubeJSON", "KubeClient", "ControllerRuntime", "LocalCluster", "LocalClusterTestSupport", "KruiseTestSupport",
                // Simulated nodes run the pods in the CloneSet integration tests; the daemon pulls images in the
                // ImagePullJob ones.
                "NodeSimulation", "ContainerRuntime", "KruiseDaemon",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "KruiseDaemonTests",
            dependencies: [
                "KruiseDaemon", "KruiseAPI", "ContainerRuntime", "NodeSimulation", "KubeModel", "KubeJSON", "KubeClient",
                "ControllerRuntime", "LocalCluster", "LocalClusterTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        // A fake CRI server on a Unix socket (grpc-swift's server transport) answers the CRI client.
        .testTarget(
            name: "CRIClientTests",
            dependencies: [
                "CRIClient", "ContainerRuntime",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "KruiseWebhooksTests",
            dependencies: ["KruiseWebhooks", "KruiseAPI", "ControllerRuntime", "KubeClient", "KubeModel", "KubeJSON"],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "ControllerRuntimeTests",
            dependencies: [
                "ControllerRuntime", "KubeClient", "LocalCluster", "KubeModel", "KubeJSON", "KubeTLS", "LocalClusterTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "LocalClusterTests",
            dependencies: [
                "LocalCluster", "KubeModel", "KubeJSON", "KruiseTestSupport", "KubeClient",
                // A real HTTPS admission webhook in the admission tests.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: commonSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
