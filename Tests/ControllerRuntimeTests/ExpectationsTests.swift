import ControllerRuntime
import Testing

@Suite("Expectations")
struct ExpectationsTests {
    @Test func scaleExpectationsBlockUntilObservedOrTimedOut() {
        let expectations = ScaleExpectations(timeout: .seconds(300))
        let owner = ObjectKey(namespace: "default", name: "web")
        let start = ContinuousClock.now
        #expect(expectations.isSatisfied(owner, now: start))
        expectations.expect(owner, .create, name: "web-a", now: start)
        expectations.expect(owner, .create, name: "web-b", now: start)
        expectations.expect(owner, .delete, name: "web-old", now: start)
        #expect(!expectations.isSatisfied(owner, now: start))
        expectations.observe(owner, .create, name: "web-a")
        expectations.observe(owner, .create, name: "web-b")
        #expect(!expectations.isSatisfied(owner, now: start))
        #expect(expectations.pendingNames(owner, .delete) == ["web-old"])
        expectations.observe(owner, .delete, name: "web-old")
        #expect(expectations.isSatisfied(owner, now: start))

        // A create that is never observed stops blocking after the timeout (and is dropped).
        expectations.expect(owner, .create, name: "lost", now: start)
        #expect(!expectations.isSatisfied(owner, now: start + .seconds(299)))
        #expect(expectations.isSatisfied(owner, now: start + .seconds(300)))
        #expect(expectations.pendingNames(owner, .create).isEmpty)
    }

    @Test func aRestartedControllerStartsWithNoExpectationsButAFreshCache() {
        // After a crash the new process has no expectations: it must only act on a synced cache, which
        // then already contains every pod the old process created. This models that a new instance is empty.
        let before = ScaleExpectations()
        let owner = ObjectKey(namespace: "default", name: "web")
        before.expect(owner, .create, name: "web-x")
        let after = ScaleExpectations()
        #expect(after.isSatisfied(owner))
    }

    @Test func resourceVersionExpectations() {
        let expectations = ResourceVersionExpectations(timeout: .seconds(60))
        let key = ObjectKey(namespace: "default", name: "web")
        let start = ContinuousClock.now
        expectations.expect(key, resourceVersion: "120", now: start)
        #expect(!expectations.isSatisfied(key, now: start))
        expectations.observe(key, resourceVersion: "119")
        #expect(!expectations.isSatisfied(key, now: start))
        expectations.observe(key, resourceVersion: "121")
        #expect(expectations.isSatisfied(key, now: start))
        expectations.expect(key, resourceVersion: "200", now: start)
        #expect(expectations.isSatisfied(key, now: start + .seconds(60)))
    }

    @Test func observingManyObjectsAtOnceMatchesObservingEach() {
        let expectations = ResourceVersionExpectations(timeout: .seconds(60))
        let start = ContinuousClock.now
        let keys = (0..<4).map { ObjectKey(namespace: "default", name: "pod-\($0)") }
        var read = 0
        let cached: [(ObjectKey, String?)] = [(keys[0], "10"), (keys[1], "5"), (keys[2], nil), (keys[3], "7")]
        // Nothing expected: satisfied without reading any object.
        #expect(expectations.observeAll(cached, now: start) { read += 1; return $0 })
        #expect(read == 0)
        expectations.expect(keys[0], resourceVersion: "10", now: start)
        expectations.expect(keys[1], resourceVersion: "6", now: start)
        #expect(!expectations.observeAll(cached, now: start) { $0 })
        // keys[0] caught up and was cleared; keys[1] still waits until its cache shows 6, or the timeout.
        #expect(expectations.isSatisfied(keys[0], now: start))
        #expect(!expectations.isSatisfied(keys[1], now: start))
        #expect(expectations.observeAll([(keys[1], "6")], now: start) { $0 })
        expectations.expect(keys[2], resourceVersion: "3", now: start)
        #expect(!expectations.observeAll(cached, now: start) { $0 })
        #expect(expectations.observeAll(cached, now: start + .seconds(60)) { $0 })
    }
}

@Suite("Feature gates")
struct FeatureGatesTests {
    @Test func managerKeepsV16DefaultsAndLocalTurnsEverythingOn() throws {
        let manager = KruiseFeatures.managerDefaults()
        #expect(manager.isEnabled(KruiseFeatures.resourcesDeletionProtection))
        #expect(!manager.isEnabled(KruiseFeatures.imagePullJobGate))
        let local = KruiseFeatures.localDefaults()
        #expect(local.isEnabled(KruiseFeatures.imagePullJobGate))
        #expect(local.effective.allSatisfy { $0.enabled })
    }

    @Test func flagParsing() throws {
        var gates = KruiseFeatures.localDefaults()
        try gates.apply("ImagePullJobGate=false, WorkloadSpread=true")
        #expect(!gates.isEnabled("ImagePullJobGate"))
        #expect(gates.isEnabled("WorkloadSpread"))
        for (flag, message) in [
            ("NoSuchGate=true", "unrecognized feature gate: NoSuchGate"),
            ("PodWebhook", "missing bool value for PodWebhook"),
            ("PodWebhook=maybe", "invalid value of PodWebhook: maybe, err: strconv.ParseBool: parsing \"maybe\": invalid syntax"),
        ] {
            var copy = gates
            do {
                try copy.apply(flag)
                Issue.record("accepted \(flag)")
            } catch {
                #expect(error.message == message)
            }
        }
    }
}
