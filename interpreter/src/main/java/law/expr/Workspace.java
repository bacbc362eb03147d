package law.expr;

/**
 * The per-thread registers of one {@link Program}: scalar registers, one block-sized array per
 * vector register, and the bindings of the caller's columns and outputs during a call.
 *
 * <p>A workspace is mutable and must be used by one thread at a time; give each thread its own
 * ({@link Program#newWorkspace()}) and they can all evaluate the same program concurrently.
 */
public final class Workspace {
    final Program program;
    final double[] scalars;
    final double[][] arrays;
    final int[] offsets;
    final double[][] exports;
    /** Scratch of {@link law.numeric.Elementary#exps}: one block. */
    final double[] expScratch;
    /** Scratch of {@link law.numeric.Elementary#logs}: two blocks. */
    final double[] logU;
    final double[] logLo;

    Workspace(Program program, double[] scalars, int vectorRegs, int exportBase, int nExports,
              int tempBase, int nTemps, int block) {
        this.program = program;
        this.scalars = scalars;
        this.arrays = new double[vectorRegs][];
        this.offsets = new int[vectorRegs];
        this.exports = new double[nExports][];
        this.expScratch = new double[block];
        this.logU = new double[block];
        this.logLo = new double[block];
        for (int j = 0; j < nExports; j++) {
            exports[j] = new double[block];
        }
        for (int t = 0; t < nTemps; t++) {
            arrays[tempBase + t] = new double[block];
        }
    }
}
