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
