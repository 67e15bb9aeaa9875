/**
 * Changing how many instances a service runs: the {@link io.headroom.scaling.ScaleTarget}
 * interface that each platform adapter implements (the demo fleet first, Kubernetes later),
 * and the service and API that act through it. Autoscaling policies build on this.
 */
package io.headroom.scaling;
