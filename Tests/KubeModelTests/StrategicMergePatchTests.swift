import KubeJSON
import KubeModel
import Testing

/// Applies `patch` to `original` with the built-in schema of `(apiVersion, kind)`.
func applyBuiltIn(_ apiVersion: String, _ kind: String, patch: String, to original: String) throws -> JSONValue {
    let schema = try #require(StrategicMergeSchema.builtIn(apiVersion: apiVersion, kind: kind))
    return try StrategicMergePatch.apply(patch: parseJSON(patch), to: parseJSON(original), schema: schema)
}

/// The Deployment of the "Update API Objects in Place Using kubectl patch" task (deployment-patch.yaml).
let patchDemoDeployment = #"""
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"patch-demo"},
     "spec":{"replicas":2,"selector":{"matchLabels":{"app":"nginx"}},
      "template":{"metadata":{"labels":{"app":"nginx"}},
       "spec":{"containers":[{"name":"patch-demo-ctr","image":"nginx"}],
        "tolerations":[{"effect":"NoSchedule","key":"dedicated","value":"test-team"}]}}}}
    """#

@Suite("Strategic merge patch: kubectl patch documentation")
struct StrategicMergePatchDocsTests {
    @Test func addsContainerByMergingTheContainersList() throws {
        let result = try applyBuiltIn(
            "apps/v1",
            "Deployment",
            patch: #"{"spec":{"template":{"spec":{"containers":[{"name":"patch-demo-ctr-2","image":"redis"}]}}}}"#,
            to: patchDemoDeployment
        )
        // The docs show the new container first, the existing one second.
        let containers = result["spec"]?["template"]?["spec"]?["containers"]
        #expect(containers == [["name": "patch-demo-ctr-2", "image": "redis"], ["name": "patch-demo-ctr", "image": "nginx"]])
        #expect(result["spec"]?["template"]?["spec"]?["tolerations"]?[0]?["key"] == "dedicated")
        #expect(result["spec"]?["replicas"] == 2)
    }

    @Test func replacesTolerationsBecauseTheyHaveNoPatchStrategy() throws {
        let result = try applyBuiltIn(
            "apps/v1",
            "Deployment",
            patch: #"{"spec":{"template":{"spec":{"tolerations":[{"effect":"NoSchedule","key":"disktype","value":"ssd"}]}}}}"#,
            to: patchDemoDeployment
        )
        #expect(
            result["spec"]?["template"]?["spec"]?["tolerations"]
                == [["effect": "NoSchedule", "key": "disktype", "value": "ssd"]]
        )
        #expect(result["spec"]?["template"]?["spec"]?["containers"]?[0]?["name"] == "patch-demo-ctr")
    }

    @Test func retainKeysClearsRollingUpdate() throws {
        let deployment = #"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"retainkeys-demo"},
             "spec":{"selector":{"matchLabels":{"app.kubernetes.io/name":"nginx"}},
              "strategy":{"rollingUpdate":{"maxSurge":"30%"}},
              "template":{"metadata":{"labels":{"app.kubernetes.io/name":"nginx"}},
               "spec":{"containers":[{"name":"retainkeys-demo-ctr","image":"nginx"}]}}}}
            """#
        let withoutDirective = try applyBuiltIn(
            "apps/v1",
            "Deployment",
            patch: #"{"spec":{"strategy":{"type":"Recreate"}}}"#,
            to: deployment
        )
        #expect(withoutDirective["spec"]?["strategy"] == ["rollingUpdate": ["maxSurge": "30%"], "type": "Recreate"])

        let result = try applyBuiltIn(
            "apps/v1",
            "Deployment",
            patch: #"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}"#,
            to: deployment
        )
        #expect(result["spec"]?["strategy"] == ["type": "Recreate"])
        #expect(result["spec"]?["template"]?["spec"]?["containers"]?[0]?["name"] == "retainkeys-demo-ctr")
    }

    @Test func retainKeysOnAUnion() throws {
        let result = try StrategicMergePatch.apply(
            patch: parseJSON(#"{"union":{"$retainKeys":["another","bar"],"another":"d","bar":"c"}}"#),
            to: parseJSON(#"{"union":{"foo":"a","other":"b"}}"#),
            schema: .object(["union": .retainKeysObject()])
        )
        #expect(result == ["union": ["another": "d", "bar": "c"]])
    }

    @Test func retainKeysRejectsAPatchFieldItDoesNotList() throws {
        let error = try #require(throws: StrategicMergePatchError.self) {
            try applyBuiltIn(
                "apps/v1",
                "Deployment",
                patch: #"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate","rollingUpdate":{}}}}"#,
                to: #"{"spec":{"strategy":{"type":"RollingUpdate"}}}"#
            )
        }
        #expect(error.kind == .malformedPatch)
        #expect(error.field == "spec.strategy.$retainKeys")
    }

    @Test func patchReplaceOnAMap() throws {
        let result = try applyBuiltIn(
            "v1",
            "Pod",
            patch: #"{"spec":{"$patch":"replace","containers":[{"name":"nginx","image":"nginx-1.0"}]}}"#,
            to: #"{"spec":{"containers":[{"name":"log-tailer","image":"log-tailer-1.0"}],"restartPolicy":"Always"}}"#
        )
        #expect(result == ["spec": ["containers": [["name": "nginx", "image": "nginx-1.0"]]]])
    }

    @Test func patchReplaceOnAList() throws {
        let result = try applyBuiltIn(
            "v1",
            "Pod",
            patch: #"{"spec":{"containers":[{"name":"nginx","image":"nginx-1.0"},{"$patch":"replace"}]}}"#,
            to: #"{"spec":{"containers":[{"name":"log-tailer","image":"log-tailer-1.0"},{"name":"nginx","image":"nginx-0.9","ports":[{"containerPort":80}]}]}}"#
        )
        #expect(result == ["spec": ["containers": [["name": "nginx", "image": "nginx-1.0"]]]])
    }

    @Test func patchDeleteOnAListElement() throws {
        let result = try applyBuiltIn(
            "v1",
            "Pod",
            patch: #"{"spec":{"containers":[{"name":"nginx","image":"nginx-1.0"},{"$patch":"delete","name":"log-tailer"}]}}"#,
            to: #"{"spec":{"containers":[{"name":"nginx","image":"nginx-0.9"},{"name":"log-tailer","image":"log-tailer-1.0"}]}}"#
        )
        #expect(result == ["spec": ["containers": [["name": "nginx", "image": "nginx-1.0"]]]])
    }

    /// The docs call this deleting the map; the implementation (and patch_test.go's "delete map from nested map")
    /// leaves it empty.
    @Test func patchDeleteOnAMapEmptiesIt() throws {
        let result = try applyBuiltIn(
            "apps/v1",
            "Deployment",
            patch: #"{"spec":{"strategy":{"rollingUpdate":{"$patch":"delete"}}}}"#,
            to: #"{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}"#
        )
        #expect(result["spec"]?["strategy"] == ["type": "RollingUpdate", "rollingUpdate": [:]])
    }

    @Test func deleteFromPrimitiveListRemovesFinalizers() throws {
        let result = try applyBuiltIn(
            "v1",
            "ConfigMap",
            patch: #"{"metadata":{"$deleteFromPrimitiveList/finalizers":["b","c"]}}"#,
            to: #"{"metadata":{"name":"x","finalizers":["a","b","c"]}}"#
        )
        #expect(result["metadata"]?["finalizers"] == ["a"])
    }

    @Test func setElementOrderReordersFinalizers() throws {
        let result = try applyBuiltIn(
            "v1",
            "Secret",
            patch: #"{"metadata":{"$setElementOrder/finalizers":["b","c","a"]}}"#,
            to: #"{"metadata":{"finalizers":["a","b","c"]}}"#
        )
        #expect(result["metadata"]?["finalizers"] == ["b", "c", "a"])
    }

    @Test func setElementOrderReordersContainers() throws {
        let result = try applyBuiltIn(
            "v1",
            "Pod",
            patch: #"{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"c"},{"name":"a"}]}}"#,
            to: #"{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"2"},{"name":"c","image":"3"}]}}"#
        )
        #expect(
            result["spec"]?["containers"]
                == [["name": "b", "image": "2"], ["name": "c", "image": "3"], ["name": "a", "image": "1"]]
        )
    }
}

@Suite("Strategic merge patch: built-in kinds")
struct StrategicMergePatchKindTests {
    @Test func mergesEnvByNameInsideADeploymentTemplate() throws {
        let deployment = #"""
            {"spec":{"template":{"spec":{"containers":[
              {"name":"app","image":"app:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
              {"name":"sidecar","image":"side:1"}]}}}}
            """#
        let result = try applyBuiltIn(
            "apps/v1",
            "Deployment",
            patch: #"{"spec":{"template":{"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}}}"#,
            to: deployment
        )
        let containers = try #require(result["spec"]?["template"]?["spec"]?["containers"]?.arrayValue)
        #expect(containers.count == 2)
        #expect(containers[0]["image"] == "app:1")
        #expect(
            containers[0]["env"]
                == [["name": "A", "value": "1"], ["name": "B", "value": "3"], ["name": "C", "value": "4"]]
        )
        #expect(containers[1] == ["name": "sidecar", "image": "side:1"])
    }

    @Test(arguments: [("apps/v1", "StatefulSet"), ("apps/v1", "DaemonSet"), ("apps/v1", "ReplicaSet"), ("batch/v1", "Job")])
    func podTemplatesOfEveryWorkloadMergeContainers(apiVersion: String, kind: String) throws {
        let result = try applyBuiltIn(
            apiVersion,
            kind,
            patch: #"{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a:2"}]}}}}"#,
            to: #"{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}}}}"#
        )
        #expect(
            result["spec"]?["template"]?["spec"]?["containers"]
                == [["name": "a", "image": "a:2"], ["name": "b", "image": "b:1"]]
        )
    }

    @Test func patchesAServicePortByPort() throws {
        let result = try applyBuiltIn(
            "v1",
            "Service",
            patch: #"{"spec":{"ports":[{"port":443,"targetPort":8443}]}}"#,
            to: #"{"spec":{"ports":[{"name":"http","port":80,"targetPort":8080},{"name":"https","port":443,"targetPort":443}]}}"#
        )
        #expect(
            result["spec"]?["ports"]
                == [
                    ["name": "http", "port": 80, "targetPort": 8080],
                    ["name": "https", "port": 443, "targetPort": 8443],
                ]
        )
    }

    @Test func unionsFinalizersNewOnesFirst() throws {
        let result = try applyBuiltIn(
            "v1",
            "Namespace",
            patch: #"{"metadata":{"finalizers":["example.com/b","example.com/a"]}}"#,
            to: #"{"metadata":{"name":"ns","finalizers":["example.com/a","kubernetes"]}}"#
        )
        #expect(result["metadata"]?["finalizers"] == ["example.com/b", "example.com/a", "kubernetes"])
    }

    @Test func mergesOwnerReferencesByUID() throws {
        let result = try applyBuiltIn(
            "apps/v1",
            "ReplicaSet",
            patch: #"{"metadata":{"ownerReferences":[{"uid":"u1","controller":false},{"uid":"u2","kind":"Deployment","name":"d2"}]}}"#,
            to: #"{"metadata":{"ownerReferences":[{"uid":"u1","kind":"Deployment","name":"d1","controller":true}]}}"#
        )
        #expect(
            result["metadata"]?["ownerReferences"]
                == [
                    ["uid": "u1", "kind": "Deployment", "name": "d1", "controller": false],
                    ["uid": "u2", "kind": "Deployment", "name": "d2"],
                ]
        )
    }

    @Test func nullDeletesAField() throws {
        let result = try applyBuiltIn(
            "v1",
            "ConfigMap",
            patch: #"{"metadata":{"labels":{"a":null}},"data":null}"#,
            to: #"{"metadata":{"name":"c","labels":{"a":"1","b":"2"}},"data":{"k":"v"}}"#
        )
        #expect(result == ["metadata": ["name": "c", "labels": ["b": "2"]]])
    }

    @Test func elementWithoutItsMergeKeyIsAnErrorNamingThePath() throws {
        let error = try #require(throws: StrategicMergePatchError.self) {
            try applyBuiltIn(
                "apps/v1",
                "Deployment",
                patch: #"{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x"},{"image":"y"}]}}}}"#,
                to: #"{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"w"}]}}}}"#
            )
        }
        #expect(error.field == "spec.template.spec.containers[1]")
        #expect(error.description == #"spec.template.spec.containers[1]: does not contain declared merge key "name""#)
        #expect(error.kind == .mergeFailure)
    }

    @Test func nestedErrorsNameTheFullPath() throws {
        let error = try #require(throws: StrategicMergePatchError.self) {
            try applyBuiltIn(
                "v1",
                "Pod",
                patch: #"{"spec":{"containers":[{"name":"a","env":[{"value":"1"}]}]}}"#,
                to: #"{"spec":{"containers":[{"name":"a","env":[{"name":"X","value":"0"}]}]}}"#
            )
        }
        #expect(error.field == "spec.containers[0].env[0]")
    }

    @Test func unknownKindsHaveNoSchema() {
        #expect(StrategicMergeSchema.builtIn(apiVersion: "apps.kruise.io/v1alpha1", kind: "CloneSet") == nil)
        #expect(StrategicMergeSchema.builtIn(apiVersion: "apps/v1beta1", kind: "Deployment") == nil)
        #expect(StrategicMergeSchema.builtIn(apiVersion: "v1", kind: "Pod") != nil)
    }

    @Test(arguments: [
        ("v1", "Pod"), ("v1", "Node"), ("v1", "Namespace"), ("v1", "Service"), ("networking.k8s.io/v1", "Ingress"),
        ("v1", "ConfigMap"), ("v1", "Secret"), ("v1", "PersistentVolumeClaim"), ("v1", "Event"),
        ("coordination.k8s.io/v1", "Lease"), ("apps/v1", "ControllerRevision"), ("apps/v1", "Deployment"),
        ("apps/v1", "ReplicaSet"), ("apps/v1", "StatefulSet"), ("apps/v1", "DaemonSet"), ("batch/v1", "Job"),
        ("apiextensions.k8s.io/v1", "CustomResourceDefinition"),
        ("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"),
        ("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"),
    ])
    func everyBuiltInKindMergesMetadata(apiVersion: String, kind: String) throws {
        let schema = try #require(StrategicMergeSchema.builtIn(apiVersion: apiVersion, kind: kind))
        #expect(schema[field: "metadata"] == .objectMeta)
    }

    @Test func mergesPodConditionsByType() throws {
        let result = try applyBuiltIn(
            "v1",
            "Pod",
            patch: #"{"status":{"conditions":[{"type":"Ready","status":"True"}]}}"#,
            to: #"{"status":{"phase":"Running","conditions":[{"type":"PodScheduled","status":"True"},{"type":"Ready","status":"False","reason":"x"}]}}"#
        )
        #expect(
            result["status"]?["conditions"]
                == [["type": "PodScheduled", "status": "True"], ["type": "Ready", "status": "True", "reason": "x"]]
        )
    }

    @Test func nodeTaintsAreReplacedAndPodCIDRsMerged() throws {
        let result = try applyBuiltIn(
            "v1",
            "Node",
            patch: #"{"spec":{"taints":[{"key":"b","effect":"NoSchedule"}],"podCIDRs":["10.1.0.0/24"]}}"#,
            to: #"{"spec":{"taints":[{"key":"a","effect":"NoSchedule"}],"podCIDRs":["10.0.0.0/24"]}}"#
        )
        #expect(result["spec"]?["taints"] == [["key": "b", "effect": "NoSchedule"]])
        #expect(result["spec"]?["podCIDRs"] == ["10.1.0.0/24", "10.0.0.0/24"])
    }

    @Test func mergesWebhooksAndTheirMatchConditionsByName() throws {
        let result = try applyBuiltIn(
            "admissionregistration.k8s.io/v1",
            "ValidatingWebhookConfiguration",
            patch: #"{"webhooks":[{"name":"w1","matchConditions":[{"name":"c2","expression":"false"}]}]}"#,
            to: #"{"webhooks":[{"name":"w1","sideEffects":"None","matchConditions":[{"name":"c1","expression":"true"}]},{"name":"w2"}]}"#
        )
        #expect(
            result["webhooks"]
                == [
                    [
                        "name": "w1", "sideEffects": "None",
                        "matchConditions": [["name": "c2", "expression": "false"], ["name": "c1", "expression": "true"]],
                    ],
                    ["name": "w2"],
                ]
        )
    }

    @Test func retainKeysInsideAVolume() throws {
        let result = try applyBuiltIn(
            "v1",
            "Pod",
            patch: #"{"spec":{"volumes":[{"name":"data","$retainKeys":["name","configMap"],"configMap":{"name":"cm"}}]}}"#,
            to: #"{"spec":{"volumes":[{"name":"data","emptyDir":{}},{"name":"other","emptyDir":{}}]}}"#
        )
        #expect(
            result["spec"]?["volumes"]
                == [["name": "data", "configMap": ["name": "cm"]], ["name": "other", "emptyDir": [:]]]
        )
    }
}

@Suite("Strategic merge patch: documents and errors")
struct StrategicMergePatchBehaviourTests {
    @Test func keepsMemberOrderAndAppendsNewKeys() throws {
        let result = try StrategicMergePatch.apply(
            patch: parseJSON(#"{"new":1,"b":{"y":2,"x":null},"a":"A"}"#),
            to: parseJSON(#"{"a":"a","b":{"x":1,"z":3},"c":true}"#),
            schema: .unspecified
        )
        #expect(result.serializedString() == #"{"a":"A","b":{"z":3,"y":2},"c":true,"new":1}"#)
    }

    @Test func leavesTheOriginalUntouched() throws {
        let original = try parseJSON(#"{"spec":{"containers":[{"name":"a","image":"1"}]}}"#)
        let copy = original
        _ = try StrategicMergePatch.apply(
            patch: parseJSON(#"{"spec":{"containers":[{"name":"a","image":"2"}]}}"#),
            to: original,
            schema: .podTemplateSpec
        )
        #expect(original == copy)
        #expect(original["spec"]?["containers"]?[0]?["image"] == "1")
    }

    @Test func addedValuesLoseNullsAndDeletedElements() throws {
        let result = try StrategicMergePatch.apply(
            patch: parseJSON(#"{"spec":{"containers":[{"name":"a","image":null},{"$patch":"delete","name":"b"}]}}"#),
            to: parseJSON(#"{"metadata":{}}"#),
            schema: .podTemplateSpec
        )
        #expect(result == ["metadata": [:], "spec": ["containers": [["name": "a"]]]])
    }

    @Test func mismatchedTypesTakeThePatchValue() throws {
        let result = try StrategicMergePatch.apply(
            patch: parseJSON(#"{"spec":{"containers":{"name":"a"}}}"#),
            to: parseJSON(#"{"spec":{"containers":[{"name":"a"}]}}"#),
            schema: .podTemplateSpec
        )
        #expect(result == ["spec": ["containers": ["name": "a"]]])
    }

    @Test func unknownPatchDirectiveIsAnError() throws {
        let error = try #require(throws: StrategicMergePatchError.self) {
            try StrategicMergePatch.apply(
                patch: parseJSON(#"{"spec":{"$patch":"merge"}}"#),
                to: parseJSON(#"{"spec":{}}"#),
                schema: .podTemplateSpec
            )
        }
        #expect(error.field == "spec.$patch")
    }

    @Test func mergeDirectiveInAListIsAnError() throws {
        let error = try #require(throws: StrategicMergePatchError.self) {
            try StrategicMergePatch.apply(
                patch: parseJSON(#"{"spec":{"containers":[{"$patch":"merge"}]}}"#),
                to: parseJSON(#"{"spec":{"containers":[{"name":"a"}]}}"#),
                schema: .podTemplateSpec
            )
        }
        #expect(error.description == "spec.containers[0]: merging lists cannot yet be specified in the patch")
    }

    @Test func listsOfListsAreUnprocessable() throws {
        let error = try #require(throws: StrategicMergePatchError.self) {
            try StrategicMergePatch.apply(
                patch: parseJSON(#"{"metadata":{"finalizers":[["a"]]}}"#),
                to: parseJSON(#"{"metadata":{"finalizers":[]}}"#),
                schema: .object(["metadata": .objectMeta])
            )
        }
        #expect(error.kind == .unprocessable)
        #expect(error.field == "metadata.finalizers")
    }

    @Test(arguments: [
        #"{"$deleteFromPrimitiveList":["a"]}"#,
        #"{"$setElementOrder":["a"]}"#,
        #"{"$setElementOrder/finalizers":"a"}"#,
        #"{"$retainKeys":"finalizers"}"#,
    ])
    func malformedDirectivesAreBadRequests(_ patch: String) throws {
        let error = try #require(throws: StrategicMergePatchError.self) {
            try StrategicMergePatch.apply(
                patch: parseJSON(patch),
                to: parseJSON(#"{"finalizers":["a"]}"#),
                schema: .objectMeta
            )
        }
        #expect(error.kind == .malformedPatch)
    }

    @Test func nonObjectPatchIsABadRequest() throws {
        let error = try #require(throws: StrategicMergePatchError.self) {
            try StrategicMergePatch.apply(patch: [1, 2], to: [:], schema: .unspecified)
        }
        #expect(error.kind == .malformedPatch)
        #expect(try StrategicMergePatch.apply(patch: nil, to: ["a": 1], schema: .unspecified) == ["a": 1])
    }
}
