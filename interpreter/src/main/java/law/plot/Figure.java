package law.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One panel of a figure drawn with JFreeChart: axes (logarithmic ones with {@link LogAxes}'
 * ticks), layers of points, lines and bands, and a legend built from explicit entries, so that
 * every colour and line style is named.
 */
final class Figure {
    private final Style style;
    private final XYPlot plot = new XYPlot();
    private final LegendItemCollection legend = new LegendItemCollection();
    private final String title;
    private int layers;

    Figure(Style style, String title, String xLabel, String yLabel, boolean logX, boolean logY, double[] xRange,
           double[] yRange) {
        this.style = style;
        this.title = title;
        plot.setDomainAxis(axis(xLabel, logX, xRange));
        plot.setRangeAxis(axis(yLabel, logY, yRange));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0x888888));
        Color grid = new Color(0xdddddd);
        Color minor = new Color(0xf0f0f0);
        Stroke thin = new BasicStroke(style == Style.PAPER ? 0.3f : 0.8f);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setDomainGridlineStroke(thin);
        plot.setRangeGridlineStroke(thin);
        plot.setDomainMinorGridlinesVisible(logX);
        plot.setRangeMinorGridlinesVisible(logY);
        plot.setDomainMinorGridlinePaint(minor);
        plot.setRangeMinorGridlinePaint(minor);
        plot.setDomainMinorGridlineStroke(thin);
        plot.setRangeMinorGridlineStroke(thin);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    private ValueAxis axis(String label, boolean log, double[] range) {
        ValueAxis a;
        if (log) {
            a = new LogAxes.Axis(label);
        } else {
            NumberAxis n = new NumberAxis(label);
            n.setAutoRangeIncludesZero(false);
            a = n;
        }
        a.setLabelFont(style.font(style.label()));
        a.setTickLabelFont(style.font(style.tick()));
        a.setMinorTickMarksVisible(log);
        a.setTickMarkInsideLength(0);
        a.setTickMarkOutsideLength(style == Style.PAPER ? 2.5f : 5f);
        a.setMinorTickMarkOutsideLength(style == Style.PAPER ? 1.5f : 3f);
        if (range != null) {
            a.setRange(range[0], range[1]);
        }
        return a;
    }

    /** Data points in colour {@code c}. */
    void points(double[] xs, double[] ys, Color c, Shape shape) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, c);
        r.setSeriesShape(0, shape);
        r.setDrawOutlines(false);
        add(series(xs, ys), r);
    }

    /** A line in colour {@code c} with line style {@code dash} (see {@link Style#stroke}). */
    void line(double[] xs, double[] ys, Color c, int dash, float width) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, c);
        r.setSeriesStroke(0, style.stroke(dash, width));
        r.setDrawSeriesLineAsPath(true);
        add(series(xs, ys), r);
    }

    /** A line with markers at its points (optima along budgets). */
    void markedLine(double[] xs, double[] ys, Color c, int dash, Shape marker) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, c);
        r.setSeriesStroke(0, style.stroke(dash, style.line() * 0.7f));
        r.setSeriesShape(0, marker);
        r.setDrawOutlines(false);
        add(series(xs, ys), r);
    }

    /** A filled band from {@code lo} to {@code hi} (an interval) with its centre line. */
    void band(double[] xs, double[] mid, double[] lo, double[] hi, Color c) {
        YIntervalSeries s = new YIntervalSeries("band " + layers, false, true);
        for (int i = 0; i < xs.length; i++) {
            s.add(xs[i], mid[i], lo[i], hi[i]);
        }
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setSeriesPaint(0, c);
        r.setSeriesFillPaint(0, c);
        r.setSeriesStroke(0, style.stroke(0, style.line()));
        r.setAlpha(0.18f);
        YIntervalSeriesCollection d = new YIntervalSeriesCollection();
        d.addSeries(s);
        plot.setDataset(layers, d);
        plot.setRenderer(layers, r);
        layers++;
    }

    private void add(XYSeriesCollection d, XYLineAndShapeRenderer r) {
        plot.setDataset(layers, d);
        plot.setRenderer(layers, r);
        layers++;
    }

    private XYSeriesCollection series(double[] xs, double[] ys) {
        XYSeries s = new XYSeries("s" + layers, false, true);
        for (int i = 0; i < xs.length; i++) {
            s.add(xs[i], ys[i]);
        }
        return new XYSeriesCollection(s);
    }

    /** A legend entry: a marker, a line in a style (dash &gt;= 0), or both. */
    void legend(String label, Color c, Shape marker, int dash) {
        Shape line = new Line2D.Double(style == Style.PAPER ? -7 : -12, 0, style == Style.PAPER ? 7 : 12, 0);
        boolean hasLine = dash >= 0;
        LegendItem item = new LegendItem(label, null, null, null, marker != null, marker != null ? marker : line, true,
                c, false, c, new BasicStroke(0.5f), hasLine, line, hasLine ? style.stroke(dash, style.line()) : new BasicStroke(1f), c);
        item.setLabelFont(style.font(style.tick()));
        legend.add(item);
    }

    /** A legend entry for a band. */
    void legendBand(String label, Color c) {
        LegendItem item = new LegendItem(label, null, null, null, new java.awt.geom.Rectangle2D.Double(-6, -4, 12, 8),
                Style.alpha(c, 60));
        item.setLabelFont(style.font(style.tick()));
        legend.add(item);
    }

    /** The chart with its legend outside the plot (to the right on screen, below on paper). */
    JFreeChart chart(boolean showLegend) {
        return chart(showLegend, false);
    }

    /** The chart: title, plot and legend, outside the plot or {@code inside} its top right corner. */
    JFreeChart chart(boolean showLegend, boolean inside) {
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(null, style.font(style.title()), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(style == Style.PAPER ? 2 : 8, 4, 4, style == Style.PAPER ? 4 : 10));
        if (title != null && !title.isBlank()) {
            TextTitle t = new TextTitle(title, style.font(style.title()).deriveFont(java.awt.Font.BOLD));
            chart.setTitle(t);
        }
        if (showLegend && legend.getItemCount() > 0) {
            LegendTitle l = new LegendTitle(plot);
            l.setItemFont(style.font(style.tick()));
            l.setFrame(style == Style.PAPER ? BlockBorder.NONE : new BlockBorder(new Color(0xcccccc)));
            l.setPosition(style == Style.PAPER ? RectangleEdge.BOTTOM : RectangleEdge.RIGHT);
            l.setItemLabelPadding(new RectangleInsets(1, 2, 1, 2));
            l.setBackgroundPaint(Color.WHITE);
            if (inside) {
                l.setFrame(new BlockBorder(new Color(0xcccccc)));
                plot.addAnnotation(new org.jfree.chart.annotations.XYTitleAnnotation(0.98, 0.98, l,
                        org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT));
            } else {
                chart.addLegend(l);
            }
        }
        return chart;
    }

    /** The x values of a curve drawn through {@code n} points from {@code lo} to {@code hi} (log-spaced). */
    static double[] grid(double lo, double hi, int n) {
        return Points.logspace(lo, hi, n);
    }

    /** Unzips {x, y} pairs. */
    static double[][] unzip(List<double[]> pts) {
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }
}
