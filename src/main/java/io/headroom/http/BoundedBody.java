package io.headroom.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Response bodies read up to a number of bytes, so that a peer cannot make Headroom hold an
 * answer of any size; reading stops (the response is cancelled) at the bound. Being body
 * handlers, the whole read falls within the wait for the response's future.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long limit;
    /** Null: keep the first {@code limit} bytes; otherwise what the body fails with beyond them. */
    private final Supplier<? extends Exception> tooLarge;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
    private Flow.Subscription subscription;

    private BoundedBody(long limit, Supplier<? extends Exception> tooLarge) {
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    /** The first {@code cap} bytes of the body, for an excerpt of whatever the peer answered. */
    public static HttpResponse.BodyHandler<byte[]> truncatedAt(int cap) {
        return info -> new BoundedBody(cap, null);
    }

    /** The body, failing with {@code tooLarge}'s exception once it passes {@code limit} bytes. */
    public static HttpResponse.BodyHandler<byte[]> refusedBeyond(long limit, Supplier<? extends Exception> tooLarge) {
        return info -> new BoundedBody(limit, tooLarge);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            long room = limit - bytes.size();
            boolean beyond = buffer.remaining() > room;
            if (beyond && tooLarge != null) {
                subscription.cancel();
                result.completeExceptionally(tooLarge.get());
                return;
            }
            byte[] chunk = new byte[(int) Math.min(buffer.remaining(), room)];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
            if (beyond) {
                subscription.cancel();
                result.complete(bytes.toByteArray());
                return;
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
