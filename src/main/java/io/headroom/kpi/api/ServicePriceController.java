package io.headroom.kpi.api;

import java.util.Map;

import io.headroom.kpi.ServicePrices;
import io.headroom.store.CapacityRecords.Price;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The price of one instance-hour of a service, which cost per hour and per transaction are computed from. */
@RestController
@RequestMapping("/api/v1/services/{service}/price")
class ServicePriceController {

    private static final String BODY = "body must be {\"pricePerInstanceHour\": number}";

    private final ServicePrices prices;

    ServicePriceController(ServicePrices prices) {
        this.prices = prices;
    }

    record PriceRequest(Double pricePerInstanceHour) {
    }

    @GetMapping
    ResponseEntity<?> price(@PathVariable String service) {
        return prices.price(service).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found",
                        "message", "no price is set for '" + service + "'")));
    }

    @PutMapping
    Price set(@PathVariable String service, @RequestBody PriceRequest request) {
        if (request == null || request.pricePerInstanceHour() == null) {
            throw new IllegalArgumentException(BODY);
        }
        return prices.set(service, request.pricePerInstanceHour());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest()
                .body(Map.of("error", "bad_request", "parameter", "pricePerInstanceHour", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "parameter", "pricePerInstanceHour", "message", BODY));
    }
}
