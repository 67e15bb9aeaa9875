package io.headroom.demo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Blocking HTTP/1.1 GETs over pooled keep-alive connections, for the fleet's calls between its
 * instances: one write for the request, the response head parsed and its body read and dropped,
 * the connection back in the pool. Idle connections are kept per target for up to
 * {@value #IDLE_SECONDS} s ({@value #MAX_IDLE_PER_TARGET} at most, the most recently used
 * reused first). A GET that fails on a reused connection before any byte of an answer arrived is
 * sent once more on a new connection, as {@code HttpURLConnection} does: the server may have
 * closed it meanwhile. Measured at 50 requests/s through the shop, {@code java.net.http.HttpClient}
 * used 29 % of a core, {@code HttpURLConnection} (URL parsing, proxy selection, its keep-alive
 * cache and header classes) about 4 %, and this about 2.5 % (see docs/RATIONALE.md).
 */
final class DemoHttp {

    private static final int MAX_IDLE_PER_TARGET = 8;
    private static final int IDLE_SECONDS = 5;
    private static final long IDLE_NANOS = IDLE_SECONDS * 1_000_000_000L;
    /** Every so many calls, idle connections to targets no longer called (drained or killed instances) are closed. */
    private static final int SWEEP_EVERY = 1024;
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private static final Map<String, Deque<Connection>> IDLE = new ConcurrentHashMap<>();
    private static final AtomicLong CALLS = new AtomicLong();

    private DemoHttp() {
    }

    private record Connection(Socket socket, InputStream in, long idleSince) {

        Connection idle() {
            return new Connection(socket, in, System.nanoTime());
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // gone either way
            }
        }
    }

    /** A connection that failed before any byte of an answer arrived. */
    private static final class NoAnswer extends IOException {
        NoAnswer(String message) {
            super(message);
        }
    }

    /**
     * @param readTimeout the longest wait for any read of the answer
     * @return the response status; the body is read and dropped, so the connection can be reused
     * @throws IOException when the connection fails or drops
     */
    static int get(URI uri, Map<String, String> headers, Duration connectTimeout, Duration readTimeout) throws IOException {
        if (CALLS.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        String target = uri.getHost() + ":" + uri.getPort();
        byte[] request = request(uri, target, headers);
        Connection reused = takeIdle(target);
        if (reused != null) {
            try {
                return exchange(reused, request, target);
            } catch (NoAnswer stale) {
                reused.close();
            }
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) connectTimeout.toMillis());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) readTimeout.toMillis());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return exchange(new Connection(socket, new BufferedInputStream(socket.getInputStream(), 4096), 0), request, target);
    }

    private static byte[] request(URI uri, String target, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(160).append("GET ").append(uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(target).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int exchange(Connection connection, byte[] request, String target) throws IOException {
        boolean done = false;
        try {
            try {
                connection.socket().getOutputStream().write(request);
            } catch (IOException e) {
                throw new NoAnswer(e.toString());
            }
            InputStream in = connection.in();
            int first = in.read();
            if (first < 0) {
                throw new NoAnswer("connection closed before an answer");
            }
            int[] budget = {MAX_HEAD_BYTES - 1};
            String rest = DemoServer.readLine(in, budget, false);
            if (rest == null) {
                throw new IOException("answer head too long or cut off");
            }
            String statusLine = (char) first + rest;
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean keepAlive = parts[0].equals("HTTP/1.1");
            String line;
            while ((line = DemoServer.readLine(in, budget, false)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                String name = colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> keepAlive = parts[0].equals("HTTP/1.1") ? !value.contains("close") : value.contains("keep-alive");
                    default -> { }
                }
            }
            if (line == null) {
                throw new IOException("answer head too long or cut off");
            }
            if (chunked) {
                skipChunks(in, budget);
            } else if (length >= 0) {
                in.skipNBytes(length);
            } else {
                in.transferTo(OutputStream.nullOutputStream()); // no length: the body ends with the connection
                keepAlive = false;
            }
            if (keepAlive) {
                giveBack(target, connection.idle());
            }
            done = keepAlive;
            return status;
        } finally {
            if (!done) {
                connection.close();
            }
        }
    }

    private static void skipChunks(InputStream in, int[] budget) throws IOException {
        while (true) {
            String size = DemoServer.readLine(in, budget, false);
            if (size == null) {
                throw new IOException("chunked answer cut off");
            }
            int extension = size.indexOf(';');
            long bytes = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (bytes == 0) {
                String trailer;
                while ((trailer = DemoServer.readLine(in, budget, false)) != null && !trailer.isEmpty()) {
                    // trailers are dropped
                }
                return;
            }
            in.skipNBytes(bytes);
            DemoServer.readLine(in, budget, false);
        }
    }

    private static Connection takeIdle(String target) {
        Deque<Connection> idle = IDLE.get(target);
        Connection connection;
        while (idle != null && (connection = idle.pollFirst()) != null) {
            if (System.nanoTime() - connection.idleSince() < IDLE_NANOS) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    private static void giveBack(String target, Connection connection) {
        Deque<Connection> idle = IDLE.computeIfAbsent(target, key -> new ConcurrentLinkedDeque<>());
        idle.addFirst(connection);
        while (idle.size() > MAX_IDLE_PER_TARGET) {
            Connection oldest = idle.pollLast();
            if (oldest != null) {
                oldest.close();
            }
        }
    }

    private static void sweep() {
        long now = System.nanoTime();
        IDLE.forEach((target, idle) -> {
            idle.removeIf(connection -> {
                boolean expired = now - connection.idleSince() >= IDLE_NANOS;
                if (expired) {
                    connection.close();
                }
                return expired;
            });
            if (idle.isEmpty() && IDLE.remove(target, idle)) {
                idle.forEach(Connection::close); // given back while it was being removed
            }
        });
    }
}
