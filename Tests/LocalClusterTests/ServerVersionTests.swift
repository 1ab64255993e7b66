import KubeJSON
import LocalCluster
import Testing

@Suite struct ServerVersionTests {
    @Test func reportsKubernetes132() {
        let version = ServerVersion(platform: "linux/amd64")
        #expect(
            version.json.serializedString()
                == #"{"major":"1","minor":"32","gitVersion":"v1.32.0+swiftkruise","gitCommit":"0000000000000000000000000000000000000000","gitTreeState":"clean","buildDate":"1970-01-01T00:00:00Z","goVersion":"go1.23","compiler":"gc","platform":"linux/amd64"}"#
        )
    }

    @Test func hostPlatformIsGoSpelling() {
        let parts = ServerVersion.hostPlatform.split(separator: "/")
        #expect(parts.count == 2)
        #if os(Linux) && arch(x86_64)
        #expect(ServerVersion().platform == "linux/amd64")
        #endif
    }
}
