import KruiseAPI
import KruiseDaemon
import KubeModel
import Testing

@Suite struct ImagePullPlannerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var held: Set<ImagePullTaskID> = []
        var start: [ImagePullTaskID] = []
        var stop: [ImagePullTaskID] = []
        var kept: [ImagePullTaskID] = []
        var testDescription: String { self.name }
    }

    static func id(_ image: String, _ tag: String, _ version: Int64) -> ImagePullTaskID {
        ImagePullTaskID(image: image, tag: tag, version: version)
    }

    static let cases: [Case] = [
        Case(
            name: "a new tag starts",
            yaml: "spec: {images: {nginx: {tags: [{tag: '1.25', version: 1}]}}}",
            start: [id("nginx", "1.25", 1)]),
        Case(
            name: "a held round is left alone",
            yaml: "spec: {images: {nginx: {tags: [{tag: '1.25', version: 1}]}}}",
            held: [id("nginx", "1.25", 1)]),
        Case(
            name: "a finished round of the same version is kept, not pulled again (daemon restart)",
            yaml: """
                spec: {images: {nginx: {tags: [{tag: '1.25', version: 2}]}}}
                status:
                  desired: 1
                  imageStatuses:
                    nginx: {tags: [{tag: '1.25', phase: Succeeded, version: 2, completionTime: '2024-01-01T00:00:00Z'}]}
                """,
            kept: [id("nginx", "1.25", 2)]),
        Case(
            name: "a failure the NodeImage controller injected is kept and stops the worker",
            yaml: """
                spec: {images: {nginx: {tags: [{tag: '1.25', version: 1}]}}}
                status:
                  desired: 1
                  imageStatuses:
                    nginx:
                      tags:
                      - {tag: '1.25', phase: Failed, version: 1, completionTime: '2024-01-01T00:00:00Z',
                         message: node has not responded for a long time}
                """,
            held: [id("nginx", "1.25", 1)],
            stop: [id("nginx", "1.25", 1)],
            kept: [id("nginx", "1.25", 1)]),
        Case(
            name: "a new version restarts: the old round stops, the new one starts",
            yaml: """
                spec: {images: {nginx: {tags: [{tag: latest, version: 3}]}}}
                status:
                  desired: 1
                  imageStatuses:
                    nginx: {tags: [{tag: latest, phase: Succeeded, version: 2, completionTime: '2024-01-01T00:00:00Z'}]}
                """,
            held: [id("nginx", "latest", 2)],
            start: [id("nginx", "latest", 3)],
            stop: [id("nginx", "latest", 2)]),
        Case(
            name: "a round still pulling in the status (previous daemon) starts again",
            yaml: """
                spec: {images: {nginx: {tags: [{tag: '1.25', version: 1}]}}}
                status:
                  desired: 1
                  pulling: 1
                  imageStatuses:
                    nginx: {tags: [{tag: '1.25', phase: Pulling, version: 1, startTime: '2024-01-01T00:00:00Z'}]}
                """,
            start: [id("nginx", "1.25", 1)]),
        Case(
            name: "tags and images gone from the spec stop their rounds",
            yaml: "spec: {images: {nginx: {tags: [{tag: '1.25'}]}}}",
            held: [id("nginx", "1.25", 0), id("nginx", "1.24", 0), id("redis", "7", 0)],
            stop: [id("nginx", "1.24", 0), id("redis", "7", 0)]),
        Case(
            name: "a tag listed twice runs once; images and tags start in name order",
            yaml: """
                spec:
                  images:
                    redis: {tags: [{tag: '7'}]}
                    nginx: {tags: [{tag: b}, {tag: a}, {tag: b}]}
                """,
            start: [id("nginx", "b", 0), id("nginx", "a", 0), id("redis", "7", 0)]),
        Case(
            name: "an empty NodeImage stops everything",
            yaml: "spec: {}",
            held: [id("nginx", "1.25", 1)],
            stop: [id("nginx", "1.25", 1)]),
    ]

    @Test(arguments: Self.cases)
    func plans(_ testCase: Case) throws {
        let plan = ImagePullPlanner.plan(for: try nodeImage(testCase.yaml), held: testCase.held)
        #expect(plan.start.map(\.id) == testCase.start)
        #expect(plan.stop == testCase.stop)
        #expect(plan.kept.keys.sorted() == testCase.kept)
    }

    @Test func keptStatusIsTheReportedOneAndStartedTasksCarryTheirLimits() throws {
        let image = try nodeImage(
            """
            spec:
              images:
                nginx:
                  tags:
                  - {tag: '1.25', version: 1}
                  - tag: latest
                    version: 4
                    imagePullPolicy: Always
                    pullPolicy: {timeoutSeconds: 30, backoffLimit: -1, activeDeadlineSeconds: 90}
            status:
              desired: 2
              imageStatuses:
                nginx: {tags: [{tag: '1.25', phase: Failed, version: 1, completionTime: '2024-01-01T00:00:00Z', message: boom}]}
            """)
        let plan = ImagePullPlanner.plan(for: image, held: [])
        #expect(plan.kept[Self.id("nginx", "1.25", 1)]?.message == "boom")
        let task = try #require(plan.start.first)
        #expect(plan.start.count == 1)
        #expect(task.id == Self.id("nginx", "latest", 4))
        #expect(task.pullPolicy == .always)
        #expect(task.timeoutSeconds == 30)
        #expect(task.backoffLimit == 3)
        #expect(task.activeDeadlineSeconds == 90)
        #expect(task.reference == "nginx:latest")
    }

    @Test func defaultsAndDigestReferences() throws {
        let task = ImagePullTask(image: "nginx", tag: ImageTagSpec(tag: "sha256:" + String(repeating: "a", count: 64)))
        #expect(task.pullPolicy == .ifNotPresent)
        #expect(task.timeoutSeconds == 600)
        #expect(task.backoffLimit == 3)
        #expect(task.activeDeadlineSeconds == nil)
        #expect(task.reference == "nginx@sha256:" + String(repeating: "a", count: 64))
    }
}
