package io.headroom.notify.api;

import java.util.List;
import java.util.Map;

import io.headroom.notify.Channels;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Notification channels over HTTP, and their test button. */
@RestController
class ChannelsController {

    private final Channels channels;

    ChannelsController(Channels channels) {
        this.channels = channels;
    }

    record ChannelsResponse(List<ChannelJson> channels) {
    }

    @GetMapping("/api/v1/notification-channels")
    ChannelsResponse all() {
        return new ChannelsResponse(channels.all().stream().map(ChannelJson::of).toList());
    }

    @GetMapping("/api/v1/notification-channels/{id}")
    ResponseEntity<?> one(@PathVariable long id) {
        return channels.find(id).<ResponseEntity<?>>map(c -> ResponseEntity.ok(ChannelJson.of(c))).orElseGet(() -> none(id));
    }

    @PostMapping("/api/v1/notification-channels")
    ResponseEntity<ChannelJson> create(@RequestBody ChannelJson request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ChannelJson.of(channels.create(body(request).toChannel())));
    }

    @PutMapping("/api/v1/notification-channels/{id}")
    ResponseEntity<?> replace(@PathVariable long id, @RequestBody ChannelJson request) {
        return channels.update(id, body(request).toChannel()).<ResponseEntity<?>>map(c -> ResponseEntity.ok(ChannelJson.of(c)))
                .orElseGet(() -> none(id));
    }

    @DeleteMapping("/api/v1/notification-channels/{id}")
    ResponseEntity<?> delete(@PathVariable long id) {
        return channels.delete(id) ? ResponseEntity.noContent().build() : none(id);
    }

    /** Queues a test notification; 202 with the delivery's id, to follow in the delivery log. */
    @PostMapping("/api/v1/notification-channels/{id}/test")
    ResponseEntity<?> test(@PathVariable long id) {
        return channels.sendTest(id).<ResponseEntity<?>>map(delivery -> ResponseEntity.accepted().body(Map.of("deliveryId", delivery)))
                .orElseGet(() -> none(id));
    }

    private static ChannelJson body(ChannelJson request) {
        if (request == null) {
            throw new IllegalArgumentException(ChannelJson.BODY);
        }
        return request;
    }

    private static ResponseEntity<?> none(long id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", "no notification channel has id " + id));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", e.getMessage()));
    }

    @ExceptionHandler(Channels.NameTaken.class)
    ResponseEntity<Map<String, String>> taken(Channels.NameTaken e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "conflict", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", ChannelJson.BODY));
    }
}
