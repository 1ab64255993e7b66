import Synchronization

extension ObjectStore {
    /// Staged log records handed to the committing task.
    private struct CommitBatch: Sendable {
        var records: [UInt8]
        var lastVersion: UInt64
    }

    /// The durable objects as of one version, captured for a snapshot.
    private struct CompactionPlan: Sendable {
        var version: UInt64
        var buckets: [ResourceID: ResourceBucket]

        var count: Int { self.buckets.values.reduce(0) { $0 + $1.objects.count } }
        var objects: some Sequence<StoredObject> { self.buckets.values.lazy.flatMap { $0.objects.values } }
    }

    private enum CommitStep: Sendable {
        case done
        case failed(StoreError)
        case lead(CommitBatch)
        case wait
    }

    /// Returns once `version` is durable. Group commit: the first waiter that finds no commit running takes
    /// every staged record, writes and syncs them at once and publishes the changes; the others wait for it
    /// and, if their record came too late for that batch, one of them leads the next.
    nonisolated(nonsending) func awaitDurable(_ version: UInt64) async throws(StoreError) {
        guard let log = self.log else { return }
        while true {
            let step = self.state.withLock { state -> CommitStep in
                if state.durable >= version { return .done }
                if let failure = state.failure { return .failed(failure) }
                guard !state.commitInFlight else { return .wait }
                state.commitInFlight = true
                let batch = CommitBatch(records: state.pendingLog, lastVersion: state.lastAssigned)
                state.pendingLog = []
                return .lead(batch)
            }
            switch step {
            case .done: return
            case .failed(let error): throw error
            case .lead(let batch): self.commit(batch, to: log)
            case .wait: await self.waitWhile { $0.commitInFlight && $0.durable < version && $0.failure == nil }
            }
        }
    }

    /// Suspends until a commit or compaction finishes, unless `condition` is already false.
    private nonisolated(nonsending) func waitWhile(_ condition: (borrowing StoreState) -> Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let waiting = self.state.withLock { state in
                guard condition(state) else { return false }
                state.waiters.append(continuation)
                return true
            }
            if !waiting { continuation.resume() }
        }
    }

    /// Writes and syncs one batch, then publishes it. Called only by the holder of the commit token.
    private func commit(_ batch: CommitBatch, to log: WriteAheadLog) {
        var failure: StoreError? = nil
        if !batch.records.isEmpty {
            do {
                try log.append(batch.records)
            } catch {
                failure = error
            }
        }
        let threshold = self.configuration.compactionThreshold
        let (plan, overflowed, waiters) = self.state.withLock { state in
            var plan: CompactionPlan? = nil
            var overflowed: [AsyncThrowingStream<WatchEvent, any Error>.Continuation] = []
            if let failure {
                if state.failure == nil { state.failure = failure }
            } else {
                overflowed = state.commit(upTo: batch.lastVersion)
                state.logBytes += batch.records.count
                if state.logBytes >= threshold && !state.compacting {
                    state.compacting = true
                    plan = CompactionPlan(version: state.durable, buckets: state.buckets)
                }
            }
            if plan == nil { state.commitInFlight = false }
            return (plan, overflowed, state.takeWaiters())
        }
        for watcher in overflowed { watcher.finish(throwing: StoreError.watcherTooSlow) }
        for waiter in waiters { waiter.resume() }
        // A failed rotation has already failed the store; a failed snapshot leaves the old segments in place,
        // so recovery still sees every write, and the next compaction tries again.
        if let plan { try? self.compact(plan, log: log) }
    }

    /// Writes a snapshot of the durable state and starts a new log segment, then removes the segments the
    /// snapshot covers. Writes continue meanwhile; they go to the new segment. Compaction also runs on its
    /// own once ``Configuration/compactionThreshold`` log bytes have been written.
    public func compact() async throws(StoreError) {
        guard let log = self.log else { return }
        while true {
            let plan = try self.state.withLock { (state) throws(StoreError) -> CompactionPlan? in
                if let failure = state.failure { throw failure }
                guard !state.commitInFlight && !state.compacting else { return nil }
                state.commitInFlight = true
                state.compacting = true
                return CompactionPlan(version: state.durable, buckets: state.buckets)
            }
            if let plan { return try self.compact(plan, log: log) }
            await self.waitWhile { ($0.commitInFlight || $0.compacting) && $0.failure == nil }
        }
    }

    /// Runs a compaction; the caller holds the commit token and the compacting flag.
    private func compact(_ plan: CompactionPlan, log: WriteAheadLog) throws(StoreError) {
        let firstVersion = plan.version + 1
        var rotationFailure: StoreError? = nil
        do {
            try log.rotate(firstVersion: firstVersion)
        } catch {
            rotationFailure = error
        }
        // The new segment holds everything after the plan's version: release the commit token so writes go on
        // while the snapshot is written.
        let waiters = self.state.withLock { state in
            state.commitInFlight = false
            if let rotationFailure {
                state.compacting = false
                if state.failure == nil { state.failure = rotationFailure }
            } else {
                state.logBytes = 0
            }
            return state.takeWaiters()
        }
        for waiter in waiters { waiter.resume() }
        if let rotationFailure { throw rotationFailure }
        var snapshotFailure: StoreError? = nil
        do {
            try log.writeSnapshot(version: plan.version, count: plan.count, objects: plan.objects)
            try log.removeSegments(before: firstVersion)
        } catch {
            snapshotFailure = error
        }
        let finished = self.state.withLock { state in
            state.compacting = false
            return state.takeWaiters()
        }
        for waiter in finished { waiter.resume() }
        if let snapshotFailure { throw snapshotFailure }
    }
}
