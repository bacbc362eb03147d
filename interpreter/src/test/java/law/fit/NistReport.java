package law.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The correct digits that each method reaches on every NIST StRD problem from both starts, as a
 * Markdown table. {@code NistTest} writes the table of the fits it ran (method = lm, newton and the
 * defaults) to {@code interpreter/target/nist-digits.md}; this program prints it for any methods or
 * options, run from the repository root:
 * {@code mvn -q -pl interpreter -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=law.fit.NistReport -Dexec.args="auto newton lbfgs"}.
 */
public final class NistReport {
    private NistReport() {
    }

    /** The fit options a column stands for: {@code auto} none, a method's name that method, else option lines split at ';'. */
    static String[] options(String column) {
        if (column.equals("auto")) {
            return new String[0];
        }
        return column.contains("=") ? column.split(";") : new String[] {"method = " + column};
    }

    /** Arguments: the methods to compare (default: auto), or {@code --spec NAME START} to print one spec. */
    public static void main(String[] args) {
        if (args.length == 3 && args[0].equals("--spec")) {
            System.out.print(NistProblem.named(args[1]).spec(Integer.parseInt(args[2])));
            return;
        }
        List<String> columns = args.length == 0 ? List.of("auto") : List.of(args);
        Map<String, Map<String, NistProblem.Digits>> digits = new LinkedHashMap<>();
        for (NistProblem p : NistProblem.all()) {
            for (int start = 1; start <= 2; start++) {
                Map<String, NistProblem.Digits> row = digits.computeIfAbsent(p.name() + " " + start, k -> new LinkedHashMap<>());
                for (String c : columns) {
                    row.put(c, p.fit(start, options(c)));
                }
            }
        }
        System.out.print(table(columns, digits));
    }

    /**
     * The table: one row per problem and start ({@code digits} is keyed {@code "NAME START"}, then by
     * column; absent fits, and columns without any, are left out), one cell per column, {@code parameters / RSS / SE} digits
     * and the codes of any errors and warnings; then, per column, how many fits reached the
     * certified digits ({@link NistTest#shortfalls}) and how many of the others said so.
     */
    static String table(List<String> allColumns, Map<String, Map<String, NistProblem.Digits>> digits) {
        List<String> columns = allColumns.stream().filter(c -> digits.values().stream().anyMatch(r -> r.containsKey(c)))
                .toList();
        StringBuilder b = new StringBuilder("| problem | start |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String c : columns) {
            b.append(' ').append(c).append(": b / RSS / SE |");
            rule.append("---|");
        }
        b.append('\n').append(rule).append('\n');
        int[] certified = new int[columns.size()];
        int[] said = new int[columns.size()];
        int[] ran = new int[columns.size()];
        for (NistProblem p : NistProblem.all()) {
            for (int start = 1; start <= 2; start++) {
                Map<String, NistProblem.Digits> row = digits.get(p.name() + " " + start);
                if (row == null) {
                    continue;
                }
                b.append("| ").append(p.name()).append(" | ").append(start).append(" |");
                for (int k = 0; k < columns.size(); k++) {
                    NistProblem.Digits d = row.get(columns.get(k));
                    b.append(' ').append(d == null ? "" : cell(d)).append(" |");
                    if (d != null) {
                        ran[k]++;
                        boolean ok = NistTest.shortfalls(p.name(), d).isEmpty();
                        certified[k] += ok ? 1 : 0;
                        said[k] += !ok && !d.silent() ? 1 : 0;
                    }
                }
                b.append('\n');
            }
        }
        b.append('\n');
        for (int k = 0; k < columns.size(); k++) {
            b.append(String.format(Locale.ROOT, "%s%s: %d of %d fits reach the certified digits (6 on parameters and RSS, 4 on standard errors;"
                    + " Lanczos1's RSS and SEs 2), %d of the others with an error or a warning, %d silently short%n",
                    columns.get(k), methodOf(columns.get(k), digits), certified[k], ran[k], said[k], ran[k] - certified[k] - said[k]));
        }
        return b.toString();
    }

    /** " (method auto (lm))": the method that ran for a column, as its fits report it, or "". */
    private static String methodOf(String column, Map<String, Map<String, NistProblem.Digits>> digits) {
        return digits.values().stream().map(r -> r.get(column)).filter(d -> d != null && !d.method().isEmpty())
                .map(d -> " (method " + d.method() + ")").findFirst().orElse("");
    }

    private static String cell(NistProblem.Digits d) {
        String codes = d.codes().isEmpty() ? "" : " " + String.join(",", d.codes());
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f%s", d.params(), d.rss(), d.se(), codes);
    }
}
