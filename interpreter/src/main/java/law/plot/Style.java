package law.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.function.Function;
import law.report.Fmt;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The look of every chart: white background, log axes with 10^k ticks, legend outside the plot. */
final class Style {
    private Style() {
    }

    /** Tableau 10: distinct colours for unordered series. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /** A colour for series {@code i}. */
    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** A colour with transparency {@code alpha} in 0..255. */
    static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** An empty chart with the house style. */
    static XYChart chart(int width, int height, String title, String xTitle, String yTitle, boolean logX,
                         boolean logY, double[] xRange, double[] yRange) {
        // titles may quote a spec's strings: control characters are shown escaped, never drawn or written raw
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(title == null ? "" : law.diag.Escape.line(title))
                .xAxisTitle(xTitle == null ? null : law.diag.Escape.line(xTitle))
                .yAxisTitle(yTitle == null ? null : law.diag.Escape.line(yTitle)).build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x888888));
        s.setPlotGridLinesColor(new Color(0xe6e6e6));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleVisible(title != null && !title.isEmpty());
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setLegendSeriesLineLength(22);
        s.setMarkerSize(5);
        s.setChartPadding(12);
        s.setPlotMargin(4);
        s.setAntiAlias(true);
        s.setXAxisLogarithmic(logX);
        s.setYAxisLogarithmic(logY);
        // XChart's tick callbacks do not work on log axes (they lay ticks out linearly), so log
        // axes format ticks with a pattern: 1E18 over several decades, 2, 3, 4 within one.
        if (logX) {
            boolean decades = xRange == null || xRange[1] / xRange[0] >= 100;
            s.setXAxisLogarithmicDecadeOnly(decades);
            s.setXAxisDecimalPattern(pattern(xRange, decades));
        } else {
            s.setxAxisTickLabelsFormattingFunction(linear());
        }
        if (logY) {
            boolean decades = yRange == null || yRange[1] / yRange[0] >= 100;
            s.setYAxisLogarithmicDecadeOnly(decades);
            s.setYAxisDecimalPattern(pattern(yRange, decades));
        } else {
            s.setyAxisTickLabelsFormattingFunction(linear());
        }
        if (xRange != null) {
            s.setXAxisMin(xRange[0]);
            s.setXAxisMax(xRange[1]);
        }
        if (yRange != null) {
            s.setYAxisMin(yRange[0]);
            s.setYAxisMax(yRange[1]);
        }
        return chart;
    }

    private static String pattern(double[] range, boolean decades) {
        if (decades || range == null || range[1] >= 1e4 || range[0] < 1e-2) {
            return "0E0";
        }
        return range[0] < 1 ? "0.##" : "0.#";
    }

    private static Function<Double, String> linear() {
        return v -> Math.abs(v) < 1e-12 ? "0" : Fmt.num(v, 3);
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** A log-axis tick: {@code 10¹⁸} on decades, {@code 3×10¹⁸} or a plain number otherwise. */
    static String tick(Double v) {
        if (v == null || !(v > 0)) {
            return "";
        }
        int k = (int) Math.floor(Math.log10(v) + 1e-9);
        double mantissa = v / Math.pow(10, k);
        long m = Math.round(mantissa);
        if (Math.abs(mantissa - m) > 1e-6 * mantissa) {
            return Fmt.num(v, 3);
        }
        if (k >= -2 && k <= 3) {
            return Fmt.num(v, 3);
        }
        String pow = "10" + superscript(k);
        return m == 1 ? pow : m + "×" + pow;
    }

    private static String superscript(int k) {
        StringBuilder out = new StringBuilder();
        if (k < 0) {
            out.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
            out.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return out.toString();
    }

    /** A range {@code {lo, hi}} padded by a fraction of its width in log space (or linear). */
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
