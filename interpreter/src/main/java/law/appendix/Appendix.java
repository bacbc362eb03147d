package law.appendix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import law.diag.Diagnostic;

/**
 * The appendix of one file: its sections (one per fit, per group of a grouped fit, and per
 * IsoFLOP analysis), each a list of reporting items.
 *
 * @param file       the file as named on the command line
 * @param lawVersion the version of law that ran it
 * @param sections    the sections, in the order the file defines them
 * @param diagnostics every error and warning the run reported, in order (an appendix of a file
 *                    that did not run cleanly says so)
 */
public record Appendix(String file, String lawVersion, List<Section> sections, List<Diagnostic> diagnostics) {

    public Appendix {
        sections = List.copyOf(sections);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The errors of the run, one line each: {@code L0201 at spec.law:1:12: unknown name 'a'}. */
    public List<String> problems() {
        return diagnostics.stream().filter(Diagnostic::isError)
                .map(d -> d.code().id() + (d.span() == null ? "" : " at " + d.span().location()) + ": " + d.message())
                .toList();
    }

    /** This appendix with {@code d} after its diagnostics (a problem found once the run was over). */
    public Appendix with(Diagnostic d) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.add(d);
        return new Appendix(file, lawVersion, sections, all);
    }

    /**
     * One fit or IsoFLOP analysis.
     *
     * @param kind  {@code fit} or {@code isoflop}
     * @param name  its name in the file
     * @param title the statement as written
     * @param items the reporting items, in order
     */
    public record Section(String kind, String name, String title, List<Item> items) {
        public Section {
            items = List.copyOf(items);
        }
    }

    /**
     * One reporting item: a stable key (for JSON and tests), a label for people, what to show
     * and its machine-readable twin.
     *
     * @param key     e.g. {@code form}, {@code dropped_rows}, {@code starts}
     * @param label   e.g. {@code Functional form}
     * @param content lines of text or a table
     * @param json    the same facts as JSON (numbers as numbers)
     */
    public record Item(String key, String label, Content content, JsonNode json) {
    }

    /** What an item shows: lines of text or a table. */
    public sealed interface Content permits Lines, Grid {
    }

    /** Lines of text (each a sentence or a short fact). */
    public record Lines(List<String> lines) implements Content {
        public Lines {
            lines = List.copyOf(lines);
        }
    }

    /** A table: a header and rows of cells (every row as long as the header). */
    public record Grid(List<String> header, List<List<String>> rows) implements Content {
        public Grid {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> r : rows) {
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException("a row of " + r.size() + " cells under " + header.size()
                            + " columns: " + r);
                }
            }
        }
    }
}
