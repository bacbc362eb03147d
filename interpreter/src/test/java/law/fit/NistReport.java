package law.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints the correct digits that each method reaches on every NIST StRD problem from both starts
 * (a table for docs and reports, not a test). Run from the repository root:
 * {@code mvn -q -pl interpreter -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=law.fit.NistReport -Dexec.args="auto newton lbfgs"}.
 */
public final class NistReport {
    private NistReport() {
    }

    /** The fit options a column stands for: {@code auto} none, a method's name that method, else option lines split at ';'. */
    private static String[] options(String column) {
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
        List<String> methods = args.length == 0 ? List.of("auto") : List.of(args);
        StringBuilder head = new StringBuilder(String.format("%-9s", "problem"));
        for (String m : methods) {
            System.out.println("column " + (methods.indexOf(m) + 1) + ": " + m);
            head.append(String.format(" | %-22s", "c" + (methods.indexOf(m) + 1) + " s1: b/rss/se"));
            head.append(String.format(" | %-22s", "c" + (methods.indexOf(m) + 1) + " s2: b/rss/se"));
        }
        System.out.println(head);
        int[] passing = new int[methods.size()];
        for (NistProblem p : NistProblem.all()) {
            StringBuilder row = new StringBuilder(String.format("%-9s", p.name()));
            for (int k = 0; k < methods.size(); k++) {
                String[] extra = options(methods.get(k));
                boolean both = true;
                for (int start = 1; start <= 2; start++) {
                    NistProblem.Digits d = p.fit(start, extra);
                    both &= NistTest.shortfalls(p.name(), d).isEmpty();
                    List<String> codes = new ArrayList<>();
                    d.errors().forEach(e -> codes.add(e.substring(0, 5)));
                    row.append(String.format(" | %4.1f %4.1f %4.1f %-7s", d.params(), d.rss(), d.se(),
                            String.join(",", codes)));
                }
                passing[k] += both ? 1 : 0;
            }
            System.out.println(row);
        }
        for (int k = 0; k < methods.size(); k++) {
            System.out.println(methods.get(k) + ": " + passing[k] + " of 27 problems pass from both starts (6 digits on parameters and RSS, 4 on SEs; "
                    + "Lanczos1's RSS and SEs 2, see NistTest.PRECISION_LIMITED)");
        }
    }
}
