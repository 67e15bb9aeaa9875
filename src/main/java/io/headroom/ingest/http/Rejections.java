package io.headroom.ingest.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts the items of one request that were refused, by reason, and words the partial-success message. */
public final class Rejections {

    private final Map<String, Integer> byReason = new LinkedHashMap<>();
    private final Map<String, String> firstDetail = new LinkedHashMap<>();
    private int total;

    public void reject(String reason, String detail) {
        byReason.merge(reason, 1, Integer::sum);
        firstDetail.putIfAbsent(reason, detail);
        total++;
    }

    public void reject(String reason, String detail, int count) {
        if (count <= 0) {
            return;
        }
        byReason.merge(reason, count, Integer::sum);
        firstDetail.putIfAbsent(reason, detail);
        total += count;
    }

    public int total() {
        return total;
    }

    Map<String, Integer> byReason() {
        return byReason;
    }

    public String message(String recordName) {
        if (total == 0) {
            return "";
        }
        var message = new StringBuilder("rejected ").append(total).append(' ').append(recordName).append(": ");
        boolean first = true;
        for (var entry : byReason.entrySet()) {
            if (!first) {
                message.append("; ");
            }
            first = false;
            message.append(entry.getValue()).append(' ').append(entry.getKey())
                    .append(" (first: ").append(firstDetail.get(entry.getKey())).append(')');
        }
        return message.toString();
    }
}
