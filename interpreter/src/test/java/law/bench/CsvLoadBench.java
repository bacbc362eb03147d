package law.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import law.data.CsvReader;
import law.data.Table;

/**
 * Loading benchmark (a plain {@code main}, not run by Surefire): writes a 1,000,000-row, 6-column
 * numeric CSV to a temporary file and reports rows per second for {@link CsvReader#read}, best of
 * several runs after warm-up. Run after {@code mvn test-compile} with the test classpath, e.g.
 * {@code java -cp target/classes:target/test-classes:<deps> law.bench.CsvLoadBench [rows]}.
 */
public final class CsvLoadBench {
    private static final int WARMUP = 2;
    private static final int RUNS = 5;

    private CsvLoadBench() {
    }

    /** Writes the file, loads it {@value #WARMUP} + {@value #RUNS} times, prints the best rate. */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempFile("law-bench", ".csv");
        try {
            write(file, rows);
            System.out.printf("file: %d rows, %.1f MB%n", rows, Files.size(file) / 1e6);
            double checksum = 0;
            long best = Long.MAX_VALUE;
            for (int run = 0; run < WARMUP + RUNS; run++) {
                long start = System.nanoTime();
                Table t = CsvReader.read(file);
                long elapsed = System.nanoTime() - start;
                if (t.rowCount() != rows) {
                    throw new IllegalStateException("read " + t.rowCount() + " rows, wrote " + rows);
                }
                checksum += t.numeric("loss")[rows - 1];
                if (run >= WARMUP) {
                    best = Math.min(best, elapsed);
                }
                System.out.printf("run %d%s: %.3f s%n", run + 1, run < WARMUP ? " (warm-up)" : "",
                        elapsed / 1e9);
            }
            System.out.printf("best: %.3f s = %.2f M rows/s (checksum %.3f)%n", best / 1e9,
                    rows / (best / 1e9) / 1e6, checksum);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("N,D,C,loss,lr,step\n");
            for (int i = 0; i < rows; i++) {
                double n = Math.exp(random.nextDouble(16, 25));
                double d = Math.exp(random.nextDouble(18, 28));
                w.write(Long.toString((long) n));
                w.write(',');
                w.write(Double.toString(d));
                w.write(',');
                w.write(Double.toString(6 * n * d));
                w.write(',');
                w.write(Double.toString(1.7 + random.nextDouble() * 3));
                w.write(',');
                w.write(Double.toString(Math.round(random.nextDouble() * 1e4) / 1e6));
                w.write(',');
                w.write(Integer.toString(i));
                w.write('\n');
            }
        }
    }
}
