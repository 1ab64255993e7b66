import KubeJSON
import LocalCluster
import Testing

/// The protobuf bodies kubectl 1.32 sent in the recordings (`kubectl-recordings/pb.jsonl`).
///
/// The recorder stored each body as text decoded from UTF-8 with replacement, so every byte of 0x80 and
/// above became one U+FFFD. In these bodies those bytes are the first byte of a two-byte field key (fields
/// 16 and up) or of a two-byte length; ``restored(_:_:)`` puts them back, in order, from the field numbers
/// of the surrounding messages (given next to each body). The decoder then checks every length, so a wrong
/// restoration would not decode.
@Suite("Protobuf recorded kubectl bodies")
struct ProtobufRecordingTests {
    /// `kubectl create namespace demo`, exactly as §4.4 of the protocol notes shows it.
    static let createNamespace: [UInt8] = [
        0x6B, 0x38, 0x73, 0x00,
        0x0A, 0x0F, 0x0A, 0x02, 0x76, 0x31, 0x12, 0x09, 0x4E, 0x61, 0x6D, 0x65, 0x73, 0x70, 0x61, 0x63, 0x65,
        0x12, 0x1C,
        0x0A, 0x14, 0x0A, 0x04, 0x64, 0x65, 0x6D, 0x6F, 0x12, 0x00, 0x1A, 0x00, 0x22, 0x00, 0x2A, 0x00,
        0x32, 0x00, 0x38, 0x00, 0x42, 0x00,
        0x12, 0x00,
        0x1A, 0x02, 0x0A, 0x00,
        0x1A, 0x00,
        0x22, 0x00,
    ]

    static let createSecret = Self.restored(
        "k8s\u{0}\u{A}\u{C}\u{A}\u{2}v1\u{12}\u{6}Secret\u{12}\u{1E}\u{A}\u{12}\u{A}\u{2}s1\u{12}\u{0}\u{1A}\u{0}\"\u{0}*\u{0}2\u{0}8\u{0}B\u{0}\u{12}\u{6}\u{A}\u{1}a\u{12}\u{1}b\u{1A}\u{0}\u{1A}\u{0}\"\u{0}",
        []
    )

    static let createServiceAccount = Self.restored(
        "k8s\u{0}\u{A}\u{14}\u{A}\u{2}v1\u{12}\u{E}ServiceAccount\u{12}\u{15}\u{A}\u{13}\u{A}\u{3}sa1\u{12}\u{0}\u{1A}\u{0}\"\u{0}*\u{0}2\u{0}8\u{0}B\u{0}\u{1A}\u{0}\"\u{0}",
        []
    )

    static let authCanI = Self.restored(
        "k8s\u{0}\u{A}2\u{A}\u{17}authorization.k8s.io/v1\u{12}\u{17}SelfSubjectAccessReview\u{12}<\u{A}\u{10}\u{A}\u{0}\u{12}\u{0}\u{1A}\u{0}\"\u{0}*\u{0}2\u{0}8\u{0}B\u{0}\u{12}\u{1E}\u{A}\u{1C}\u{A}\u{7}default\u{12}\u{3}get\u{1A}\u{0}\"\u{0}*\u{4}pods2\u{0}:\u{0}\u{1A}\u{8}\u{8}\u{0}\u{12}\u{0}\u{1A}\u{0} \u{0}\u{1A}\u{0}\"\u{0}",
        []
    )

    static let createToken = Self.restored(
        "k8s\u{0}\u{A}(\u{A}\u{18}authentication.k8s.io/v1\u{12}\u{C}TokenRequest\u{12}\u{1A}\u{A}\u{10}\u{A}\u{0}\u{12}\u{0}\u{1A}\u{0}\"\u{0}*\u{0}2\u{0}8\u{0}B\u{0}\u{12}\u{0}\u{1A}\u{4}\u{A}\u{0}\u{12}\u{0}\u{1A}\u{0}\"\u{0}",
        []
    )

    /// Container keys 16 stdin, 17 stdinOnce, 18 tty, 20 terminationMessagePolicy (0x80 0x88 0x90 0xA2);
    /// PodSpec keys 16 hostname, 17 subdomain, 19 schedulerName, 24 priorityClassName (0x82 0x8A 0x9A 0xC2).
    static let podKeys: [UInt8] = [0x80, 0x88, 0x90, 0xA2, 0x82, 0x8A, 0x9A, 0xC2]

    /// The first lost byte is the low byte of the 167-byte Deployment's length (0xA7 0x01).
    static let createDeployment = Self.restored(
        "k8s\u{0}\u{A}\u{15}\u{A}\u{7}apps/v1\u{12}\u{A}Deployment\u{12}\u{FFFD}\u{1}\u{A}\u{1D}\u{A}\u{2}d2\u{12}\u{0}\u{1A}\u{0}\"\u{0}*\u{0}2\u{0}8\u{0}B\u{0}Z\u{9}\u{A}\u{3}app\u{12}\u{2}d2\u{12}x\u{8}\u{1}\u{12}\u{B}\u{A}\u{9}\u{A}\u{3}app\u{12}\u{2}d2\u{1A}_\u{A}\u{1B}\u{A}\u{0}\u{12}\u{0}\u{1A}\u{0}\"\u{0}*\u{0}2\u{0}8\u{0}B\u{0}Z\u{9}\u{A}\u{3}app\u{12}\u{2}d2\u{12}@\u{12}\"\u{A}\u{5}nginx\u{12}\u{5}nginx*\u{0}B\u{0}j\u{0}r\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\u{1A}\u{0}2\u{0}B\u{0}J\u{0}R\u{0}X\u{0}`\u{0}h\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\"\u{2}\u{A}\u{0}(\u{0}8\u{0}\u{1A}\u{C}\u{8}\u{0}\u{10}\u{0}\u{18}\u{0} \u{0}(\u{0}8\u{0}\u{1A}\u{0}\"\u{0}",
        [0xA7] + Self.podKeys
    )

    static let createJob = Self.restored(
        "k8s\u{0}\u{A}\u{F}\u{A}\u{8}batch/v1\u{12}\u{3}Job\u{12}z\u{A}\u{12}\u{A}\u{2}j1\u{12}\u{0}\u{1A}\u{0}\"\u{0}*\u{0}2\u{0}8\u{0}B\u{0}\u{12}Z2X\u{A}\u{10}\u{A}\u{0}\u{12}\u{0}\u{1A}\u{0}\"\u{0}*\u{0}2\u{0}8\u{0}B\u{0}\u{12}D\u{12}!\u{A}\u{2}j1\u{12}\u{7}busybox*\u{0}B\u{0}j\u{0}r\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\u{1A}\u{5}Never2\u{0}B\u{0}J\u{0}R\u{0}X\u{0}`\u{0}h\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\u{FFFD}\u{1}\u{0}\u{1A}\u{8} \u{0}(\u{0}0\u{0}:\u{0}\u{1A}\u{0}\"\u{0}",
        Self.podKeys
    )

    /// The bytes of a recorded body: ASCII as is, each U+FFFD replaced by the next of `lost`.
    static func restored(_ text: String, _ lost: [UInt8]) -> [UInt8] {
        var lostBytes = lost[...]
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar == "\u{FFFD}" {
                bytes.append(lostBytes.popFirst() ?? 0)
            } else {
                precondition(scalar.value < 0x80, "a recorded body has only ASCII besides U+FFFD")
                bytes.append(UInt8(scalar.value))
            }
        }
        precondition(lostBytes.isEmpty, "one restored byte per U+FFFD")
        return bytes
    }

    static func json(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: Array(text.utf8))
    }

    static func compactText(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test("kubectl create namespace demo decodes to exactly the Go JSON, member order included")
    func namespace() throws {
        let decoded = try KubernetesProtobuf.decodeObject(Self.createNamespace)
        // Namespace's spec and status are structs (never dropped by omitempty) whose fields are all
        // omitempty; ObjectMeta drops every empty string, and creationTimestamp is `omitzero` since 1.34.
        #expect(
            Self.compactText(decoded)
                == #"{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"demo"},"spec":{},"status":{}}"#
        )
    }

    @Test("kubectl create secret generic s1 --from-literal=a=b")
    func secret() throws {
        let decoded = try KubernetesProtobuf.decodeObject(Self.createSecret)
        #expect(
            Self.compactText(decoded)
                == #"{"kind":"Secret","apiVersion":"v1","metadata":{"name":"s1"},"data":{"a":"Yg=="}}"#
        )
    }

    @Test("kubectl create serviceaccount sa1")
    func serviceAccount() throws {
        let decoded = try KubernetesProtobuf.decodeObject(Self.createServiceAccount)
        #expect(Self.compactText(decoded) == #"{"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"sa1"}}"#)
    }

    @Test("kubectl create deployment d2 --image=nginx")
    func deployment() throws {
        let decoded = try KubernetesProtobuf.decodeObject(Self.createDeployment)
        let expected = """
            {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"d2","labels":{"app":"d2"}},\
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"d2"}},\
            "template":{"metadata":{"labels":{"app":"d2"}},\
            "spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},\
            "status":{}}
            """
        #expect(Self.compactText(decoded) == expected)
    }

    @Test("kubectl create job j1 --image=busybox")
    func job() throws {
        let decoded = try KubernetesProtobuf.decodeObject(Self.createJob)
        let expected = """
            {"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j1"},\
            "spec":{"template":{"metadata":{},\
            "spec":{"containers":[{"name":"j1","image":"busybox","resources":{}}],"restartPolicy":"Never"}}},\
            "status":{}}
            """
        #expect(Self.compactText(decoded) == expected)
    }

    @Test("kubectl auth can-i get pods")
    func selfSubjectAccessReview() throws {
        let decoded = try KubernetesProtobuf.decodeObject(Self.authCanI)
        let expected = """
            {"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","metadata":{},\
            "spec":{"resourceAttributes":{"namespace":"default","verb":"get","resource":"pods"}},\
            "status":{"allowed":false}}
            """
        #expect(Self.compactText(decoded) == expected)
    }

    @Test("kubectl create token default")
    func tokenRequest() throws {
        let decoded = try KubernetesProtobuf.decodeObject(Self.createToken)
        // TokenRequestSpec's fields have no omitempty: a nil slice and nil pointers are written as null.
        let expected = """
            {"kind":"TokenRequest","apiVersion":"authentication.k8s.io/v1","metadata":{},\
            "spec":{"audiences":null,"expirationSeconds":null,"boundObjectRef":null},\
            "status":{"token":"","expirationTimestamp":null}}
            """
        #expect(Self.compactText(decoded) == expected)
    }

    @Test("every recorded body decodes, and parses back to the same JSON value")
    func everyRecording() throws {
        let bodies = [
            Self.createNamespace, Self.createSecret, Self.createServiceAccount, Self.authCanI,
            Self.createToken, Self.createDeployment, Self.createJob,
        ]
        for body in bodies {
            let decoded = try KubernetesProtobuf.decodeObject(body)
            #expect(try Self.json(Self.compactText(decoded)) == decoded)
        }
    }
}
