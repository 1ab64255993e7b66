import FoundationEssentials
import KubeJSON
import KubeModel

/// `kruise-bench json`: our codec against Foundation's JSONDecoder/JSONEncoder on the same Pod corpus,
/// measured in the same run.
struct JSONBenchmark {
    var podCount: Int
    var runs: Int

    func run() throws -> [BenchmarkResult] {
        let corpus = PodCorpus(count: self.podCount)
        let megabytes = Double(corpus.totalBytes) / 1_000_000
        var results: [BenchmarkResult] = [
            BenchmarkResult(name: "json.corpus.pods", value: Double(self.podCount), unit: "objects"),
            BenchmarkResult(
                name: "json.corpus.mean_object_size",
                value: Double(corpus.totalBytes) / Double(self.podCount),
                unit: "bytes"
            ),
        ]

        // Decode: bytes -> typed Pod, one call per object, as an API server or informer sees them.
        let decoder = JSONDecoder()
        var foundationPods: [CodablePod] = []
        var pods: [Pod] = []
        let (foundationDecode, ourDecode) = try Stopwatch.paired(
            runs: self.runs,
            { foundationPods = try corpus.documents.map { try decoder.decode(CodablePod.self, from: Data($0)) } },
            { pods = try corpus.documents.map { try Pod.decode(jsonBytes: $0) } }
        )
        results.append(
            BenchmarkResult(
                name: "json.decode.pod",
                value: megabytes / ourDecode,
                unit: "MB/s",
                baseline: megabytes / foundationDecode
            )
        )

        // Decode and read every typed field a controller looks at: fair to Foundation, whose decode
        // already materialized them.
        var checksum = 0
        let (foundationDecodeAgain, ourDecodeAndRead) = try Stopwatch.paired(
            runs: self.runs,
            { foundationPods = try corpus.documents.map { try decoder.decode(CodablePod.self, from: Data($0)) } },
            {
                checksum = 0
                for document in corpus.documents {
                    let pod = try Pod.decode(jsonBytes: document)
                    checksum &+= Self.touchTypedFields(pod)
                }
            }
        )
        results.append(
            BenchmarkResult(
                name: "json.decode.pod+typed_reads",
                value: megabytes / ourDecodeAndRead,
                unit: "MB/s",
                baseline: megabytes / foundationDecodeAgain
            )
        )

        // Encode: typed Pod -> bytes.
        let encoder = JSONEncoder()
        var foundationBytes = 0
        var ourBytes = 0
        let (foundationEncode, ourEncode) = try Stopwatch.paired(
            runs: self.runs,
            {
                foundationBytes = 0
                for pod in foundationPods { foundationBytes &+= try encoder.encode(pod).count }
            },
            {
                ourBytes = 0
                for pod in pods { ourBytes &+= pod.encoded().count }
            }
        )
        results.append(
            BenchmarkResult(
                name: "json.encode.pod",
                value: megabytes / ourEncode,
                unit: "MB/s",
                baseline: megabytes / foundationEncode
            )
        )
        results.append(
            BenchmarkResult(
                name: "json.decode.pod.objects_per_second",
                value: Double(self.podCount) / ourDecode,
                unit: "objects/s",
                baseline: Double(self.podCount) / foundationDecode
            )
        )
        // Memory: heap bytes a parsed pod retains, against its compact JSON text (what an informer or the
        // API server pays per cached object).
        foundationPods = []
        pods = []
        let heapBefore = ProcessStatistics.heapInUseBytes()
        pods = try corpus.documents.map { try Pod.decode(jsonBytes: $0) }
        let heapAfter = ProcessStatistics.heapInUseBytes()
        results.append(
            BenchmarkResult(
                name: "json.memory.pod",
                value: Double(heapAfter - heapBefore) / Double(self.podCount),
                unit: "heap bytes per parsed pod (baseline: its JSON text)",
                baseline: Double(corpus.totalBytes) / Double(self.podCount)
            )
        )

        // The same pods packed (what caches keep), the trees dropped.
        let heapBeforePacking = ProcessStatistics.heapInUseBytes()
        pods = pods.map { $0.packed() }
        let heapAfterPacking = ProcessStatistics.heapInUseBytes()
        results.append(
            BenchmarkResult(
                name: "json.memory.packed-pod",
                value: Double(heapAfterPacking - heapBeforePacking + heapAfter - heapBefore) / Double(self.podCount),
                unit: "heap bytes per packed pod (baseline: its JSON text)",
                baseline: Double(corpus.totalBytes) / Double(self.podCount)
            )
        )

        // Keep the optimizer from discarding the work.
        if checksum == 42 && ourBytes == foundationBytes { print("") }
        return results
    }

    /// Reads the fields a controller reads from a pod; returns a number so the reads cannot be optimized away.
    private static func touchTypedFields(_ pod: Pod) -> Int {
        var sum = pod.name.utf8.count &+ pod.namespace.utf8.count
        let metadata = pod.metadata
        sum &+= metadata.labels.count &+ metadata.annotations.count &+ metadata.ownerReferences.count
        sum &+= (metadata.resourceVersion?.utf8.count ?? 0) &+ (metadata.uid?.utf8.count ?? 0)
        let spec = pod.spec
        for container in spec.containers {
            sum &+= (container.image?.utf8.count ?? 0) &+ container.env.count &+ container.ports.count
            sum &+= container.resources.requests.count
        }
        sum &+= (spec.nodeName?.utf8.count ?? 0) &+ spec.tolerations.count &+ spec.readinessGates.count
        let status = pod.status
        sum &+= (status.phase?.utf8.count ?? 0) &+ status.conditions.count
        for containerStatus in status.containerStatuses {
            sum &+= (containerStatus.imageID?.utf8.count ?? 0) &+ Int(containerStatus.restartCount)
        }
        return sum
    }
}
