package law.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import law.ast.Program;
import law.ast.Query;
import law.ast.Stmt;
import law.diag.Code;
import law.diag.Diagnostic;
import law.diag.Diagnostics;

/**
 * Runs statements one at a time against a session's definitions. Each kind of statement and query
 * has a handler, registered by the stage that implements it. A statement that fails reports its
 * diagnostic and leaves the definitions as they were before it; the next statement still runs,
 * so one run reports every independent error.
 */
public final class Interpreter {

    /** Carries out one kind of statement. */
    @FunctionalInterface
    public interface StmtHandler<S extends Stmt> {
        /** Runs the statement; fails by throwing {@link Failure}. */
        void run(S stmt, Context ctx);
    }

    /** Evaluates one kind of query to a value. */
    @FunctionalInterface
    public interface QueryHandler<Q extends Query> {
        /** Evaluates the query; fails by throwing {@link Failure}. */
        Value run(Q query, Scope scope, Context ctx);
    }

    private final Map<Class<?>, StmtHandler<?>> statements = new HashMap<>();
    private final Map<Class<?>, QueryHandler<?>> queries = new HashMap<>();
    private final Diagnostics diagnostics;
    private final Context context;
    private boolean cancelled;

    /** An interpreter over an environment, reporting into {@code diagnostics}, printing into {@code results}. */
    public Interpreter(Env env, Diagnostics diagnostics, Consumer<Result> results, Options options) {
        this.diagnostics = diagnostics;
        this.context = new Context(env, this::query, diagnostics, results, options);
    }

    /** Registers the handler of a statement kind. */
    public <S extends Stmt> void on(Class<S> type, StmtHandler<S> handler) {
        statements.put(type, handler);
    }

    /** Registers the handler of a query kind. */
    public <Q extends Query> void onQuery(Class<Q> type, QueryHandler<Q> handler) {
        queries.put(type, handler);
    }

    /** The context handlers run in. */
    public Context context() {
        return context;
    }

    /** Runs every statement of a program, in order; after a cancelled statement nothing more runs. */
    public void run(Program program) {
        context.sources().push(program.source());
        try {
            for (Stmt s : program.statements()) {
                if (!runStatement(s) && cancelled) {
                    break;
                }
            }
        } finally {
            context.sources().pop();
        }
    }

    /**
     * Runs one statement; returns false when it failed (its diagnostic has been reported). In check
     * mode a statement stopped before work that takes time ({@link Pending}) counts as run.
     */
    public boolean runStatement(Stmt s) {
        Env env = context.env();
        int mark = env.mark();
        boolean ok = false;
        boolean pending = false;
        context.startStatement();
        try {
            handler(s).run(s, context);
            ok = true;
        } catch (Failure f) {
            diagnostics.report(f.diagnostic());
        } catch (Pending p) {
            pending = true;
        } catch (Cancelled c) {
            if (context.sources().size() > 1) {
                throw c; // a statement of a used file: the statement that used it is cancelled as a whole
            }
            cancelled = true;
            diagnostics.report(Diagnostic.warning(Code.CANCELLED, s.span(), "cancelled; nothing was changed"));
        } catch (StackOverflowError e) {
            diagnostics.report(Diagnostic.error(Code.TOO_DEEP, s.span(),
                    "this statement is nested too deeply to evaluate"));
        } catch (OutOfMemoryError e) {
            diagnostics.report(Diagnostic.error(Code.INTERNAL, s.span(), "ran out of memory running this statement")
                    .withHelp("give Java more memory with JAVA_OPTS=-Xmx8g, or use less data"));
        } catch (law.data.DataException e) {
            diagnostics.report(Failure.of(e, s.span()).diagnostic());
        } catch (RuntimeException e) {
            diagnostics.report(Internal.diagnostic(e, s.span()));
        } finally {
            if (ok) {
                env.commit(mark);
            } else {
                env.rollback(mark);
            }
        }
        if (ok) {
            return true;
        }
        if (pending) {
            if (s.definedName() != null) {
                env.pend(s.definedName(), s.span());
            }
            return true;
        }
        String defined = s.definedName();
        if (defined != null && !cancelled) {
            context.env().poison(defined);
        }
        return false;
    }

    /** True when a statement was cancelled (Ctrl-C); the rest of the program did not run. */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Evaluates a query with the registered handler; in check mode a query form only resolves its
     * names and stops the statement ({@link Pending}).
     */
    public Value query(Query q, Scope scope) {
        if (context.options().check() && !(q instanceof Query.Value)) {
            return CheckQueries.resolve(q, scope, context);
        }
        @SuppressWarnings("unchecked")
        QueryHandler<Query> h = (QueryHandler<Query>) queries.get(q.getClass());
        if (h == null) {
            throw Failure.at(Code.NOT_SUPPORTED, q.span(), "this kind of query is not supported yet");
        }
        return h.run(q, scope, context);
    }

    @SuppressWarnings("unchecked")
    private StmtHandler<Stmt> handler(Stmt s) {
        StmtHandler<Stmt> h = (StmtHandler<Stmt>) statements.get(s.getClass());
        if (h == null) {
            throw Failure.at(Code.NOT_SUPPORTED, s.span(), "this statement is not supported yet");
        }
        return h;
    }

}
