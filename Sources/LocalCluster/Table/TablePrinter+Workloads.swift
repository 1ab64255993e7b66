internal import KubeJSON
internal import KubeModel

extension TablePrinter {
    private static let containers = TableColumnDefinition.wide(
        "Containers",
        "Names of each container in the template."
    )
    private static let images = TableColumnDefinition.wide("Images", "Images referenced by each container in the template.")
    private static let selector = TableColumnDefinition.wide("Selector", "Label selector for pods.")

    /// `CONTAINERS IMAGES SELECTOR` of an object with `spec.template` and `spec.selector`.
    private static func templateCells(_ object: TableSource, selector: Bool = true) -> [JSONValue] {
        let (names, images) = TableSource.containersAndImages(object.value("spec", "template", "spec"))
        return selector ? [names, images, .string(TableSource.formatSelector(object.value("spec", "selector")))] : [names, images]
    }

    private static func integer(_ value: Int64?) -> JSONValue { .int(value ?? 0) }

    /// `NAME READY UP-TO-DATE AVAILABLE AGE` + wide `CONTAINERS IMAGES SELECTOR`.
    static let deployments = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Ready", description: "Number of the pod with ready state"),
            TableColumnDefinition(
                name: "Up-to-date",
                type: "integer",
                description: "Total number of non-terminated pods targeted by this deployment that have the desired template spec."
            ),
            TableColumnDefinition(
                name: "Available",
                type: "integer",
                description: "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."
            ),
            .age, Self.containers, Self.images, Self.selector,
        ],
        cells: { deployment in
            [
                .string(deployment.name),
                .string("\(deployment.int("status", "readyReplicas") ?? 0)/\(deployment.int("spec", "replicas") ?? 0)"),
                Self.integer(deployment.int("status", "updatedReplicas")),
                Self.integer(deployment.int("status", "availableReplicas")),
                .string(deployment.age),
            ] + Self.templateCells(deployment)
        }
    )

    /// `NAME DESIRED CURRENT READY AGE` + wide `CONTAINERS IMAGES SELECTOR`.
    static let replicaSets = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Desired", type: "integer", description: "Number of desired pods."),
            TableColumnDefinition(name: "Current", type: "integer", description: "Replicas is the most recently observed number of replicas."),
            TableColumnDefinition(name: "Ready", type: "integer", description: "The number of ready replicas for this replica set."),
            .age, Self.containers, Self.images, Self.selector,
        ],
        cells: { replicaSet in
            [
                .string(replicaSet.name),
                Self.integer(replicaSet.int("spec", "replicas")),
                Self.integer(replicaSet.int("status", "replicas")),
                Self.integer(replicaSet.int("status", "readyReplicas")),
                .string(replicaSet.age),
            ] + Self.templateCells(replicaSet)
        }
    )

    /// `NAME READY AGE` + wide `CONTAINERS IMAGES`.
    static let statefulSets = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Ready", description: "Number of the pod with ready state"),
            .age, Self.containers, Self.images,
        ],
        cells: { statefulSet in
            [
                .string(statefulSet.name),
                .string("\(statefulSet.int("status", "readyReplicas") ?? 0)/\(statefulSet.int("spec", "replicas") ?? 1)"),
                .string(statefulSet.age),
            ] + Self.templateCells(statefulSet, selector: false)
        }
    )

    /// `NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE` + wide `CONTAINERS IMAGES SELECTOR`.
    static let daemonSets = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Desired", type: "integer", description: "The total number of nodes that should be running the daemon pod."),
            TableColumnDefinition(name: "Current", type: "integer", description: "The number of nodes running at least one daemon pod that are supposed to."),
            TableColumnDefinition(name: "Ready", type: "integer", description: "The number of nodes that should be running the daemon pod and have one or more ready."),
            TableColumnDefinition(name: "Up-to-date", type: "integer", description: "The total number of nodes running the updated daemon pod."),
            TableColumnDefinition(name: "Available", type: "integer", description: "The number of nodes running the daemon pod available for at least minReadySeconds."),
            TableColumnDefinition(name: "Node Selector", description: "NodeSelector is a selector which must be true for the pod to fit on a node."),
            .age, Self.containers, Self.images, Self.selector,
        ],
        cells: { daemonSet in
            [
                .string(daemonSet.name),
                Self.integer(daemonSet.int("status", "desiredNumberScheduled")),
                Self.integer(daemonSet.int("status", "currentNumberScheduled")),
                Self.integer(daemonSet.int("status", "numberReady")),
                Self.integer(daemonSet.int("status", "updatedNumberScheduled")),
                Self.integer(daemonSet.int("status", "numberAvailable")),
                .string(TableSource.formatLabels(daemonSet.object("spec", "template", "spec", "nodeSelector"))),
                .string(daemonSet.age),
            ] + Self.templateCells(daemonSet)
        }
    )

    /// `NAME STATUS COMPLETIONS DURATION AGE` + wide `CONTAINERS IMAGES SELECTOR`.
    static let jobs = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Status", description: "Status of the job."),
            TableColumnDefinition(name: "Completions", description: "The desired number of successfully finished pods the job should be run with."),
            TableColumnDefinition(name: "Duration", description: "Time required to complete the job."),
            .age, Self.containers, Self.images, Self.selector,
        ],
        cells: { job in
            let succeeded = job.int("status", "succeeded") ?? 0
            let completions: String
            if let wanted = job.int("spec", "completions") {
                completions = "\(succeeded)/\(wanted)"
            } else if let parallelism = job.int("spec", "parallelism"), parallelism > 1 {
                completions = "\(succeeded)/1 of \(parallelism)"
            } else {
                completions = "\(succeeded)/1"
            }
            let duration: String
            if let start = job.time("status", "startTime") {
                let end = job.time("status", "completionTime") ?? job.now
                duration = HumanDuration.format(end.duration(since: start))
            } else {
                duration = ""
            }
            return [
                .string(job.name),
                .string(Self.jobStatus(job)),
                .string(completions),
                .string(duration),
                .string(job.age),
            ] + Self.templateCells(job)
        }
    )

    private static func jobStatus(_ job: TableSource) -> String {
        let conditions = job.array("status", "conditions")
        func holds(_ type: String) -> Bool { TableSource.conditionStatus(conditions, type: type) == "True" }
        if holds("Complete") { return "Complete" }
        if holds("Failed") { return "Failed" }
        if job.isBeingDeleted { return "Terminating" }
        if holds("Suspended") { return "Suspended" }
        if holds("FailureTarget") { return "FailureTarget" }
        if holds("SuccessCriteriaMet") { return "SuccessCriteriaMet" }
        return "Running"
    }

    /// `NAME CONTROLLER REVISION AGE`.
    static let controllerRevisions = TablePrinter(
        columns: [
            .name,
            TableColumnDefinition(name: "Controller", description: "Controller of the object."),
            TableColumnDefinition(name: "Revision", type: "integer", description: "Revision indicates the revision of the state represented by Data."),
            .age,
        ],
        cells: { revision in
            let owner = revision.array("metadata", "ownerReferences").first { $0["controller"]?.boolValue == true }
            var controller = "<none>"
            if let owner, let kind = owner["kind"]?.stringValue, let name = owner["name"]?.stringValue {
                let group = owner["apiVersion"]?.stringValue.flatMap(GroupVersion.init(apiVersion:))?.group ?? ""
                controller = group.isEmpty ? "\(kind.lowercased())/\(name)" : "\(kind.lowercased()).\(group)/\(name)"
            }
            return [.string(revision.name), .string(controller), Self.integer(revision.int("revision")), .string(revision.age)]
        }
    )
}
