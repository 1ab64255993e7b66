import KubeJSON
public import KubeModel

extension KruiseCRDs {
    /// `imagepulljobs.apps.kruise.io` as upstream's `config/crd/bases/apps.kruise.io_imagepulljobs.yaml` (v1.6)
    /// declares it, descriptions left out: namespaced, v1alpha1 served and stored, the status subresource, the
    /// printer columns TOTAL, ACTIVE, SUCCEED, FAILED, AGE, MESSAGE, and a structural schema.
    public static let imagePullJob: CustomResourceDefinition = parse(imagePullJobYAML)

    /// `imagelistpulljobs.apps.kruise.io` (v1.6): as ``imagePullJob`` with `images` instead of `image`, printer
    /// columns TOTAL, SUCCEEDED, COMPLETED, AGE.
    public static let imageListPullJob: CustomResourceDefinition = parse(imageListPullJobYAML)

    /// `nodeimages.apps.kruise.io` (v1.6): cluster scope, the status subresource, printer columns DESIRED, PULLING,
    /// SUCCEED, FAILED, AGE.
    public static let nodeImage: CustomResourceDefinition = parse(nodeImageYAML)

    /// The properties of a `metav1.LabelSelector` (`matchExpressions`, `matchLabels`), indented for a selector's
    /// `properties` block under `spec.properties` (18 spaces).
    static let labelSelectorProperties = """
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
"""

    /// The schema of `ImagePullJobTemplate`'s properties, indented for a `spec.properties` block (10 spaces).
    static let imagePullJobTemplateProperties = """
              completionPolicy:
                properties:
                  activeDeadlineSeconds:
                    format: int64
                    type: integer
                  ttlSecondsAfterFinished:
                    format: int32
                    type: integer
                  type:
                    type: string
                type: object
              imagePullPolicy:
                type: string
              parallelism:
                anyOf:
                - type: integer
                - type: string
                x-kubernetes-int-or-string: true
              podSelector:
                properties:
\(labelSelectorProperties)
                type: object
                x-kubernetes-map-type: atomic
              pullPolicy:
                properties:
                  backoffLimit:
                    format: int32
                    type: integer
                  timeoutSeconds:
                    format: int32
                    type: integer
                type: object
              pullSecrets:
                items:
                  type: string
                type: array
              sandboxConfig:
                properties:
                  annotations:
                    additionalProperties:
                      type: string
                    type: object
                  labels:
                    additionalProperties:
                      type: string
                    type: object
                type: object
              selector:
                properties:
\(labelSelectorProperties)
                  names:
                    items:
                      type: string
                    type: array
                type: object
                x-kubernetes-map-type: atomic
"""

    /// The YAML of ``imagePullJob``.
    public static let imagePullJobYAML: String = """
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  annotations:
    controller-gen.kubebuilder.io/version: v0.14.0
  name: imagepulljobs.apps.kruise.io
spec:
  group: apps.kruise.io
  names:
    kind: ImagePullJob
    listKind: ImagePullJobList
    plural: imagepulljobs
    singular: imagepulljob
  scope: Namespaced
  versions:
  - additionalPrinterColumns:
    - description: Number of all nodes matched by this job
      jsonPath: .status.desired
      name: TOTAL
      type: integer
    - description: Number of image pull task active
      jsonPath: .status.active
      name: ACTIVE
      type: integer
    - description: Number of image pull task succeeded
      jsonPath: .status.succeeded
      name: SUCCEED
      type: integer
    - description: Number of image pull tasks failed
      jsonPath: .status.failed
      name: FAILED
      type: integer
    - jsonPath: .metadata.creationTimestamp
      name: AGE
      type: date
    - description: Summary of status when job is failed
      jsonPath: .status.message
      name: MESSAGE
      type: string
    name: v1alpha1
    schema:
      openAPIV3Schema:
        description: ImagePullJob is the Schema for the imagepulljobs API
        properties:
          apiVersion:
            type: string
          kind:
            type: string
          metadata:
            type: object
          spec:
            properties:
\(imagePullJobTemplateProperties)
              image:
                type: string
            required:
            - completionPolicy
            - image
            type: object
          status:
            properties:
              active:
                format: int32
                type: integer
              completionTime:
                format: date-time
                type: string
              desired:
                format: int32
                type: integer
              failed:
                format: int32
                type: integer
              failedNodes:
                items:
                  type: string
                type: array
              message:
                type: string
              startTime:
                format: date-time
                type: string
              succeeded:
                format: int32
                type: integer
            required:
            - desired
            type: object
        type: object
    served: true
    storage: true
    subresources:
      status: {}
"""

    /// The YAML of ``imageListPullJob``.
    public static let imageListPullJobYAML: String = """
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  annotations:
    controller-gen.kubebuilder.io/version: v0.14.0
  name: imagelistpulljobs.apps.kruise.io
spec:
  group: apps.kruise.io
  names:
    kind: ImageListPullJob
    listKind: ImageListPullJobList
    plural: imagelistpulljobs
    singular: imagelistpulljob
  scope: Namespaced
  versions:
  - additionalPrinterColumns:
    - description: Number of image pull job
      jsonPath: .status.desired
      name: TOTAL
      type: integer
    - description: Number of image pull job succeeded
      jsonPath: .status.succeeded
      name: SUCCEEDED
      type: integer
    - description: Number of ImagePullJobs which are finished
      jsonPath: .status.completed
      name: COMPLETED
      type: integer
    - jsonPath: .metadata.creationTimestamp
      name: AGE
      type: date
    name: v1alpha1
    schema:
      openAPIV3Schema:
        description: ImageListPullJob is the Schema for the imagelistpulljobs API
        properties:
          apiVersion:
            type: string
          kind:
            type: string
          metadata:
            type: object
          spec:
            properties:
\(imagePullJobTemplateProperties)
              images:
                items:
                  type: string
                type: array
            required:
            - completionPolicy
            - images
            type: object
          status:
            properties:
              active:
                format: int32
                type: integer
              completed:
                format: int32
                type: integer
              completionTime:
                format: date-time
                type: string
              desired:
                format: int32
                type: integer
              failedImageStatuses:
                items:
                  properties:
                    imagePullJob:
                      type: string
                    message:
                      type: string
                    name:
                      type: string
                  type: object
                type: array
              startTime:
                format: date-time
                type: string
              succeeded:
                format: int32
                type: integer
            required:
            - desired
            type: object
        type: object
    served: true
    storage: true
    subresources:
      status: {}
"""

    /// The YAML of ``nodeImage``.
    public static let nodeImageYAML: String = """
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  annotations:
    controller-gen.kubebuilder.io/version: v0.14.0
  name: nodeimages.apps.kruise.io
spec:
  group: apps.kruise.io
  names:
    kind: NodeImage
    listKind: NodeImageList
    plural: nodeimages
    singular: nodeimage
  scope: Cluster
  versions:
  - additionalPrinterColumns:
    - description: Number of all images on this node
      jsonPath: .status.desired
      name: DESIRED
      type: integer
    - description: Number of image pull task active
      jsonPath: .status.pulling
      name: PULLING
      type: integer
    - description: Number of image pull task succeeded
      jsonPath: .status.succeeded
      name: SUCCEED
      type: integer
    - description: Number of image pull tasks failed
      jsonPath: .status.failed
      name: FAILED
      type: integer
    - jsonPath: .metadata.creationTimestamp
      name: AGE
      type: date
    name: v1alpha1
    schema:
      openAPIV3Schema:
        description: NodeImage is the Schema for the nodeimages API
        properties:
          apiVersion:
            type: string
          kind:
            type: string
          metadata:
            type: object
          spec:
            properties:
              images:
                additionalProperties:
                  properties:
                    pullSecrets:
                      items:
                        properties:
                          name:
                            type: string
                          namespace:
                            type: string
                        type: object
                      type: array
                    sandboxConfig:
                      properties:
                        annotations:
                          additionalProperties:
                            type: string
                          type: object
                        labels:
                          additionalProperties:
                            type: string
                          type: object
                      type: object
                    tags:
                      items:
                        properties:
                          createdAt:
                            format: date-time
                            type: string
                          imagePullPolicy:
                            type: string
                          ownerReferences:
                            items:
                              properties:
                                apiVersion:
                                  type: string
                                fieldPath:
                                  type: string
                                kind:
                                  type: string
                                name:
                                  type: string
                                namespace:
                                  type: string
                                resourceVersion:
                                  type: string
                                uid:
                                  type: string
                              type: object
                              x-kubernetes-map-type: atomic
                            type: array
                          pullPolicy:
                            properties:
                              activeDeadlineSeconds:
                                format: int64
                                type: integer
                              backoffLimit:
                                format: int32
                                type: integer
                              timeoutSeconds:
                                format: int32
                                type: integer
                              ttlSecondsAfterFinished:
                                format: int32
                                type: integer
                            type: object
                          tag:
                            type: string
                          version:
                            format: int64
                            type: integer
                        required:
                        - tag
                        type: object
                      type: array
                  required:
                  - tags
                  type: object
                type: object
            type: object
          status:
            properties:
              desired:
                format: int32
                type: integer
              failed:
                format: int32
                type: integer
              firstSyncStatus:
                properties:
                  message:
                    type: string
                  status:
                    type: string
                  syncAt:
                    format: date-time
                    type: string
                type: object
              imageStatuses:
                additionalProperties:
                  properties:
                    tags:
                      items:
                        properties:
                          completionTime:
                            format: date-time
                            type: string
                          imageID:
                            type: string
                          message:
                            type: string
                          phase:
                            type: string
                          progress:
                            format: int32
                            type: integer
                          startTime:
                            format: date-time
                            type: string
                          tag:
                            type: string
                          version:
                            format: int64
                            type: integer
                        required:
                        - phase
                        - tag
                        type: object
                      type: array
                  required:
                  - tags
                  type: object
                type: object
              pulling:
                format: int32
                type: integer
              succeeded:
                format: int32
                type: integer
              waiting:
                format: int32
                type: integer
            required:
            - desired
            type: object
        type: object
    served: true
    storage: true
    subresources:
      status: {}
"""
}
