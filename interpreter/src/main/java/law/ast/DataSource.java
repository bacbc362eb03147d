package law.ast;

import java.util.List;
import law.diag.Span;

/** Where a dataset's rows come from. */
public sealed interface DataSource extends Node {

    /** {@code csv("runs.csv")}, {@code json("runs.json")}, {@code simulate(law, N = ..., ...)}. */
    record Call(Ident kind, List<Arg> args, Span span) implements DataSource {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** An inline {@code table { header \n rows }}: the first row is the header. */
    record Table(List<List<Cell>> rows, Span span) implements DataSource {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One cell of an inline table: a number, a string, or a bare word.
     *
     * @param number the value when the cell is a number, else NaN
     * @param text   the text when the cell is a string or word, else {@code null}
     * @param span   where the cell is written
     */
    record Cell(double number, String text, Span span) implements Node {
        /** True when the cell holds a number. */
        public boolean isNumber() {
            return text == null;
        }
    }
}
