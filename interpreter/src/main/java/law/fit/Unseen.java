package law.fit;

import java.util.List;

/**
 * Which of the parameters a fit could not determine the law does not depend on at all at its end
 * point: at every point, moving the parameter by {@code max(1, |p|)} changes the prediction by
 * less than rounding (the term it enters has vanished, as {@code A / x^alpha} at {@code alpha = 50}).
 * Then the data are not the cause of the failure, the start is: the search stayed on the plateau
 * where the law is the other terms alone. Not where a parameter rests on its bound: there the data
 * may well ask for the term to vanish (identical targets send A of {@code A / N^alpha} to 0, and
 * then they cannot determine alpha), and the usual message stands.
 */
final class Unseen {
    private static final double ROUNDING = 1e-13;

    private Unseen() {
    }

    /**
     * The names among {@code unidentified} whose parameter the law at {@code p} does not see, in
     * order; none where some parameter is at a bound.
     */
    static List<String> of(Problem pr, double[] p, List<String> names, List<String> unidentified) {
        for (int j = 0; j < pr.m; j++) {
            if (pr.transforms[j].atBound(p[j])) {
                return List.of();
            }
        }
        Problem.Scratch s = pr.scratch();
        pr.derivatives(p, s);
        double top = 0;
        for (int i = 0; i < pr.n; i++) {
            top = Math.max(top, Math.abs(s.f[i]));
        }
        double level = ROUNDING * top;
        return unidentified.stream().filter(name -> {
            int j = names.indexOf(name);
            double reach = Math.max(1, Math.abs(p[j]));
            for (int i = 0; i < pr.n; i++) {
                if (!(Math.abs(s.jac[j][i]) * reach <= level)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }
}
