package io.headroom.scaling;

/** How many instances a service runs now, how many were asked for, and the bounds it may be scaled within. */
public record Instances(String service, int current, int desired, int min, int max) {
}
