/// Pod annotations of ours that steer the simulated kubelet.
public enum SimulationAnnotations {
    /// `local.kruise.io/run-seconds`: how long every container of the pod runs before exiting (decimal
    /// seconds, e.g. `"2.5"`). Defaults to ``SimulationTimings/defaultRunDuration`` for pods with
    /// `restartPolicy: Never` or `OnFailure` (so Job pods complete); pods with `restartPolicy: Always` run
    /// forever unless it is set (then their containers exit and restart with back-off, as in a crash loop).
    public static let runSeconds = "local.kruise.io/run-seconds"
    /// `local.kruise.io/exit-code`: the exit code of containers that finish (default `0`). Non-zero fails
    /// `Never` pods and restarts `OnFailure`/`Always` containers.
    public static let exitCode = "local.kruise.io/exit-code"
    /// `local.kruise.io/ready-after-seconds`: overrides ``SimulationTimings/readinessDelay`` for this pod.
    public static let readyAfterSeconds = "local.kruise.io/ready-after-seconds"

    /// Parses decimal seconds (`"1"`, `"0.25"`) into a duration; `nil` when malformed or negative.
    static func duration(_ text: String?) -> Duration? {
        guard let text, let value = Double(text), value >= 0, value.isFinite else { return nil }
        return .milliseconds(Int64((value * 1000).rounded()))
    }
}
