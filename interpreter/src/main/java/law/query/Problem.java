package law.query;

import java.util.List;
import java.util.Map;
import java.util.Set;
import law.expr.Expr;

/**
 * A constrained minimisation over named variables, as the solver sees it: all symbols of the
 * objective and constraints are variables; everything else has been substituted.
 *
 * @param objective    the expression to minimise
 * @param vars         the decision variables, in display order
 * @param bounds       per variable {@code {lo, hi}} given by the user ({@code -inf}/{@code inf} when absent)
 * @param positive     the variables searched in log space (they must stay above zero)
 * @param equalities   relations {@code left = right}
 * @param inequalities relations {@code left <= right}
 */
record Problem(Expr objective, List<String> vars, Map<String, double[]> bounds, Set<String> positive,
               List<Relation> equalities, List<Relation> inequalities) {

    Problem {
        vars = List.copyOf(vars);
        bounds = Map.copyOf(bounds);
        positive = Set.copyOf(positive);
        equalities = List.copyOf(equalities);
        inequalities = List.copyOf(inequalities);
    }

    /** The same problem with another objective and constraints (a perturbed fitted law). */
    Problem with(Expr newObjective, List<Relation> newEqualities, List<Relation> newInequalities) {
        return new Problem(newObjective, vars, bounds, positive, newEqualities, newInequalities);
    }

    /**
     * {@code left = right} or {@code left <= right}.
     *
     * @param left  left side
     * @param right right side
     * @param text  the relation as written, for messages
     */
    record Relation(Expr left, Expr right, String text) {
        /** Whether the relation involves any variable. */
        boolean isConstant() {
            return left.symbols().isEmpty() && right.symbols().isEmpty();
        }
    }
}
