package io.headroom.ingest.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutates real expositions at random (seeded, so a failure can be replayed with -Dfuzz.seed=N) and
 * parses each mutant in both formats: the parser may accept or refuse it, but must refuse only
 * with {@link ExpositionParseException} (on a line of the body), and what it accepts must honour
 * the sink's contract (checked by {@link RecordingSink}).
 */
class MutationFuzzTest {

    private static final int MUTANTS = 20_000;
    private static final byte[] SPECIAL = " \t\n\r\"\\{}=,#_:.+-eE0123456789aNIf\u0000".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[][] FRAGMENTS = bytes("# EOF\n", "# HELP ", "# TYPE x counter\n", "# UNIT ", " # {a=\"b\"} 1 2",
        "{le=\"+Inf\"}", "_total", "_created", "NaN", "+Inf", "-Inf", "1e400", "\r\n", "\\", "\\\"", "\\n", "\u00c3",
        "\u00ff\u00fe", "\u00e2\u0082", "\u00ed\u00a0\u0080", "{}", ",}", "=\"\"");

    @Test
    void refusesOnlyWithExpositionParseException() {
        long seed = Long.getLong("fuzz.seed", 0x5eed_2024L);
        System.out.println("MutationFuzzTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<byte[]> corpus = corpus();
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = corpus.get(random.nextInt(corpus.size()));
            for (int m = 1 + random.nextInt(4); m > 0; m--) {
                mutant = mutate(mutant, random);
            }
            ScrapeLimits limits = random.nextInt(10) == 0 ? new ScrapeLimits(50, 3, 10, 20) : ScrapeLimits.DEFAULT;
            for (ExpositionFormat format : ExpositionFormat.values()) {
                try {
                    RecordingSink.parse(format, mutant, limits);
                    accepted++;
                } catch (ExpositionParseException e) {
                    // Plain checks: AssertJ's per-call cost would dominate 40,000 parses.
                    if (e.line() < 1 || e.line() > lines(mutant) || !e.getMessage().startsWith("line " + e.line() + ": ")) {
                        throw new AssertionError("seed " + seed + ", mutant " + i + ": bad line in " + e.getMessage());
                    }
                    refused++;
                } catch (RuntimeException | AssertionError e) {
                    throw new AssertionError("seed " + seed + ", mutant " + i + ", " + format + ": " + e + "\n"
                        + new String(mutant, StandardCharsets.ISO_8859_1), e);
                }
            }
        }
        System.out.println("MutationFuzzTest " + MUTANTS + " mutants: " + accepted + " parses accepted, " + refused + " refused");
        // Both outcomes must be common, or the mutations are too weak or too destructive to test anything.
        assertThat(accepted).isGreaterThan(MUTANTS / 10);
        assertThat(refused).isGreaterThan(MUTANTS / 2);
    }

    private static byte[] mutate(byte[] body, Random random) {
        if (body.length == 0) {
            return FRAGMENTS[random.nextInt(FRAGMENTS.length)].clone();
        }
        int at = random.nextInt(body.length);
        return switch (random.nextInt(7)) {
            case 0 -> {
                byte[] flipped = body.clone();
                flipped[at] ^= (byte) (1 << random.nextInt(8));
                yield flipped;
            }
            case 1 -> {
                byte[] replaced = body.clone();
                replaced[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                yield replaced;
            }
            case 2 -> insert(body, at, new byte[] {SPECIAL[random.nextInt(SPECIAL.length)]});
            case 3 -> insert(body, at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            case 4 -> Arrays.copyOf(body, at);
            case 5 -> {
                int length = Math.min(body.length - at, 1 + random.nextInt(64));
                yield insert(body, random.nextInt(body.length), Arrays.copyOfRange(body, at, at + length));
            }
            default -> {
                int length = Math.min(body.length - at, 1 + random.nextInt(16));
                byte[] cut = new byte[body.length - length];
                System.arraycopy(body, 0, cut, 0, at);
                System.arraycopy(body, at + length, cut, at, body.length - at - length);
                yield cut;
            }
        };
    }

    private static byte[] insert(byte[] body, int at, byte[] piece) {
        byte[] out = new byte[body.length + piece.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(body, at, out, at + piece.length, body.length - at);
        return out;
    }

    private static int lines(byte[] body) {
        int lines = 1;
        for (byte b : body) {
            lines += b == '\n' ? 1 : 0;
        }
        return lines;
    }

    private static List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (String name : ExpositionCorpusTest.resourceNames()) {
            corpus.add(ExpositionCorpusTest.resource(name));
        }
        var snapshots = JavaClientExpositions.scrape();
        corpus.add(JavaClientExpositions.text(snapshots));
        corpus.add(JavaClientExpositions.openMetrics(snapshots));
        // Short bodies too: mutations of a 10 KB body rarely reach its end.
        corpus.addAll(List.of(bytes("a 1\n", "# TYPE a_seconds histogram\na_seconds_bucket{le=\"1\"} 0 # {t=\"x\"} 1 2\n# EOF\n",
            "m{a=\"b\",c=\"d\\n\"} -1.5e-3 1700000000\n", "# HELP x h\\\\n\n# TYPE x gauge\nx NaN\n")));
        return corpus;
    }

    private static byte[][] bytes(String... pieces) {
        return Arrays.stream(pieces).map(p -> p.getBytes(StandardCharsets.ISO_8859_1)).toArray(byte[][]::new);
    }
}
