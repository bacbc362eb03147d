package law.lsp;

import java.util.ArrayList;
import java.util.List;
import law.diag.Span;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;

/**
 * law's diagnostics as the protocol's: the range of the span, the code ({@code L0201}), the
 * message with its {@code help:} and notes as {@code law check} prints them, and the did-you-mean
 * suggestion as data for the quick fix. Diagnostics located in other files (a used file with
 * errors) are left to those files; the failing {@code use} reports them here.
 */
final class Reports {
    private Reports() {
    }

    static List<Diagnostic> of(Analysis a) {
        List<Diagnostic> out = new ArrayList<>();
        for (law.diag.Diagnostic d : a.diagnostics()) {
            Span s = d.span();
            if (s != null && s.source() != a.source()) {
                continue;
            }
            Range range = s == null ? Positions.range(a.source(), 0, 0) : Positions.range(s);
            StringBuilder msg = new StringBuilder(d.message());
            if (d.help() != null) {
                msg.append("\nhelp: ").append(d.help());
            }
            d.notes().forEach(n -> msg.append("\nnote: ").append(n));
            Diagnostic x = new Diagnostic(range, msg.toString(), severity(d), "law", d.code().id());
            String suggestion = Edits.suggestion(d.help());
            if (suggestion != null) {
                x.setData(suggestion);
            }
            out.add(x);
        }
        return out;
    }

    private static DiagnosticSeverity severity(law.diag.Diagnostic d) {
        return switch (d.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            default -> DiagnosticSeverity.Information;
        };
    }
}
