package law.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import law.ast.Stmt;
import law.dataset.Dataset;
import law.diag.Code;
import law.eval.Context;
import law.eval.Failure;
import law.eval.Interpreter;
import law.eval.Result;
import law.eval.Scope;
import law.eval.Value;
import law.report.Version;
import law.model.Law;

/**
 * Runs {@code export VALUE -> "file.EXT"}. The value must be one whose natural form is a table:
 * <ul>
 *   <li>a fit (a law from {@code fit}, or loaded by {@code use "fit.json"}): {@code .json} (a saved
 *       fit, {@code law.fit/1}), {@code .tex} (a booktabs table of its parameters) or {@code .csv}
 *       (the same table as CSV);</li>
 *   <li>a dataset, or what stands for one (a fit by group, an {@code isoflop}'s table of minima):
 *       {@code .csv}, its rows after every clause.</li>
 * </ul>
 */
public final class Exports {
    /** What a fit exports to. */
    static final Set<String> FIT_FORMATS = new LinkedHashSet<>(java.util.List.of("json", "tex", "csv"));
    /** What a dataset exports to. */
    static final Set<String> DATA_FORMATS = Set.of("csv");

    private Exports() {
    }

    /** Registers the {@code export} handler. */
    public static void install(Interpreter interp) {
        interp.on(Stmt.Export.class, Exports::export);
    }

    private static void export(Stmt.Export s, Context ctx) {
        Value v = ctx.evaluator().eval(s.value(), Scope.strict());
        Outputs.Writer writer;
        String format;
        if (v instanceof Value.LawRef ref && ref.law().fitted() != null) {
            Law law = ref.law();
            format = Outputs.format(s.output(), s.outputSpan(), "an export of a fit", FIT_FORMATS);
            String version = Version.get();
            writer = switch (format) {
                case "json" -> {
                    byte[] bytes = SavedFits.bytes(SavedFits.document(law, version));
                    yield out -> out.write(bytes);
                }
                case "tex" -> {
                    byte[] bytes = Latex.params(ParamTable.of(law), version);
                    yield out -> out.write(bytes);
                }
                default -> out -> Csv.params(ParamTable.of(law), out);
            };
        } else if (Dataset.of(v) != null) {
            Dataset d = Dataset.of(v);
            format = Outputs.format(s.output(), s.outputSpan(), "an export of a dataset", DATA_FORMATS);
            writer = out -> Csv.table(d.table(), out, ctx.progress());
        } else {
            throw Failure.at(Code.EXPORT_KIND, s.value().span(), what(v), "export writes a fit (.json, .tex, .csv) "
                    + "or a dataset (.csv); a query table is written by 'table ... -> \"file.csv\"'");
        }
        Path file = Outputs.resolve(s.output(), s.outputSpan(), ctx); // before the rows are written
        law.eval.Pending.stopIfChecking(ctx);
        Outputs.write(file, s.outputSpan(), writer);
        ctx.emit(new Result(s.span(), "export", "wrote " + s.output(), JsonNodeFactory.instance.objectNode()
                .put("file", s.output()).put("format", format)));
    }

    private static String what(Value v) {
        if (v instanceof Value.LawRef ref) {
            return "'" + ref.law().name() + "' is a law without a fit; export writes fits and datasets";
        }
        return "cannot export a " + v.kindName() + "; export writes fits and datasets";
    }
}
