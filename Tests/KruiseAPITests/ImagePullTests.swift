import KruiseAPI
import KubeJSON
import KubeModel
import Testing

@Suite struct ImagePullTests {
    static func job(_ spec: JSONValue) throws -> ImagePullJob {
        ImagePullJob(object: try #require(JSONValue.object(["apiVersion": "apps.kruise.io/v1alpha1", "kind": "ImagePullJob",
            "metadata": ["name": "warm", "namespace": "default"], "spec": spec]).objectValue))
    }

    @Test func imagePullJobDefaultsAsUpstream() throws {
        let job = try Self.job(["image": "nginx:1.25", "completionPolicy": .emptyObject])
        let created = ImagePullDefaults.defaulted(job, isCreate: true)
        #expect(created.spec.completionPolicy.typeValue == "Always")
        #expect(created.spec.pullPolicy?.timeoutSeconds == 600)
        #expect(created.spec.pullPolicy?.backoffLimit == 3)
        #expect(created.spec.imagePullPolicyValue == "IfNotPresent")
        #expect(created.spec.parallelism == nil)
        #expect(created.metadata.finalizers == ["apps.kruise.io/deletion-protection"])
        let updated = ImagePullDefaults.defaulted(job, isCreate: false)
        #expect(updated.metadata.finalizers.isEmpty)
        #expect(ImagePullDefaults.patch(for: created, isCreate: true).operations.isEmpty)
        let kept = try Self.job(["image": "x", "completionPolicy": ["type": "Never"], "pullPolicy": ["backoffLimit": 1], "imagePullPolicy": "Always"])
        let defaulted = ImagePullDefaults.defaulted(kept, isCreate: false)
        #expect(defaulted.spec.completionPolicy.type == .never)
        #expect(defaulted.spec.pullPolicy?.backoffLimit == 1 && defaulted.spec.pullPolicy?.timeoutSeconds == 600)
        #expect(defaulted.spec.imagePullPolicy == .always)
    }

    @Test func listJobDefaultsLeaveThePullPolicyToItsChildren() throws {
        let list = ImageListPullJob(object: ["spec": ["images": ["a", "b"], "completionPolicy": .emptyObject]])
        let defaulted = ImagePullDefaults.defaulted(list)
        #expect(defaulted.spec.completionPolicy.typeValue == "Always")
        #expect(defaulted.spec.pullPolicy?.timeoutSeconds == 600)
        #expect(defaulted.spec.imagePullPolicyValue == nil)
        #expect(defaulted.metadata.finalizers.isEmpty)
        #expect(defaulted.spec.template.object["images"] == nil)
        #expect(defaulted.spec.template.completionPolicy.type == .always)
    }

    @Test func nodeImageTagsGetCreatedAtAndPullPolicyAndAreSorted() throws {
        let nodeImage = NodeImage(object: [
            "metadata": ["name": "node-1"],
            "spec": ["images": ["nginx": ["tags": [["tag": "b"], ["tag": "a", "pullPolicy": ["timeoutSeconds": 5]]]]]],
        ])
        let now = KubeTime(seconds: 1_700_000_000)
        let defaulted = ImagePullDefaults.defaulted(nodeImage, now: now)
        let tags = try #require(defaulted.images["nginx"]?.tags)
        #expect(tags.map(\.tag) == ["a", "b"])
        #expect(tags.allSatisfy { $0.createdAt == now })
        #expect(tags[0].pullPolicy?.timeoutSeconds == 5 && tags[0].pullPolicy?.backoffLimit == 3)
        #expect(tags[1].pullPolicy?.timeoutSeconds == 600)
    }

    @Test(arguments: [
        (#"{"image":"nginx","completionPolicy":{"type":"Always"},"selector":{"names":["a"],"matchLabels":{"x":"y"}}}"#,
         "spec.selector: can not set both names and labelSelector in this spec.selector"),
        (#"{"image":"nginx","completionPolicy":{"type":"Always"},"selector":{"names":["a","a"]}}"#,
         "spec.selector.names: duplicated name in selector names"),
        (#"{"image":"nginx","completionPolicy":{"type":"Always"},"selector":{},"podSelector":{}}"#,
         "spec.podSelector: can not set both selector and podSelector"),
        (#"{"image":"","completionPolicy":{"type":"Always"}}"#, "spec.image: image can not be empty"),
        (#"{"image":"Nginx:1","completionPolicy":{"type":"Always"}}"#,
         "spec.image: invalid image Nginx:1: repository name must be lowercase"),
        (#"{"image":"nginx","completionPolicy":{"type":"Never","ttlSecondsAfterFinished":10}}"#,
         "spec.completionPolicy: activeDeadlineSeconds and ttlSecondsAfterFinished can only work with Always CompletionPolicyType"),
        (#"{"image":"nginx","completionPolicy":{"type":"Sometimes"}}"#,
         "spec.completionPolicy.type: unknown type of completionPolicy: Sometimes"),
        (#"{"image":"nginx","completionPolicy":{"type":"Always"},"parallelism":"50%"}"#,
         #"spec.parallelism: Invalid value: "50%": must be an integer"#),
        (#"{"image":"nginx","completionPolicy":{"type":"Always"},"parallelism":-1}"#,
         "spec.parallelism: Invalid value: -1: must be greater than or equal to 0"),
    ])
    func imagePullJobValidation(spec: String, expected: String) throws {
        let job = try Self.job(try JSONValue(parsing: Array(spec.utf8)))
        #expect(ImagePullValidation.validate(job)?.description == expected)
    }

    @Test func validJobsPass() throws {
        let job = try Self.job(["image": "nginx:1.25", "completionPolicy": ["type": "Never"], "parallelism": 2,
            "selector": ["matchLabels": ["zone": "a"]]])
        #expect(ImagePullValidation.validate(job) == nil)
    }

    @Test func listJobValidation() throws {
        func list(_ images: [String]) -> ImageListPullJob {
            ImageListPullJob(object: ["spec": ["images": .array(images.map { .string($0) }), "completionPolicy": ["type": "Always"]]])
        }
        #expect(ImagePullValidation.validate(list([]))?.description == "spec.images: image can not be empty")
        #expect(ImagePullValidation.validate(list(["a", "a"]))?.description == "spec.images: images cannot have duplicate values")
        #expect(ImagePullValidation.validate(list((0..<256).map { "i\($0)" }))?.description
            == "spec.images: the maximum number of images cannot > 255")
        #expect(ImagePullValidation.validate(list(["ok", "Bad"]))?.description
            == "spec.images[1]: invalid image Bad: repository name must be lowercase")
        #expect(ImagePullValidation.validate(list(["nginx", "busybox"])) == nil)
    }

    @Test func nodeImageValidation() throws {
        func nodeImage(_ tags: JSONValue) -> NodeImage {
            NodeImage(object: ["spec": ["images": ["nginx": ["tags": tags]]]])
        }
        let complete: JSONValue = ["tag": "1", "createdAt": "2026-01-01T00:00:00Z", "pullPolicy": ["ttlSecondsAfterFinished": 60]]
        #expect(ImagePullValidation.validate(nodeImage([complete])) == nil)
        #expect(ImagePullValidation.validate(nodeImage([complete, complete]))?.description
            == "spec.images[nginx].tags[1]: duplicated tag 1 for image nginx")
        #expect(ImagePullValidation.validate(nodeImage([["tag": "1"]]))?.description
            == "spec.images[nginx].tags[0].createdAt: createAt field for nginx/1 can not be empty")
        #expect(ImagePullValidation.validate(nodeImage([["tag": "1", "createdAt": "2026-01-01T00:00:00Z", "pullPolicy": .emptyObject]]))?.description
            == "spec.images[nginx].tags[0].pullPolicy.ttlSecondsAfterFinished: pullPolicy.ttlSecondsAfterFinished for nginx/1 must set")
    }

    @Test func nodeImageViewsRoundTripAndKeepUnknownFields() throws {
        let text = #"{"apiVersion":"apps.kruise.io/v1alpha1","kind":"NodeImage","metadata":{"name":"n"},"spec":{"images":{"z":{"tags":[{"tag":"1","version":2,"extra":true}]},"a":{"tags":[]}}},"status":{"desired":1,"imageStatuses":{"z":{"tags":[{"tag":"1","phase":"Succeeded","version":2,"imageID":"z@sha256:1"}]}}}}"#
        var nodeImage = try NodeImage.decode(try JSONValue(parsing: Array(text.utf8)))
        #expect(nodeImage.status.tagStatus(image: "z", tag: "1")?.phase == .succeeded)
        #expect(nodeImage.images["z"]?.tags.first?.version == 2)
        var images = nodeImage.images
        images["z"]?.tags[0].version = 3
        nodeImage.images = images
        let spec = try #require(nodeImage.object["spec"]?["images"]?.objectValue)
        #expect(spec.map(\.key) == ["z", "a"])
        #expect(nodeImage.object["spec"]?["images"]?["z"]?["tags"]?[0]?["extra"] == .bool(true))
        #expect(nodeImage.images["z"]?.tags.first?.version == 3)
    }
}
