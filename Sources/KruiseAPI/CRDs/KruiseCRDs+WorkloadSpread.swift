import KubeJSON
public import KubeModel

extension KruiseCRDs {
    /// `workloadspreads.apps.kruise.io` as upstream's `config/crd/bases/apps.kruise.io_workloadspreads.yaml` (v1.6)
    /// declares it, field descriptions left out: v1alpha1 served and stored, the status subresource, short name `ws`,
    /// the printer columns, and a structural schema in which each subset's `patch` preserves unknown fields.
    public static let workloadSpread: CustomResourceDefinition = parse(workloadSpreadYAML)

    /// The YAML of ``workloadSpread``.
    public static let workloadSpreadYAML: String = """
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  annotations:
    controller-gen.kubebuilder.io/version: v0.14.0
  name: workloadspreads.apps.kruise.io
spec:
  group: apps.kruise.io
  names:
    kind: WorkloadSpread
    listKind: WorkloadSpreadList
    plural: workloadspreads
    shortNames:
    - ws
    singular: workloadspread
  scope: Namespaced
  versions:
  - additionalPrinterColumns:
    - jsonPath: .spec.targetRef.name
      name: WorkloadName
      type: string
    - jsonPath: .spec.targetRef.kind
      name: WorkloadKind
      type: string
    - description: Whether use the adaptive reschedule strategy
      jsonPath: .spec.scheduleStrategy.type[?(@ == "Adaptive")]
      name: Adaptive
      type: boolean
    - jsonPath: .metadata.creationTimestamp
      name: Age
      type: date
    name: v1alpha1
    schema:
      openAPIV3Schema:
        description: WorkloadSpread is the Schema for the WorkloadSpread API
        properties:
          apiVersion:
            type: string
          kind:
            type: string
          metadata:
            type: object
          spec:
            description: WorkloadSpreadSpec defines the desired state of WorkloadSpread.
            properties:
              scheduleStrategy:
                properties:
                  adaptive:
                    properties:
                      disableSimulationSchedule:
                        type: boolean
                      rescheduleCriticalSeconds:
                        format: int32
                        type: integer
                    type: object
                  type:
                    enum:
                    - Adaptive
                    - Fixed
                    - ""
                    type: string
                type: object
              subsets:
                items:
                  properties:
                    maxReplicas:
                      anyOf:
                      - type: integer
                      - type: string
                      x-kubernetes-int-or-string: true
                    name:
                      type: string
                    patch:
                      description: Patch indicates patching podTemplate to the specified subset.
                      x-kubernetes-preserve-unknown-fields: true
                    preferredNodeSelectorTerms:
                      items:
                        properties:
                          preference:
                            properties:
                              matchExpressions:
                                items:
                                  properties:
                                    key:
                                      type: string
                                    operator:
                                      type: string
                                    values:
                                      items:
                                        type: string
                                      type: array
                                  required:
                                  - key
                                  - operator
                                  type: object
                                type: array
                              matchFields:
                                items:
                                  properties:
                                    key:
                                      type: string
                                    operator:
                                      type: string
                                    values:
                                      items:
                                        type: string
                                      type: array
                                  required:
                                  - key
                                  - operator
                                  type: object
                                type: array
                            type: object
                            x-kubernetes-map-type: atomic
                          weight:
                            format: int32
                            type: integer
                        required:
                        - preference
                        - weight
                        type: object
                      type: array
                    requiredNodeSelectorTerm:
                      properties:
                        matchExpressions:
                          items:
                            properties:
                              key:
                                type: string
                              operator:
                                type: string
                              values:
                                items:
                                  type: string
                                type: array
                            required:
                            - key
                            - operator
                            type: object
                          type: array
                        matchFields:
                          items:
                            properties:
                              key:
                                type: string
                              operator:
                                type: string
                              values:
                                items:
                                  type: string
                                type: array
                            required:
                            - key
                            - operator
                            type: object
                          type: array
                      type: object
                      x-kubernetes-map-type: atomic
                    tolerations:
                      items:
                        properties:
                          effect:
                            type: string
                          key:
                            type: string
                          operator:
                            type: string
                          tolerationSeconds:
                            format: int64
                            type: integer
                          value:
                            type: string
                        type: object
                      type: array
                  required:
                  - name
                  type: object
                type: array
              targetRef:
                properties:
                  apiVersion:
                    type: string
                  kind:
                    type: string
                  name:
                    type: string
                required:
                - apiVersion
                - kind
                - name
                type: object
            required:
            - subsets
            - targetRef
            type: object
          status:
            description: WorkloadSpreadStatus defines the observed state of WorkloadSpread.
            properties:
              observedGeneration:
                format: int64
                type: integer
              subsetStatuses:
                items:
                  properties:
                    conditions:
                      items:
                        properties:
                          lastTransitionTime:
                            format: date-time
                            type: string
                          message:
                            type: string
                          reason:
                            type: string
                          status:
                            type: string
                          type:
                            type: string
                        required:
                        - status
                        - type
                        type: object
                      type: array
                    creatingPods:
                      additionalProperties:
                        format: date-time
                        type: string
                      type: object
                    deletingPods:
                      additionalProperties:
                        format: date-time
                        type: string
                      type: object
                    missingReplicas:
                      format: int32
                      type: integer
                    name:
                      type: string
                    replicas:
                      format: int32
                      type: integer
                  required:
                  - missingReplicas
                  - name
                  - replicas
                  type: object
                type: array
              versionedSubsetStatuses:
                additionalProperties:
                  items:
                    properties:
                      conditions:
                        items:
                          properties:
                            lastTransitionTime:
                              format: date-time
                              type: string
                            message:
                              type: string
                            reason:
                              type: string
                            status:
                              type: string
                            type:
                              type: string
                          required:
                          - status
                          - type
                          type: object
                        type: array
                      creatingPods:
                        additionalProperties:
                          format: date-time
                          type: string
                        type: object
                      deletingPods:
                        additionalProperties:
                          format: date-time
                          type: string
                        type: object
                      missingReplicas:
                        format: int32
                        type: integer
                      name:
                        type: string
                      replicas:
                        format: int32
                        type: integer
                    required:
                    - missingReplicas
                    - name
                    - replicas
                    type: object
                  type: array
                type: object
            type: object
        type: object
    served: true
    storage: true
    subresources:
      status: {}
"""
}
