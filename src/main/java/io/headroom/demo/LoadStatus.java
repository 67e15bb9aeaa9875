package io.headroom.demo;

/**
 * The load generator now: its base rate, the rate the traffic pattern gives at this moment,
 * and the fate of what it sent since the fleet started. {@code failed} counts non-2xx answers,
 * dropped connections and requests that found no gateway instance; {@code shed} those it did
 * not send because {@code inFlight} was at its cap.
 */
public record LoadStatus(double baseRps, double currentRps, boolean bursting, long sent, long succeeded, long failed,
        long shed, int inFlight, TrafficPattern pattern) {
}
