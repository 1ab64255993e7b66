import KruiseAPI
import KruiseDaemon
import KubeJSON
import KubeModel
import Testing

@Suite struct NodeImageStatusBuilderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var spec: String
        var statuses: [String: [String: ImageTagStatus]]
        var desired: Int32
        var counts: (succeeded: Int32, failed: Int32, pulling: Int32, waiting: Int32)
        /// image → listed tags, in order.
        var listed: [String: [String]]
        var testDescription: String { self.name }
    }

    static let cases: [Case] = [
        Case(
            name: "an empty spec", spec: "spec: {}", statuses: [:], desired: 0, counts: (0, 0, 0, 0), listed: [:]),
        Case(
            name: "tags sorted by name and counted by phase",
            spec: "spec: {images: {nginx: {tags: [{tag: c}, {tag: a}, {tag: b}, {tag: d}]}, redis: {tags: [{tag: '7'}]}}}",
            statuses: [
                "nginx": [
                    "c": tagStatus("c", .succeeded), "a": tagStatus("a", .failed), "b": tagStatus("b", .pulling),
                    "d": tagStatus("d", .waiting),
                ],
                "redis": ["7": tagStatus("7", .succeeded)],
            ],
            desired: 5, counts: (2, 1, 1, 1), listed: ["nginx": ["a", "b", "c", "d"], "redis": ["7"]]),
        Case(
            name: "only spec images and tags are listed; tags without a status still count as desired",
            spec: "spec: {images: {nginx: {tags: [{tag: a}, {tag: b}]}, busybox: {tags: [{tag: '1'}]}}}",
            statuses: [
                "nginx": ["a": tagStatus("a", .succeeded), "gone": tagStatus("gone", .failed)],
                "redis": ["7": tagStatus("7", .pulling)],
            ],
            desired: 3, counts: (1, 0, 0, 0), listed: ["nginx": ["a"]]),
    ]

    @Test(arguments: Self.cases)
    func builds(_ testCase: Case) throws {
        let status = NodeImageStatusBuilder.status(
            for: try nodeImage(testCase.spec).images, tagStatuses: testCase.statuses)
        #expect(status.desired == testCase.desired)
        #expect(status.succeeded == testCase.counts.succeeded)
        #expect(status.failed == testCase.counts.failed)
        #expect(status.pulling == testCase.counts.pulling)
        #expect(status.waiting == testCase.counts.waiting)
        #expect(status.imageStatuses.mapValues { $0.map(\.tag) } == testCase.listed)
    }

    @Test func countersAreAlwaysWrittenAndEmptyMapsLeftOut() throws {
        let status = NodeImageStatusBuilder.status(for: try nodeImage("spec: {images: {nginx: {tags: [{tag: a}]}}}").images, tagStatuses: [:])
        #expect(status.object["desired"] == 1)
        #expect(status.object["succeeded"] == 0)
        #expect(status.object["failed"] == 0)
        #expect(status.object["pulling"] == 0)
        // `waiting` is OpenKruise v1.9's field: absent while zero, so v1.6 readers see the same status.
        #expect(status.object["waiting"] == nil)
        #expect(status.object["imageStatuses"] == nil)
    }
}
