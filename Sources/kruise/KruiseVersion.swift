import KubeJSON
import LocalCluster

/// What this build is, and which upstream API it matches.
struct KruiseVersion {
    /// SwiftKruise's own version.
    var version: String
    /// The OpenKruise release whose API and behaviour this build follows.
    var openKruiseAPI: String
    /// The Kubernetes minor version the embedded API server reports.
    var kubernetesVersion: String

    static let current = KruiseVersion(
        version: "0.1.0",
        openKruiseAPI: "v1.6",
        kubernetesVersion: "v\(ServerVersion().major).\(ServerVersion().minor)"
    )

    var json: JSONValue {
        [
            "version": .string(self.version),
            "openKruiseAPI": .string(self.openKruiseAPI),
            "kubernetesVersion": .string(self.kubernetesVersion),
        ]
    }
}
