import ContainerRuntime
import KubeJSON
import KubeModel
@testable import NodeSimulation
import Testing

@Suite struct PullSecretCredentialsTests {
    private func secret(type: String, key: String, json: String) -> Secret {
        var secret = Secret(metadata: ObjectMeta(name: "pull", namespace: "default"))
        secret.type = type
        secret.data = [key: Base64.encode(Array(json.utf8))]
        return secret
    }

    @Test func readsDockerConfigJSONByRegistryHost() {
        var credentials = PullSecretCredentials()
        let auth = Base64.encode(Array("robot:s3cret".utf8))
        credentials.add(
            self.secret(
                type: "kubernetes.io/dockerconfigjson",
                key: ".dockerconfigjson",
                json: #"{"auths":{"https://index.docker.io/v1/":{"auth":"\#(auth)"},"registry.example.com:5000":{"username":"u","password":"p"}}}"#
            )
        )
        #expect(credentials.credential(for: "nginx:1.25") == RegistryCredential(username: "robot", password: "s3cret"))
        #expect(credentials.credential(for: "registry.example.com:5000/team/app:1") == RegistryCredential(username: "u", password: "p"))
        #expect(credentials.credential(for: "quay.io/team/app:1") == nil)
    }

    @Test func firstSecretNamingARegistryWinsAndOtherTypesAreIgnored() {
        var credentials = PullSecretCredentials()
        credentials.add(self.secret(type: "Opaque", key: ".dockerconfigjson", json: #"{"auths":{"quay.io":{"username":"x","password":"y"}}}"#))
        credentials.add(self.secret(type: "kubernetes.io/dockercfg", key: ".dockercfg", json: #"{"quay.io":{"username":"a","password":"b"}}"#))
        credentials.add(
            self.secret(type: "kubernetes.io/dockerconfigjson", key: ".dockerconfigjson", json: #"{"auths":{"quay.io":{"username":"c","password":"d"}}}"#)
        )
        #expect(credentials.credential(for: "quay.io/team/app:1") == RegistryCredential(username: "a", password: "b"))
    }
}
