// kruise-bench: the project's benchmarks, one JSON object per line on standard output.
// Usage: kruise-bench json [--pods N] [--runs N]
//        kruise-bench apiserver [--pods N] [--watchers N] [--events N]
//        kruise-bench apiserver-core [--pods N] [--tasks N]
//        kruise-bench local [--nodes N] [--pods N]
//        kruise-bench informer [--pods N]
//        kruise-bench cloneset [--nodes N] [--pods N] [--rounds N]
//        kruise-bench imagepull [--nodes N]
import Glibc

let arguments = Array(CommandLine.arguments.dropFirst())
let suite = arguments.first ?? "json"

func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
        let parsed = Int(arguments[index + 1])
    else { return value }
    return parsed
}

/// Runs one suite and prints its results, one JSON line each; on an error, prints it and exits with 1.
func report(_ run: () async throws -> [BenchmarkResult]) async {
    do {
        for result in try await run() { print(result.jsonLine) }
    } catch {
        print("kruise-bench: \(error)")
        exit(1)
    }
}

switch suite {
case "json":
    let benchmark = JSONBenchmark(podCount: option("--pods", default: 10_000), runs: option("--runs", default: 5))
    await report { try benchmark.run() }
case "apiserver":
    let benchmark = APIServerBenchmark(
        pods: option("--pods", default: 10_000),
        watchers: option("--watchers", default: 100),
        events: option("--events", default: 10_000)
    )
    await report { try await benchmark.run() }
case "apiserver-core":
    await report { try await APIServerCoreBenchmark(pods: option("--pods", default: 10_000), tasks: option("--tasks", default: 8)).run() }
case "local":
    await report { try await LocalBenchmark(nodes: option("--nodes", default: 100), pods: option("--pods", default: 10_000)).run() }
case "informer":
    await report { try await InformerBenchmark(pods: option("--pods", default: 10_000)).run() }
case "cloneset":
    // Each round on a fresh cluster; with more than one, every figure is the median of the rounds.
    let benchmark = CloneSetBenchmark(nodes: option("--nodes", default: 100), pods: option("--pods", default: 1_000))
    await report {
        var rounds: [[BenchmarkResult]] = []
        for _ in 0..<max(1, option("--rounds", default: 1)) { rounds.append(try await benchmark.run()) }
        return BenchmarkRounds.summarised(rounds)
    }
case "imagepull":
    await report { try await ImagePullBenchmark(nodes: option("--nodes", default: 300)).run() }
default:
    print("kruise-bench: unknown suite '\(suite)'; available: json, apiserver, apiserver-core, local, informer, cloneset, imagepull")
    exit(2)
}
