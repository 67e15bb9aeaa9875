/** The connection to Kubernetes clusters that the scaling and chaos adapters share. */
package io.headroom.kubernetes;
