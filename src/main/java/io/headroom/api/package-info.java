/**
 * What every JSON API of Headroom parses the same way: windows and ranges, durations and times
 * as Prometheus's HTTP API takes them, and the 400 that names a parameter it cannot use.
 */
package io.headroom.api;
