package law.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The look of a figure: {@link #SCREEN} (sans serif, 900 × 600 pixels) or {@link #PAPER} (serif,
 * sizes and line widths for one column of a two-column paper: 3.25 × 2.5 in, 8 pt text, 1 pt
 * lines; PNG at 300 dpi). Colours are Tableau 10, line styles solid, dashed, dotted, dash-dot.
 *
 * @param name   {@code screen} or {@code paper}
 * @param width  default width in pixels (screen) or points (paper)
 * @param height default height
 * @param scale  pixels per unit of a PNG (1 on screen, 300 dpi / 72 on paper)
 * @param font   the font family
 * @param title  title font size
 * @param label  axis title size
 * @param tick   tick label and legend size
 * @param line   width of a law's line
 * @param marker diameter of a data point
 */
record Style(String name, int width, int height, double scale, String font, float title, float label, float tick,
             float line, double marker) {

    /** For screens and notebooks. */
    static final Style SCREEN = new Style("screen", 900, 600, 1, Font.SANS_SERIF, 15, 13, 12, 2f, 6);
    /** For a column of a two-column paper. */
    static final Style PAPER = new Style("paper", 234, 180, 300 / 72.0, Font.SERIF, 8, 8, 6.5f, 1f, 2.6);

    /** Tableau 10: distinct colours for unordered series. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /** The style named by the {@code style} option. */
    static Style named(String n) {
        return n.equals("paper") ? PAPER : n.equals("screen") ? SCREEN : null;
    }

    /** A colour for series {@code i}. */
    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** A colour with transparency {@code alpha} in 0..255. */
    static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** A plain font of {@code size}. */
    Font font(float size) {
        return new Font(font, Font.PLAIN, 12).deriveFont(size);
    }

    /** Line style {@code k}: solid, dashed, dotted, dash-dot, then again. */
    Stroke stroke(int k, float width) {
        float u = width * (this == PAPER ? 2.5f : 3f);
        float[][] dashes = {null, {2.2f * u, 1.2f * u}, {0.4f * u, 0.9f * u}, {2.2f * u, 0.9f * u, 0.4f * u, 0.9f * u}};
        float[] d = dashes[Math.floorMod(k, dashes.length)];
        return d == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, d, 0f);
    }

    /** A data point's marker. */
    Shape dot() {
        return new Ellipse2D.Double(-marker / 2, -marker / 2, marker, marker);
    }

    /** A diamond marker (optima). */
    Shape diamond() {
        double r = marker * 0.8;
        Path2D p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }

    /** A cross marker (a law's value at a data point). */
    Shape cross() {
        double r = marker * 0.6;
        return new Rectangle2D.Double(-r, -r / 4, 2 * r, r / 2);
    }

    /** {lo, hi} padded by a fraction of its width in log space (or linear). */
    static double[] pad(double lo, double hi, boolean log, double fraction) {
        if (log) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            double w = Math.max(b - a, 0.05);
            return new double[] {Math.pow(10, a - fraction * w), Math.pow(10, b + fraction * w)};
        }
        double w = Math.max(hi - lo, 1e-12);
        return new double[] {lo - fraction * w, hi + fraction * w};
    }
}
