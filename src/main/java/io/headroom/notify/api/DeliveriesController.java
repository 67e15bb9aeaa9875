package io.headroom.notify.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.headroom.api.ApiParameters;
import io.headroom.api.ApiParameters.BadParameter;
import io.headroom.notify.Deliveries;
import io.headroom.notify.Delivery;
import io.headroom.notify.DeliveryAttempt;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log over HTTP: deliveries newest first, one with its attempts, and the body it sends. */
@RestController
class DeliveriesController {

    private static final Set<String> STATUSES = Set.of("pending", "delivered", "dead");

    private final Deliveries deliveries;

    DeliveriesController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    record DeliveriesResponse(List<Delivery> deliveries) {
    }

    record DeliveryResponse(Delivery delivery, List<DeliveryAttempt> attempts) {
    }

    @GetMapping("/api/v1/notification-deliveries")
    DeliveriesResponse list(@RequestParam(required = false) Long channel, @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit) {
        String wanted = ApiParameters.text(status);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new BadParameter("status", "status must be pending, delivered or dead; was '" + status + "'");
        }
        return new DeliveriesResponse(deliveries.list(channel, wanted, ApiParameters.wholeNumber("limit", limit, 100, 1, 1000)));
    }

    @GetMapping("/api/v1/notification-deliveries/{id}")
    ResponseEntity<?> one(@PathVariable long id) {
        return deliveries.find(id).<ResponseEntity<?>>map(d -> ResponseEntity.ok(new DeliveryResponse(d, deliveries.attempts(id))))
                .orElseGet(() -> none(id));
    }

    @GetMapping("/api/v1/notification-deliveries/{id}/body")
    ResponseEntity<?> body(@PathVariable long id) {
        return deliveries.body(id).<ResponseEntity<?>>map(b -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(b))
                .orElseGet(() -> none(id));
    }

    private static ResponseEntity<?> none(long id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", "no delivery has id " + id));
    }
}
