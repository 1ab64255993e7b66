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
    ],
    dependencies: [
        // YAML manifests: Yams 6 is Swift 6 clean and bundles libyaml (cheap C build).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The `kruise` command line.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        .target(
            name: "LocalCluster",
            dependencies: ["KubeJSON", "KubeModel"],
            swiftSettings: commonSettings
        ),
        .executableTarget(
            name: "kruise",
            dependencies: [
                "KubeJSON",
                "KubeModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: commonSettings
        ),
        .executableTarget(
            name: "kruise-bench",
            dependencies: ["KubeJSON", "KubeModel"],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "KubeJSONTests",
            dependencies: ["KubeJSON"],
            resources: [.copy("Fixtures")],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "KubeModelTests",
            dependencies: ["KubeModel", "KubeJSON"],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "LocalClusterTests",
            dependencies: ["LocalCluster", "KubeModel", "KubeJSON"],
            swiftSettings: commonSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
