public import KubeJSON
public import KubeModel

/// Runs the admission webhooks of one request as kube-apiserver does: the matching mutating webhooks in
/// order (configurations by name, then webhook order), once more for `reinvocationPolicy: IfNeeded` webhooks
/// that ran before a later webhook changed the object, then schema validation again, then the matching
/// validating webhooks (one after another; kube runs them in parallel, with the same outcome).
public struct AdmissionController: Sendable {
    /// How reviews reach the webhooks.
    public var transport: any AdmissionWebhookTransport

    public init(transport: any AdmissionWebhookTransport) {
        self.transport = transport
    }

    /// Admits a request or throws the Status that rejects it.
    ///
    /// - Parameters:
    ///   - mutating: the MutatingWebhookConfigurations.
    ///   - validating: the ValidatingWebhookConfigurations.
    ///   - serviceAddress: the local address of a Service named by a webhook's `clientConfig.service`.
    ///   - revalidate: the schema validation of the mutated object, run when a webhook changed it.
    /// - Throws: ``APIStatus``: the webhook's denial (403 or its code), 500 `failed calling webhook` for a
    ///   failure under `failurePolicy: Fail`, 400 for a dry run to a webhook with side effects.
    public func admit(
        _ attributes: AdmissionAttributes,
        mutating: [AdmissionWebhookConfiguration],
        validating: [AdmissionWebhookConfiguration],
        matcher: AdmissionWebhookMatcher,
        serviceAddress: (_ namespace: String, _ name: String) -> String,
        revalidate: (JSONValue) throws(APIStatus) -> JSONValue
    ) async throws(APIStatus) -> AdmissionOutcome {
        var current = attributes
        var warnings: [String] = []
        let mutators = matcher.matchingWebhooks(in: mutating, for: current)
        if !mutators.isEmpty {
            let original = current.object
            var reinvocable: [Int] = []
            var reinvoke: Set<Int> = []
            for (index, hook) in mutators.enumerated() {
                let changed = try await self.call(hook, .mutating, &current, &warnings, serviceAddress)
                if changed {
                    reinvoke.formUnion(reinvocable)
                    reinvocable.removeAll()
                }
                if hook.reinvokesIfNeeded { reinvocable.append(index) }
            }
            for index in reinvoke.sorted() {
                let hook = mutators[index]
                guard matcher.matchedVersion(of: hook.webhook, for: current) != nil else { continue }
                _ = try await self.call(hook, .mutating, &current, &warnings, serviceAddress)
            }
            if let object = current.object, object != original {
                current.object = try revalidate(object)
            }
        }
        for hook in matcher.matchingWebhooks(in: validating, for: current) {
            _ = try await self.call(hook, .validating, &current, &warnings, serviceAddress)
        }
        return AdmissionOutcome(object: current.object, warnings: warnings)
    }

    /// Calls one webhook and applies its patch to `attributes.object`; `true` when the object changed.
    private func call(
        _ hook: MatchedAdmissionWebhook,
        _ kind: AdmissionWebhookKind,
        _ attributes: inout AdmissionAttributes,
        _ warnings: inout [String],
        _ serviceAddress: (_ namespace: String, _ name: String) -> String
    ) async throws(APIStatus) -> Bool {
        let name = hook.webhook.name
        if attributes.isDryRun && !hook.supportsDryRun {
            throw APIStatus.badRequest("admission webhook \(GoQuote.quote(name)) does not support dry run")
        }
        let response: AdmissionResponse
        do {
            response = try await self.review(hook, kind, attributes, serviceAddress)
        } catch {
            if hook.ignoresFailures { return false }
            throw APIStatus.internalError("failed calling webhook \(GoQuote.quote(name)): \(error.message)")
        }
        warnings.append(contentsOf: response.warnings)
        guard response.allowed else {
            throw APIStatus.webhookDenied(
                webhook: name,
                message: response.statusMessage,
                reason: response.statusReason.isEmpty ? nil : StatusReason(rawValue: response.statusReason),
                code: response.statusCode ?? 403
            )
        }
        guard let patch = response.patch, let object = attributes.object else { return false }
        let requestAPIVersion = object["apiVersion"]
        let shownAPIVersion = GroupVersion(group: attributes.kind.group, version: hook.version).apiVersion
        let converted = hook.version != attributes.resource.version && attributes.kind.group == attributes.resource.group
        var patched: JSONValue
        do {
            patched = try patch.apply(
                to: AdmissionReview.shown(object, apiVersion: shownAPIVersion, if: converted)
            )
        } catch {
            throw APIStatus.internalError(error.description)
        }
        if converted { patched["apiVersion"] = requestAPIVersion }
        attributes.object = patched
        return patched != object
    }

    /// Sends the review and reads the verdict; every failure is an ``AdmissionWebhookError``.
    private func review(
        _ hook: MatchedAdmissionWebhook,
        _ kind: AdmissionWebhookKind,
        _ attributes: AdmissionAttributes,
        _ serviceAddress: (_ namespace: String, _ name: String) -> String
    ) async throws(AdmissionWebhookError) -> AdmissionResponse {
        let endpoint = try AdmissionWebhookEndpoint.resolve(hook.webhook, serviceAddress: serviceAddress)
        let uid = RandomIdentifiers.uuid()
        let body = AdmissionReview.request(uid: uid, attributes: attributes, version: hook.version).serialized()
        let answer = try await self.transport.post(body, to: endpoint)
        guard answer.status == 200 else {
            throw AdmissionWebhookError(
                "the server responded with the status code \(answer.status) but did not return more information"
            )
        }
        return try AdmissionResponse(body: answer.body, uid: uid, kind: kind)
    }
}
