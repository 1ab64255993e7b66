public import KubeJSON
public import KubeModel

/// A container status's `state` (or `lastState`) read into a value.
enum ContainerStateSnapshot: Sendable, Hashable {
    case none
    case waiting(reason: String)
    case running(startedAt: KubeTime)
    case terminated(exitCode: Int64, startedAt: KubeTime?, finishedAt: KubeTime?)

    init(_ json: JSONValue?) {
        guard let json else {
            self = .none
            return
        }
        if let running = json["running"], !running.isNull {
            let started = running["startedAt"].flatMap { try? KubeTime(json: $0) } ?? .epoch
            self = .running(startedAt: started)
        } else if let terminated = json["terminated"], !terminated.isNull {
            self = .terminated(
                exitCode: terminated["exitCode"]?.int64Value ?? 0,
                startedAt: terminated["startedAt"].flatMap { try? KubeTime(json: $0) },
                finishedAt: terminated["finishedAt"].flatMap { try? KubeTime(json: $0) }
            )
        } else if let waiting = json["waiting"], !waiting.isNull {
            self = .waiting(reason: waiting["reason"]?.stringValue ?? "")
        } else {
            self = .none
        }
    }

    static func waitingJSON(reason: String, message: String? = nil) -> JSONValue {
        var waiting = JSONObject()
        if let message { waiting.appendUnchecked(key: "message", value: .string(message)) }
        waiting.appendUnchecked(key: "reason", value: .string(reason))
        return ["waiting": .object(waiting)]
    }

    static func runningJSON(startedAt: KubeTime) -> JSONValue {
        ["running": ["startedAt": startedAt.json]]
    }

    static func terminatedJSON(
        exitCode: Int64,
        reason: String,
        message: String? = nil,
        startedAt: KubeTime?,
        finishedAt: KubeTime,
        containerID: String?
    ) -> JSONValue {
        var terminated = JSONObject()
        if let containerID { terminated.appendUnchecked(key: "containerID", value: .string(containerID)) }
        terminated.appendUnchecked(key: "exitCode", value: .int(exitCode))
        terminated.appendUnchecked(key: "finishedAt", value: finishedAt.json)
        if let message { terminated.appendUnchecked(key: "message", value: .string(message)) }
        terminated.appendUnchecked(key: "reason", value: .string(reason))
        if let startedAt { terminated.appendUnchecked(key: "startedAt", value: startedAt.json) }
        return ["terminated": .object(terminated)]
    }
}
