package org.tune4j.engine.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a file's bytes for the fuzz tests: flipped bits, overwritten bytes, a cut,
 * inserted bytes, and a 4-byte size field (at a given offset, or anywhere) set to a big or
 * negative value, in either byte order. Each mutant says what was done to it.
 */
public final class Mutations {
    private Mutations() {
    }

    /** A mutated copy and how it was made (for assertion messages). */
    public record Mutant(byte[] bytes, String description) {
    }

    private static final int[] BIG = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 46340, 65536, 1 << 24, 1 << 30, 100_000};

    /** One mutation of {@code original}; {@code sizeField} is the offset of a 4-byte size worth aiming at. */
    public static Mutant mutate(byte[] original, SplittableRandom rng, int sizeField) {
        byte[] b = original.clone();
        int kind = rng.nextInt(6);
        switch (kind) {
            case 0 -> {
                int flips = 1 + rng.nextInt(4);
                StringBuilder where = new StringBuilder();
                for (int i = 0; i < flips; i++) {
                    int at = rng.nextInt(b.length);
                    b[at] ^= (byte) (1 << rng.nextInt(8));
                    where.append(at).append(' ');
                }
                return new Mutant(b, "bit flips at " + where.toString().trim());
            }
            case 1 -> {
                int at = rng.nextInt(b.length);
                b[at] = (byte) rng.nextInt(256);
                return new Mutant(b, "byte " + at + " set to " + (b[at] & 0xff));
            }
            case 2 -> {
                int length = rng.nextInt(b.length);
                return new Mutant(Arrays.copyOf(b, length), "cut to " + length + " bytes");
            }
            case 3 -> {
                int at = rng.nextInt(b.length + 1);
                int n = 1 + rng.nextInt(8);
                byte[] out = new byte[b.length + n];
                System.arraycopy(b, 0, out, 0, at);
                for (int i = 0; i < n; i++) {
                    out[at + i] = (byte) rng.nextInt(256);
                }
                System.arraycopy(b, at, out, at + n, b.length - at);
                return new Mutant(out, n + " bytes inserted at " + at);
            }
            default -> {
                int at = kind == 4 && sizeField + 4 <= b.length ? sizeField : rng.nextInt(Math.max(1, b.length - 3));
                int value = BIG[rng.nextInt(BIG.length)];
                boolean bigEndian = rng.nextBoolean();
                for (int i = 0; i < 4 && at + i < b.length; i++) {
                    int shift = bigEndian ? 24 - 8 * i : 8 * i;
                    b[at + i] = (byte) (value >>> shift);
                }
                return new Mutant(b, "size field at " + at + " set to " + value + (bigEndian ? " (big-endian)" : " (little-endian)"));
            }
        }
    }
}
