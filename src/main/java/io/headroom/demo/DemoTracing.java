package io.headroom.demo;

import java.util.Map;

/**
 * The instrumentation library a demo instance reports with, behind the few calls an instance
 * makes: most services use the OpenTelemetry SDK, billing the Jaeger client, as in a real fleet
 * where not everything has been migrated. Both speak W3C {@code traceparent}, so traces cross
 * them; each follows its own library's conventions for names and tags.
 */
interface DemoTracing extends AutoCloseable {

    /**
     * A SERVER span for an incoming request, the child of the caller's span when its headers
     * carry one, starting when the request arrived (before it queued for a worker). Header names are in lower case.
     */
    DemoSpan serverSpan(String method, String path, Map<String, String> requestHeaders, DemoServer.Arrival arrival);

    /** A CLIENT span for a call to {@code downstream}, its context injected into the outgoing {@code headers}. */
    DemoSpan clientSpan(DemoSpan parent, String downstream, Map<String, String> headers);

    /** Flushes what is buffered and stops reporting. */
    @Override
    void close();

    /** A span in flight. */
    interface DemoSpan {

        void attribute(String key, String value);

        void httpStatus(int status);

        /** Marks the span failed, with a reason for people. */
        void fail(String reason);

        /** A log line tied to this span, and so to its trace. */
        void log(LogLevel level, String message);

        void end();
    }

    enum LogLevel { INFO, WARN, ERROR }
}
