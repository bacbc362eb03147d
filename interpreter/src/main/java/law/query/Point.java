package law.query;

import law.numeric.ProjectedBfgs;

/**
 * One evaluation of the reduced objective.
 *
 * @param t    the free coordinates
 * @param x    the whole point, eliminated variables included
 * @param f    the objective there ({@code NaN} when it is not finite)
 * @param grad the gradient along {@code t} ({@code null} when {@code f} is not finite)
 */
record Point(double[] t, double[] x, double f, double[] grad) implements ProjectedBfgs.Evaluation {
    @Override
    public double value() {
        return f;
    }

    @Override
    public double[] gradient() {
        return grad;
    }
}
