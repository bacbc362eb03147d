package law.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import law.dataset.Dataset;
import law.eval.Entry;
import law.eval.Evaluator;
import law.eval.Modules;
import law.eval.Pending;
import law.eval.Value;
import law.expr.Builtin;
import law.fit.FitOptions;
import law.model.Law;
import law.model.Param;
import law.syntax.Lexeme;
import law.syntax.Lexemes;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * Completion at a cursor, from the tokens before it: statement keywords at the start of a line,
 * stdlib modules after {@code use}, fields after {@code .}, options in a fit, IsoFLOP, predict or
 * plot block, parameters in {@code with { }}, column names in a data block (read from the file's
 * header) and in a fit (of its dataset), and otherwise the names in scope and the builtins.
 */
final class Completions {
    /** Statements (the first word of a line). */
    static final List<String> STATEMENTS = List.of("law", "let", "constraint", "data", "fit", "isoflop", "use",
            "print", "minimize", "maximize", "optimal", "solve", "table", "predict", "compare", "rollout", "expect",
            "plot", "export");
    /** Options of the blocks whose option names are not public elsewhere (see docs/language.md). */
    static final Map<String, List<String>> BLOCK_OPTIONS = Map.of(
            "isoflop", List.of("profile", "tokens", "weights", "edges", "bootstrap", "resample", "seed"),
            "plot", List.of("title", "x", "y", "xlabel", "ylabel", "width", "height", "interval", "level"),
            "predict", List.of("level", "interval"),
            "rollout", List.of("ahead", "min_rungs", "level"));
    /** The clauses of a data block. */
    static final List<String> DATA_CLAUSES = List.of("where", "drop", "dedup", "group by", "nan");

    private final Analysis a;
    private final String before;
    private final List<Lexeme> tokens;
    private final List<Path> allowed;
    private final Map<String, CompletionItem> out = new LinkedHashMap<>();

    private Completions(Analysis a, int offset, List<Path> allowed) {
        this.a = a;
        this.before = a.document().text().substring(0, Math.min(offset, a.document().text().length()));
        this.tokens = Lexemes.lex(before);
        this.allowed = allowed;
    }

    /** The candidates at an offset of an analysed document. */
    static List<CompletionItem> at(Analysis a, int offset, List<Path> allowed) {
        Completions c = new Completions(a, offset, allowed);
        c.fill();
        return new ArrayList<>(c.out.values());
    }

    private void fill() {
        List<Lexeme> code = tokens.stream().filter(t -> t.kind() != Lexeme.Kind.COMMENT && t.kind() != Lexeme.Kind.DOC).toList();
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == Lexeme.Kind.COMMENT
                && tokens.get(tokens.size() - 1).end() >= before.length()) {
            return;
        }
        boolean typing = !code.isEmpty() && code.get(code.size() - 1).end() == before.length()
                && (code.get(code.size() - 1).kind() == Lexeme.Kind.NAME || code.get(code.size() - 1).kind() == Lexeme.Kind.KEYWORD);
        List<Lexeme> prior = typing ? code.subList(0, code.size() - 1) : code;
        Lexeme prev = prior.isEmpty() ? null : prior.get(prior.size() - 1);
        if (prev != null && prev.text().equals("use")) {
            Modules.stdlibModules().forEach(m -> add(m, CompletionItemKind.Module, "stdlib module"));
            return;
        }
        if (prev != null && prev.text().equals(".") && prior.size() >= 2) {
            fields(prior.get(prior.size() - 2).text());
            return;
        }
        Lexeme open = innermostBrace(prior);
        String stmt = statementWord(prior, open);
        boolean itemStart = prev == null || prev == open || startsLine(prev) || prev.kind() == Lexeme.Kind.COMMA
                && open != null;
        if (open != null && itemStart && blockOptions(stmt, prior, open)) {
            return;
        }
        if (lineStart(prev)) {
            STATEMENTS.forEach(s -> add(s, CompletionItemKind.Keyword, "statement"));
        }
        if ("data".equals(stmt) && open != null) {
            sourceColumns(prior);
        }
        if ("fit".equals(stmt) || "isoflop".equals(stmt) || "compare".equals(stmt) || "plot".equals(stmt)) {
            datasetColumns(lineTokens());
        }
        names();
    }

    /** True when nothing but whitespace stands between the token and the cursor on its line... or the token ends a line. */
    private boolean startsLine(Lexeme t) {
        return before.substring(t.end()).contains("\n");
    }

    private boolean lineStart(Lexeme prev) {
        int nl = before.lastIndexOf('\n');
        return before.substring(nl + 1).isBlank() || prev == null;
    }

    private boolean blockOptions(String stmt, List<Lexeme> prior, Lexeme open) {
        if ("fit".equals(stmt)) {
            FitOptions.KNOWN.stream().sorted().forEach(o -> add(o, CompletionItemKind.Property, "fit option"));
            return true;
        }
        if (BLOCK_OPTIONS.containsKey(stmt)) {
            BLOCK_OPTIONS.get(stmt).forEach(o -> add(o, CompletionItemKind.Property, stmt + " option"));
            return true;
        }
        int i = prior.indexOf(open);
        if ("law".equals(stmt) && i >= 2 && prior.get(i - 1).text().equals("with")) {
            Law base = law(prior.get(i - 2).text());
            if (base != null) {
                base.params().forEach(p -> add(p.name(), CompletionItemKind.Field, "parameter of " + base.name()
                        + " (" + p.domain().describe() + ")"));
            }
            add("cite", CompletionItemKind.Keyword, "citation");
            return true;
        }
        if ("data".equals(stmt)) {
            DATA_CLAUSES.forEach(c -> add(c, CompletionItemKind.Keyword, "data clause"));
            sourceColumns(prior);
            return true;
        }
        return false;
    }

    /** The innermost unclosed brace before the cursor, or {@code null}. */
    private static Lexeme innermostBrace(List<Lexeme> code) {
        java.util.ArrayDeque<Lexeme> open = new java.util.ArrayDeque<>();
        for (Lexeme t : code) {
            if (t.kind() == Lexeme.Kind.OPEN) {
                open.push(t);
            } else if (t.kind() == Lexeme.Kind.CLOSE && !open.isEmpty()) {
                open.pop();
            }
        }
        for (Lexeme t : open) {
            if (t.text().equals("{")) {
                return t;
            }
        }
        return null;
    }

    /** The first word of the statement the cursor (or the open brace) is in. */
    private String statementWord(List<Lexeme> code, Lexeme open) {
        int limit = open != null ? code.indexOf(open) : code.size() - 1;
        for (int i = limit; i >= 0; i--) {
            Lexeme t = code.get(i);
            if (t.kind() == Lexeme.Kind.KEYWORD && STATEMENTS.contains(t.text()) && (i == 0 || startsOwnLine(t))) {
                return t.text();
            }
        }
        return null;
    }

    private boolean startsOwnLine(Lexeme t) {
        int nl = before.lastIndexOf('\n', Math.max(0, t.start() - 1));
        return before.substring(nl + 1, t.start()).isBlank() || before.substring(nl + 1, t.start()).strip().endsWith(";");
    }

    /** The tokens of the cursor's whole line (after it too), to find a fit's {@code in DATA}. */
    private List<Lexeme> lineTokens() {
        String text = a.document().text();
        int start = before.lastIndexOf('\n') + 1;
        int end = text.indexOf('\n', before.length());
        return Lexemes.lex(text.substring(start, end < 0 ? text.length() : end));
    }

    private void datasetColumns(List<Lexeme> line) {
        for (int i = 0; i + 1 < line.size(); i++) {
            if (line.get(i).text().equals("in") || line.get(i).text().equals("on")) {
                Entry e = entry(line.get(i + 1).text().replace("`", ""));
                Dataset ds = e == null ? null : Dataset.of(e.value());
                if (ds != null) {
                    ds.table().columnNames().forEach(c -> add(c, CompletionItemKind.Field, "column of " + ds.name()));
                }
            }
        }
    }

    /** Columns of the {@code csv("...")} or {@code json("...")} source of the data block being written. */
    private void sourceColumns(List<Lexeme> code) {
        for (int i = code.size() - 1; i >= 2; i--) {
            Lexeme s = code.get(i);
            if (s.kind() == Lexeme.Kind.STRING && code.get(i - 1).text().equals("(")
                    && (code.get(i - 2).text().equals("csv") || code.get(i - 2).text().equals("json"))) {
                String written = law.syntax.Literals.unescape(s.text().substring(1, s.text().length() - 1));
                Path base = a.source().baseDir();
                Columns.of(code.get(i - 2).text(), written, base, allowed)
                        .forEach(c -> add(c, CompletionItemKind.Field, "column of " + written));
                return;
            }
        }
    }

    private void fields(String target) {
        Entry e = entry(target.replace("`", ""));
        if (e == null) {
            return;
        }
        Law law = e.value() instanceof Value.LawRef l ? l.law() : null;
        Evaluator.fields(e.value()).keySet().forEach(f -> add(f, CompletionItemKind.Field, "field of " + target));
        if (law != null) {
            for (Param p : law.params()) {
                add(p.name(), CompletionItemKind.Field, "parameter" + (law.values().containsKey(p.name()) ? "" : " (no value)"));
            }
        }
    }

    private void names() {
        for (Entry e : a.env().entries()) {
            add(e.name(), kind(e), e.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + (e.value() instanceof Value.LawRef l ? " " + l.law().signature() : ""));
        }
        a.env().pending().keySet().forEach(n -> add(n, CompletionItemKind.Variable, "fit (computed when the file runs)"));
        for (Builtin b : Builtin.values()) {
            if (b.inLanguage()) {
                add(b.symbol(), CompletionItemKind.Function, "builtin");
            }
        }
        add("diff", CompletionItemKind.Function, "symbolic derivative: diff(EXPR, VAR)");
    }

    private Entry entry(String name) {
        try {
            return a.env().get(name);
        } catch (Pending p) {
            return null;
        }
    }

    private Law law(String name) {
        Entry e = entry(name);
        return e != null && e.value() instanceof Value.LawRef l ? l.law() : null;
    }

    private static CompletionItemKind kind(Entry e) {
        return switch (e.kind()) {
            case LAW, FIT -> CompletionItemKind.Function;
            case DATA -> CompletionItemKind.Struct;
            case LET, RESULT -> CompletionItemKind.Constant;
            case CONSTRAINT -> CompletionItemKind.Property;
        };
    }

    private void add(String name, CompletionItemKind kind, String detail) {
        if (out.containsKey(name)) {
            return;
        }
        CompletionItem item = new CompletionItem(name);
        item.setKind(kind);
        item.setDetail(detail);
        String text = kind == CompletionItemKind.Keyword ? name : Names.quoted(name);
        if (!text.equals(name)) {
            item.setInsertText(text);
            item.setFilterText(text);
        }
        out.put(name, item);
    }
}
