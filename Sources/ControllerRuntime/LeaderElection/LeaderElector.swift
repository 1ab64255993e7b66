public import KubeClient
import KubeJSON
import KubeModel
public import Logging
import Synchronization

/// Leader election on a `coordination.k8s.io/v1` Lease, as client-go's leaderelection package does it.
///
/// A candidate tries every retry period to take the lease; it succeeds when the lease is free, its own,
/// or not renewed for the lease duration as measured on the candidate's clock since it last saw the lease
/// change (so clock skew between replicas does not matter). The leader renews every retry period; if it
/// cannot renew for the renew deadline it stops leading. Writes use the lease's resourceVersion, so two
/// candidates never both succeed.
public final class LeaderElector: Sendable {
    public let configuration: LeaderElectionConfiguration
    private let client: KubeClient
    private let logger: Logger
    private let leaderGauge: Gauge?

    private struct Observation {
        var holder: String?
        var renewTime: MicroTime?
        var resourceVersion: String?
        var observedAt: ContinuousClock.Instant
    }

    private let observed: Mutex<Observation?> = Mutex(nil)
    private let leading: Mutex<Bool> = Mutex(false)

    public init(client: KubeClient, configuration: LeaderElectionConfiguration, logger: Logger, metrics: MetricsRegistry? = nil) {
        self.client = client
        self.configuration = configuration
        self.logger = logger
        self.leaderGauge = metrics?.gauge(
            "leader_election_master_status",
            help: "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master.",
            labels: [("name", configuration.leaseName)]
        )
    }

    /// `true` while this replica holds the lease.
    public var isLeader: Bool { self.leading.withLock { $0 } }

    /// The identity of the holder this replica last observed.
    public var observedHolder: String? { self.observed.withLock { $0?.holder } }

    /// Waits for leadership, then runs `work` while renewing the lease. Returns when `work` returns or the
    /// task is cancelled (releasing the lease if configured); throws ``LeaderElectionError/lost`` when
    /// renewal failed for the renew deadline (the caller should exit, as kruise-manager does).
    public func run(whileLeading work: @escaping @Sendable () async throws -> Void) async throws {
        while !Task.isCancelled {
            if await self.tryAcquireOrRenew() { break }
            try await Task.sleep(for: self.configuration.retryPeriod)
        }
        try Task.checkCancellation()
        self.setLeading(true)
        self.logger.info("acquired lease", metadata: ["lease": "\(self.configuration.namespace)/\(self.configuration.leaseName)"])

        let outcome: Result<Void, any Error> = await withTaskGroup(of: Result<Void, any Error>?.self) { group in
            group.addTask {
                do {
                    try await work()
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            group.addTask {
                await self.renewLoop() ? nil : .failure(LeaderElectionError.lost)
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .success(())
        }
        self.setLeading(false)
        if case .failure(let error) = outcome, error as? LeaderElectionError == .lost {
            self.logger.error("lost the lease")
            throw error
        }
        if self.configuration.releaseOnCancel {
            // The caller's task is usually cancelled by now; release from a fresh task so the writes go out.
            await Task { await self.release() }.value
        }
        if case .failure(let error) = outcome, !(error is CancellationError) { throw error }
    }

    /// Renews every retry period; returns `false` once renewal has failed for the renew deadline, `true`
    /// when cancelled.
    private func renewLoop() async -> Bool {
        var lastRenewal = ContinuousClock.now
        while !Task.isCancelled {
            do { try await Task.sleep(for: self.configuration.retryPeriod) } catch { return true }
            if await self.tryAcquireOrRenew() {
                lastRenewal = .now
            } else if ContinuousClock.now - lastRenewal >= self.configuration.renewDeadline {
                return Task.isCancelled
            }
        }
        return true
    }

    /// One attempt to take or renew the lease.
    func tryAcquireOrRenew() async -> Bool {
        let config = self.configuration
        let now = MicroTime.now().truncatedToMicroseconds
        let leaseSeconds = Int32(config.leaseDuration.components.seconds)
        let existing: Lease
        do {
            existing = try await self.client.get(Lease.self, namespace: config.namespace, name: config.leaseName)
        } catch let error where error.isNotFound {
            var lease = Lease(metadata: ObjectMeta(name: config.leaseName, namespace: config.namespace))
            var spec = LeaseSpec()
            spec.holderIdentity = config.identity
            spec.leaseDurationSeconds = leaseSeconds
            spec.acquireTime = now
            spec.renewTime = now
            spec.leaseTransitions = 0
            lease.spec = spec
            do {
                let created = try await self.client.create(lease)
                self.remember(created)
                return true
            } catch {
                return false
            }
        } catch {
            self.logger.debug("cannot read lease", metadata: ["error": "\(error)"])
            return false
        }
        self.remember(existing)
        let spec = existing.spec
        let holder = spec.holderIdentity ?? ""
        if !holder.isEmpty && holder != config.identity {
            let observedAt = self.observed.withLock { $0?.observedAt } ?? .now
            let duration = Duration.seconds(Int64(spec.leaseDurationSeconds ?? leaseSeconds))
            if ContinuousClock.now < observedAt + duration { return false }
        }
        var updated = existing
        var newSpec = spec
        if holder != config.identity {
            newSpec.acquireTime = now
            newSpec.leaseTransitions = (spec.leaseTransitions ?? 0) + (holder.isEmpty ? 0 : 1)
        }
        newSpec.holderIdentity = config.identity
        newSpec.leaseDurationSeconds = leaseSeconds
        newSpec.renewTime = now
        updated.spec = newSpec
        do {
            let written = try await self.client.update(updated)
            self.remember(written)
            return true
        } catch {
            return false
        }
    }

    /// Clears the holder so another replica can take over without waiting for expiry.
    private func release() async {
        let config = self.configuration
        guard var lease = try? await self.client.get(Lease.self, namespace: config.namespace, name: config.leaseName),
            lease.spec.holderIdentity == config.identity
        else { return }
        var spec = lease.spec
        spec.holderIdentity = nil
        spec.leaseDurationSeconds = 1
        spec.renewTime = MicroTime.now().truncatedToMicroseconds
        lease.spec = spec
        if (try? await self.client.update(lease)) != nil {
            self.logger.info("released lease")
        }
    }

    private func remember(_ lease: Lease) {
        let spec = lease.spec
        self.observed.withLock { observed in
            // The clock starts again only when the record changes, as client-go's observedTime.
            if let current = observed, current.holder == spec.holderIdentity, current.renewTime == spec.renewTime {
                observed?.resourceVersion = lease.metadata.resourceVersion
                return
            }
            observed = Observation(
                holder: spec.holderIdentity,
                renewTime: spec.renewTime,
                resourceVersion: lease.metadata.resourceVersion,
                observedAt: .now
            )
        }
    }

    private func setLeading(_ value: Bool) {
        self.leading.withLock { $0 = value }
        self.leaderGauge?.set(value ? 1 : 0)
    }
}

/// Why leader election stopped.
public enum LeaderElectionError: Error, Sendable, Hashable {
    /// The lease could not be renewed within the renew deadline.
    case lost
}
