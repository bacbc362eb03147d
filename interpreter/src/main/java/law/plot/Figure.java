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
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
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
 * One panel of a figure drawn with JFreeChart: axes with {@link Axes}' ticks, layers of points,
 * lines and bands, and a legend built from explicit entries, so that every colour and line style
 * is named. Several panels side by side share one y axis, one title and one legend
 * ({@link #combined}).
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
        // titles may quote a spec's strings: control characters are shown escaped, never drawn or written raw
        this.title = title == null ? null : law.diag.Escape.line(title);
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
        plot.setDomainMinorGridlinePaint(minor);
        plot.setRangeMinorGridlinePaint(minor);
        plot.setDomainMinorGridlineStroke(thin);
        plot.setRangeMinorGridlineStroke(thin);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    private ValueAxis axis(String label, boolean log, double[] range) {
        String shown = label == null ? null : law.diag.Escape.line(label);
        ValueAxis a = log ? new Axes.Log(shown) : new Axes.Linear(shown);
        a.setLabelFont(style.font(style.label()));
        a.setTickLabelFont(style.font(style.tick()));
        a.setMinorTickMarksVisible(true);
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

    /** Points at ({@code xs}, {@code ys}) with vertical bars from {@code lo} to {@code hi} (intervals). */
    void bars(double[] xs, double[] ys, double[] lo, double[] hi, Color c, Shape shape) {
        YIntervalSeries s = new YIntervalSeries("bars " + layers, false, true);
        for (int i = 0; i < xs.length; i++) {
            s.add(xs[i], ys[i], lo[i], hi[i]);
        }
        YIntervalSeriesCollection d = new YIntervalSeriesCollection();
        d.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        r.setSeriesPaint(0, c);
        r.setSeriesShape(0, shape);
        r.setErrorPaint(Style.alpha(c, 170));
        r.setErrorStroke(new BasicStroke(style == Style.PAPER ? 0.5f : 1.2f));
        r.setCapLength(style == Style.PAPER ? 2 : 5);
        plot.setDataset(layers, d);
        plot.setRenderer(layers, r);
        layers++;
    }

    /** A filled band from {@code lo} to {@code hi} without a centre line (drawn separately, in its line style). */
    void fill(double[] xs, double[] lo, double[] hi, Color c) {
        YIntervalSeries s = new YIntervalSeries("fill " + layers, false, true);
        for (int i = 0; i < xs.length; i++) {
            s.add(xs[i], 0.5 * (lo[i] + hi[i]), lo[i], hi[i]);
        }
        DeviationRenderer r = new DeviationRenderer(false, false);
        r.setSeriesPaint(0, c);
        r.setSeriesFillPaint(0, c);
        r.setAlpha(0.16f);
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

    /** The chart, {@code width} × {@code height} units, with its title and legend where {@code where} says. */
    JFreeChart chart(Legend where, double width, double height) {
        plot.setFixedLegendItems(legend);
        minorGrid(plot, plot.getDomainAxis(), plot.getRangeAxis());
        return finish(style, title, plot, plot, plot.getRangeAxis(), where, width, height);
    }

    /**
     * Panels side by side with the first one's y axis, {@code title} above them all and the
     * legend of the last one (to its right, below, or inside its emptiest corner).
     */
    static JFreeChart combined(List<Figure> panels, String title, Legend where, double width, double height) {
        Figure first = panels.get(0);
        CombinedRangeXYPlot all = new CombinedRangeXYPlot(first.plot.getRangeAxis());
        all.setGap(first.style == Style.PAPER ? 6 : 14);
        for (Figure f : panels) {
            minorGrid(f.plot, f.plot.getDomainAxis(), all.getRangeAxis());
            all.add(f.plot);
        }
        Figure last = panels.get(panels.size() - 1);
        all.setFixedLegendItems(last.legend);
        return finish(first.style, title, all, last.plot, all.getRangeAxis(), where, width, height);
    }

    /** Minor gridlines on an axis of at most three decades (a grid line per 2..9 over more is clutter). */
    private static void minorGrid(XYPlot p, ValueAxis x, ValueAxis y) {
        p.setDomainMinorGridlinesVisible(x instanceof Axes.Log && x.getUpperBound() / x.getLowerBound() <= 1e3);
        p.setRangeMinorGridlinesVisible(y instanceof Axes.Log && y.getUpperBound() / y.getLowerBound() <= 1e3);
    }

    private static JFreeChart finish(Style style, String title, Plot whole, XYPlot legendPanel, ValueAxis yAxis,
                                     Legend where, double width, double height) {
        JFreeChart chart = new JFreeChart(null, style.font(style.title()), whole, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(style == Style.PAPER ? 2 : 8, 4, 4, style == Style.PAPER ? 4 : 10));
        if (title != null && !title.isBlank()) {
            chart.setTitle(new TextTitle(title, style.font(style.title()).deriveFont(java.awt.Font.BOLD)));
        }
        if (where == Legend.NONE || whole.getLegendItems().getItemCount() == 0) {
            return chart;
        }
        LegendTitle l = where == Legend.INSIDE ? new LegendTitle(whole, new ColumnArrangement(), new ColumnArrangement())
                : new LegendTitle(whole);
        l.setItemFont(style.font(style.tick()));
        l.setItemLabelPadding(new RectangleInsets(1, 2, 1, 2));
        l.setBackgroundPaint(Color.WHITE);
        if (where == Legend.INSIDE) {
            double edge = style == Style.PAPER ? 0.4 : 1;
            l.setFrame(new BlockBorder(edge, edge, edge, edge, new Color(0xbbbbbb)));
            l.setMargin(new RectangleInsets(1, 1, 1, 1));
            l.setBackgroundPaint(new Color(255, 255, 255, 225));
            LegendCorner.place(chart, legendPanel, yAxis, l, width, height);
        } else {
            l.setFrame(style == Style.PAPER ? BlockBorder.NONE : new BlockBorder(new Color(0xcccccc)));
            l.setPosition(where == Legend.BELOW ? RectangleEdge.BOTTOM : RectangleEdge.RIGHT);
            chart.addLegend(l);
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
