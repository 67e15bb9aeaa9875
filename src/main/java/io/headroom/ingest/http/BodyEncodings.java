package io.headroom.ingest.http;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;

/**
 * Which {@code Content-Encoding}s a protocol takes, and what a request without the header is
 * taken to be. OTLP allows gzip; Prometheus remote_write bodies are always snappy blocks.
 */
public record BodyEncodings(Set<Encoding> accepted, Encoding whenAbsent) {

    public enum Encoding { IDENTITY, GZIP, SNAPPY }

    public static final BodyEncodings GZIP_OR_IDENTITY = new BodyEncodings(EnumSet.of(Encoding.IDENTITY, Encoding.GZIP), Encoding.IDENTITY);
    public static final BodyEncodings SNAPPY = new BodyEncodings(EnumSet.of(Encoding.SNAPPY), Encoding.SNAPPY);

    Encoding of(String header) throws Refusal {
        if (header == null || header.isBlank()) {
            return whenAbsent;
        }
        String name = header.trim().toLowerCase(Locale.ROOT);
        for (Encoding encoding : accepted) {
            if (encoding.name().toLowerCase(Locale.ROOT).equals(name)) {
                return encoding;
            }
        }
        throw new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_encoding",
                "Content-Encoding must be " + String.join(" or ", accepted.stream()
                        .map(encoding -> encoding.name().toLowerCase(Locale.ROOT)).toList()) + ", was " + header);
    }
}
