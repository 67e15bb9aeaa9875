package io.headroom.demo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A demo instance's HTTP/1.1 server on a loopback port, shaped like Tomcat's classic blocking
 * connector: one thread per open connection (at most {@code concurrency + queue + }{@value #SPARE_CONNECTIONS};
 * further connections wait in the listen backlog), at most {@code concurrency} requests worked on
 * at once, {@code queue} more waiting their turn in arrival order, and 503 at once beyond that.
 * Keep-alive connections are reused. Between requests a connection's thread blocks in a read, so
 * a request costs the server one read and one write and no handoff between threads; the JDK's
 * {@code HttpServer} selects on a dispatcher thread, hands each request to a worker and the
 * connection back, which cost about four thread wakeups and a dozen more syscalls a request
 * (see docs/RATIONALE.md). Requests may carry a body with a Content-Length (read and dropped);
 * a chunked request body is answered 501.
 */
final class DemoServer implements AutoCloseable {

    /** Connections beyond the workers and the queue, so overflowing requests can still be read and answered 503. */
    static final int SPARE_CONNECTIONS = 8;
    /** About a default scrape interval, so that consecutive scrapes see most of the time between them. */
    private static final java.time.Duration UTILISATION_TIME_CONSTANT = java.time.Duration.ofSeconds(10);
    private static final int IDLE_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final long MAX_BODY_BYTES = 1 << 20;

    /** When a request reached the server, before it waited for a worker: its latency counts from here. */
    record Arrival(long nanoTime, long epochNanos) {
        static Arrival now() {
            Instant now = Instant.now();
            return new Arrival(System.nanoTime(), now.getEpochSecond() * 1_000_000_000L + now.getNano());
        }
    }

    /**
     * A request: header names in lower case, repeated headers joined with commas; {@code query}
     * is null when the target has none; {@code overflowing} when the workers and the queue were
     * full, so it must be answered at once without doing the work.
     */
    record Request(String method, String path, String query, Map<String, String> headers, Arrival arrival, boolean overflowing) {
    }

    /** An answer; {@code headers} are added to Content-Length and Connection. */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    interface Handler {
        /** @return the answer, or null to drop the connection without one */
        Response handle(Request request) throws IOException;
    }

    private final ServerSocket listener;
    private final Handler handler;
    private final int concurrency;
    private final int queue;
    private final Semaphore workers;
    private final AtomicInteger waiting = new AtomicInteger();
    private final RecentUtilisation utilisation;
    private final Semaphore connectionSlots;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    /** Where instances serve their Prometheus metrics, outside the worker pool. */
    static final String METRICS_PATH = "/metrics";
    private final ThreadPoolExecutor threads;
    private volatile boolean stopping;

    DemoServer(String threadName, int concurrency, int queue, Handler handler) throws IOException {
        this.handler = handler;
        this.concurrency = concurrency;
        this.queue = queue;
        this.workers = new Semaphore(concurrency, true);
        this.utilisation = new RecentUtilisation(concurrency, UTILISATION_TIME_CONSTANT, System.nanoTime());
        int maxConnections = concurrency + queue + SPARE_CONNECTIONS;
        this.connectionSlots = new Semaphore(maxConnections);
        // Idle threads are kept a minute, so the connections that clients open and close as
        // their keep-alive caches overflow do not each cost a new thread.
        this.threads = new ThreadPoolExecutor(0, maxConnections, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        this.listener = new ServerSocket(0, 256, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, threadName + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Requests being worked on now. */
    int busy() {
        return concurrency - workers.availablePermits();
    }

    /** The share of the workers busy over the last seconds (see {@link RecentUtilisation}). */
    double recentUtilisation() {
        return utilisation.share(System.nanoTime());
    }

    /** Requests waiting for a worker. */
    int waiting() {
        return waiting.get();
    }

    private void accept() {
        while (!stopping) {
            try {
                connectionSlots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            Connection connection;
            try {
                connection = new Connection(listener.accept());
            } catch (IOException e) {
                connectionSlots.release();
                continue; // closed by stop, or a connection that failed while being accepted
            }
            connections.add(connection);
            try {
                threads.execute(connection);
            } catch (RejectedExecutionException e) {
                connection.close();
            }
        }
    }

    private void busyChanged() {
        utilisation.busy(busy(), System.nanoTime());
    }

    /** Waits its turn for a worker. @return false when the workers and the queue are full */
    private boolean admit() throws InterruptedException {
        if (workers.tryAcquire(0, TimeUnit.NANOSECONDS)) { // respects the queue's order, unlike tryAcquire()
            busyChanged();
            return true;
        }
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            workers.acquire();
            busyChanged();
            return true;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /**
     * Stops taking connections and closes idle ones at once; requests in progress are answered
     * (with {@code Connection: close}) for up to {@code seconds}, then every connection is closed.
     */
    void drain(int seconds) {
        stopping = true;
        closeQuietly(listener);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!connections.isEmpty() && System.nanoTime() - deadline < 0) {
            connections.stream().filter(connection -> !connection.busy).forEach(Connection::close);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
    }

    /** Closes the listener and every connection at once and interrupts requests in progress. */
    @Override
    public void close() {
        stopping = true;
        closeQuietly(listener);
        connections.forEach(Connection::close);
        threads.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed or broken: either way it is gone
        }
    }

    private final class Connection implements Runnable {

        private final Socket socket;
        private volatile boolean busy;

        Connection(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
                InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
                boolean keepAlive = true;
                while (keepAlive && !stopping) {
                    keepAlive = serveOne(in);
                }
            } catch (IOException | InterruptedException e) {
                // the client went away, stayed idle too long, or the server stopped: nothing to answer
            } finally {
                close();
                connections.remove(this);
                connectionSlots.release();
            }
        }

        /** @return whether the connection stays open for another request */
        private boolean serveOne(InputStream in) throws IOException, InterruptedException {
            String requestLine = readLine(in, new int[] {MAX_HEAD_BYTES}, true);
            if (requestLine == null) {
                return false;
            }
            busy = true;
            try {
                return serveOne(in, requestLine);
            } finally {
                busy = false;
            }
        }

        private boolean serveOne(InputStream in, String requestLine) throws IOException, InterruptedException {
            int[] budget = {MAX_HEAD_BYTES - requestLine.length()};
            String[] parts = requestLine.split(" ");
            Map<String, String> headers = new HashMap<>();
            String line;
            while ((line = readLine(in, budget, false)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    return answerAndClose(400);
                }
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                        (first, next) -> first + ", " + next);
            }
            if (line == null || parts.length != 3 || !parts[2].startsWith("HTTP/1.") || !parts[1].startsWith("/")) {
                return answerAndClose(line == null && budget[0] <= 0 ? 431 : 400);
            }
            if (headers.containsKey("transfer-encoding")) {
                return answerAndClose(501);
            }
            long length = headers.containsKey("content-length") ? parseLength(headers.get("content-length")) : 0;
            if (length < 0 || length > MAX_BODY_BYTES) {
                return answerAndClose(length < 0 ? 400 : 413);
            }
            in.skipNBytes(length);
            Arrival arrival = Arrival.now();
            String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
            boolean keepAlive = parts[2].equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
            int query = parts[1].indexOf('?');
            String path = query < 0 ? parts[1] : parts[1].substring(0, query);
            // Scrapes are answered beside the worker pool, as a management port would answer them: a scrape of a
            // one-worker service must neither wait behind its requests nor show up as a busy worker.
            boolean scrape = path.equals(METRICS_PATH);
            boolean admitted = !scrape && admit();
            Response response;
            try {
                response = handler.handle(new Request(parts[0], path, query < 0 ? null : parts[1].substring(query + 1), headers,
                        arrival, !scrape && !admitted));
            } finally {
                if (admitted) {
                    workers.release();
                    busyChanged();
                }
            }
            if (response == null) {
                return false;
            }
            keepAlive &= !stopping;
            write(response, keepAlive, parts[0].equals("HEAD"));
            return keepAlive;
        }

        private boolean answerAndClose(int status) throws IOException {
            write(new Response(status, Map.of(), new byte[0]), false, false);
            return false;
        }

        /** A HEAD request is answered with the head alone; a Content-Length among the handler's headers replaces the body's. */
        private void write(Response response, boolean keepAlive, boolean headOnly) throws IOException {
            StringBuilder head = new StringBuilder(128).append("HTTP/1.1 ").append(response.status()).append(' ')
                    .append(reason(response.status())).append("\r\n");
            if (response.headers().keySet().stream().noneMatch("Content-Length"::equalsIgnoreCase)) {
                head.append("Content-Length: ").append(response.body().length).append("\r\n");
            }
            if (!keepAlive) {
                head.append("Connection: close\r\n");
            }
            response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
            int bodyLength = headOnly ? 0 : response.body().length;
            // One write: head and body leave in one segment.
            byte[] all = Arrays.copyOf(headBytes, headBytes.length + bodyLength);
            System.arraycopy(response.body(), 0, all, headBytes.length, bodyLength);
            socket.getOutputStream().write(all);
        }

        void close() {
            closeQuietly(socket);
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * One line of an HTTP head without its CRLF (a bare LF is accepted), charging its bytes
     * to {@code budget}. @return null at the end of the stream before any byte of the line, or
     * when the budget runs out; empty lines before a request line are skipped
     */
    static String readLine(InputStream in, int[] budget, boolean requestLine) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a request head");
            }
            if (--budget[0] < 0) {
                return null;
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                if (requestLine && text.isEmpty()) {
                    continue;
                }
                return text;
            }
            line.write(b);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
