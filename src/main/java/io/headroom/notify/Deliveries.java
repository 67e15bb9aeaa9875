package io.headroom.notify;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The delivery log: every notification, its attempts, status codes and the start of each answer. */
@Service
public class Deliveries {

    private final DeliveryRecords records;

    Deliveries(DeliveryRecords records) {
        this.records = records;
    }

    /** Newest first. @param channelId null for all @param status pending, delivered or dead; null for any */
    public List<Delivery> list(Long channelId, String status, int limit) {
        return records.list(channelId, status, limit);
    }

    public Optional<Delivery> find(long id) {
        return records.find(id);
    }

    /** The body as it was sent (and is re-sent on retries). */
    public Optional<String> body(long id) {
        return records.body(id);
    }

    public List<DeliveryAttempt> attempts(long id) {
        return records.attempts(id);
    }
}
