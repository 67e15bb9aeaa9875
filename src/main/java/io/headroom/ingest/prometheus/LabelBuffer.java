package io.headroom.ingest.prometheus;

import java.util.Arrays;
import java.util.Comparator;

/** The labels of the sample being read, reused from line to line; sorted and checked once complete. */
final class LabelBuffer {

    private static final String[] NONE = new String[0];
    /** Up to this many labels an insertion sort is quickest; it also costs nothing on the sorted sets clients write. */
    private static final int INSERTION_SORT_MAX = 16;

    private final int maxLabels;
    private String[] pairs = new String[16];
    private int size;

    LabelBuffer(int maxLabels) {
        this.maxLabels = maxLabels;
    }

    void clear() {
        size = 0;
    }

    void add(Scanner s, String name, String value) throws ExpositionParseException {
        if (ScrapeLimits.exceeds(size / 2 + 1, maxLabels)) {
            throw s.limit("label limit " + maxLabels + " exceeded on one sample");
        }
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, size * 2);
        }
        pairs[size++] = name;
        pairs[size++] = value;
    }

    /** A fresh array for the sink, names and values alternating, sorted by name; refuses a repeated name. */
    String[] sorted(Scanner s) throws ExpositionParseException {
        if (size == 0) {
            return NONE;
        }
        String[] out = size <= 2 * INSERTION_SORT_MAX ? insertionSorted() : treeSorted();
        for (int i = 2; i < size; i += 2) {
            if (out[i].equals(out[i - 2])) {
                throw s.error("duplicate label name " + out[i]);
            }
        }
        return out;
    }

    private String[] insertionSorted() {
        String[] out = Arrays.copyOf(pairs, size);
        for (int i = 2; i < size; i += 2) {
            String name = out[i];
            String value = out[i + 1];
            int j = i - 2;
            while (j >= 0 && out[j].compareTo(name) > 0) {
                out[j + 2] = out[j];
                out[j + 3] = out[j + 1];
                j -= 2;
            }
            out[j + 2] = name;
            out[j + 3] = value;
        }
        return out;
    }

    private String[] treeSorted() {
        Integer[] order = new Integer[size / 2];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> pairs[2 * i]));
        String[] out = new String[size];
        for (int i = 0; i < order.length; i++) {
            out[2 * i] = pairs[2 * order[i]];
            out[2 * i + 1] = pairs[2 * order[i] + 1];
        }
        return out;
    }
}
