public enum KubeModelPlaceholder {}
