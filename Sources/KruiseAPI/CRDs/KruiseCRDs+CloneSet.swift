import KubeJSON
public import KubeModel

extension KruiseCRDs {
    /// `clonesets.apps.kruise.io` as upstream's `config/crd/bases/apps.kruise.io_clonesets.yaml` (v1.6) declares
    /// it, field descriptions left out: v1alpha1 served and stored, the status and scale subresources, the printer
    /// columns, and a structural schema in which `spec.template` and `spec.volumeClaimTemplates` preserve unknown
    /// fields (upstream does not spell out the pod template).
    public static let cloneSet: CustomResourceDefinition = parse(cloneSetYAML)

    /// The YAML of ``cloneSet``.
    public static let cloneSetYAML: String = """
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  annotations:
    controller-gen.kubebuilder.io/version: v0.14.0
  name: clonesets.apps.kruise.io
spec:
  group: apps.kruise.io
  names:
    kind: CloneSet
    listKind: CloneSetList
    plural: clonesets
    shortNames:
    - clone
    singular: cloneset
  scope: Namespaced
  versions:
  - additionalPrinterColumns:
    - description: The desired number of pods.
      jsonPath: .spec.replicas
      name: DESIRED
      type: integer
    - description: The number of pods updated.
      jsonPath: .status.updatedReplicas
      name: UPDATED
      type: integer
    - description: The number of pods updated and ready.
      jsonPath: .status.updatedReadyReplicas
      name: UPDATED_READY
      type: integer
    - description: The number of pods ready.
      jsonPath: .status.readyReplicas
      name: READY
      type: integer
    - description: The number of currently all pods.
      jsonPath: .status.replicas
      name: TOTAL
      type: integer
    - description: CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.
      jsonPath: .metadata.creationTimestamp
      name: AGE
      type: date
    - description: The containers of currently cloneset.
      jsonPath: .spec.template.spec.containers[*].name
      name: CONTAINERS
      priority: 1
      type: string
    - description: The images of currently cloneset.
      jsonPath: .spec.template.spec.containers[*].image
      name: IMAGES
      priority: 1
      type: string
    - description: The selector of currently cloneset.
      jsonPath: .status.labelSelector
      name: SELECTOR
      priority: 1
      type: string
    name: v1alpha1
    schema:
      openAPIV3Schema:
        description: CloneSet is the Schema for the clonesets API
        properties:
          apiVersion:
            type: string
          kind:
            type: string
          metadata:
            type: object
          spec:
            description: CloneSetSpec defines the desired state of CloneSet
            properties:
              lifecycle:
                description: Lifecycle defines the lifecycle hooks for Pods pre-delete, in-place update.
                properties:
                  inPlaceUpdate:
                    properties:
                      finalizersHandler:
                        items:
                          type: string
                        type: array
                      labelsHandler:
                        additionalProperties:
                          type: string
                        type: object
                      markPodNotReady:
                        type: boolean
                    type: object
                  preDelete:
                    properties:
                      finalizersHandler:
                        items:
                          type: string
                        type: array
                      labelsHandler:
                        additionalProperties:
                          type: string
                        type: object
                      markPodNotReady:
                        type: boolean
                    type: object
                  preNormal:
                    properties:
                      finalizersHandler:
                        items:
                          type: string
                        type: array
                      labelsHandler:
                        additionalProperties:
                          type: string
                        type: object
                      markPodNotReady:
                        type: boolean
                    type: object
                type: object
              minReadySeconds:
                format: int32
                type: integer
              replicas:
                format: int32
                type: integer
              revisionHistoryLimit:
                format: int32
                type: integer
              scaleStrategy:
                properties:
                  disablePVCReuse:
                    type: boolean
                  maxUnavailable:
                    anyOf:
                    - type: integer
                    - type: string
                    x-kubernetes-int-or-string: true
                  podsToDelete:
                    items:
                      type: string
                    type: array
                type: object
              selector:
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
                  matchLabels:
                    additionalProperties:
                      type: string
                    type: object
                type: object
                x-kubernetes-map-type: atomic
              template:
                description: Template describes the pods that will be created.
                x-kubernetes-preserve-unknown-fields: true
              updateStrategy:
                properties:
                  inPlaceUpdateStrategy:
                    properties:
                      gracePeriodSeconds:
                        format: int32
                        type: integer
                    type: object
                  maxSurge:
                    anyOf:
                    - type: integer
                    - type: string
                    x-kubernetes-int-or-string: true
                  maxUnavailable:
                    anyOf:
                    - type: integer
                    - type: string
                    x-kubernetes-int-or-string: true
                  partition:
                    anyOf:
                    - type: integer
                    - type: string
                    x-kubernetes-int-or-string: true
                  paused:
                    type: boolean
                  priorityStrategy:
                    properties:
                      orderPriority:
                        items:
                          properties:
                            orderedKey:
                              type: string
                          required:
                          - orderedKey
                          type: object
                        type: array
                      weightPriority:
                        items:
                          properties:
                            matchSelector:
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
                                matchLabels:
                                  additionalProperties:
                                    type: string
                                  type: object
                              type: object
                              x-kubernetes-map-type: atomic
                            weight:
                              format: int32
                              type: integer
                          required:
                          - matchSelector
                          - weight
                          type: object
                        type: array
                    type: object
                  scatterStrategy:
                    items:
                      properties:
                        key:
                          type: string
                        value:
                          type: string
                      required:
                      - key
                      - value
                      type: object
                    type: array
                  type:
                    type: string
                type: object
              volumeClaimTemplates:
                description: VolumeClaimTemplates is a list of claims that pods are allowed to reference.
                x-kubernetes-preserve-unknown-fields: true
            required:
            - selector
            - template
            type: object
          status:
            description: CloneSetStatus defines the observed state of CloneSet
            properties:
              availableReplicas:
                format: int32
                type: integer
              collisionCount:
                format: int32
                type: integer
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
              currentRevision:
                type: string
              expectedUpdatedReplicas:
                format: int32
                type: integer
              labelSelector:
                type: string
              observedGeneration:
                format: int64
                type: integer
              readyReplicas:
                format: int32
                type: integer
              replicas:
                format: int32
                type: integer
              updateRevision:
                type: string
              updatedAvailableReplicas:
                format: int32
                type: integer
              updatedReadyReplicas:
                format: int32
                type: integer
              updatedReplicas:
                format: int32
                type: integer
            required:
            - availableReplicas
            - readyReplicas
            - replicas
            - updatedReadyReplicas
            - updatedReplicas
            type: object
        type: object
    served: true
    storage: true
    subresources:
      scale:
        labelSelectorPath: .status.labelSelector
        specReplicasPath: .spec.replicas
        statusReplicasPath: .status.replicas
      status: {}
"""
}
