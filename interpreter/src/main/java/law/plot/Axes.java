package law.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * JFreeChart's axes with the ticks of {@link LogTicks}: a logarithmic one (powers of ten, or
 * round numbers within two decades) and a linear one (4 to 9 labels at a 1-2-2.5-5 step, so a
 * residual axis is not crowded with a label every 0.005).
 */
final class Axes {
    private Axes() {
    }

    /** A base-10 log axis whose ticks are {@link LogTicks#of}. */
    static final class Log extends LogAxis {
        private static final long serialVersionUID = 1L;

        Log(String label) {
            super(label);
            setBase(10);
            setSmallestValue(1e-300);
        }

        @Override
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            return ticks(LogTicks.of(getLowerBound(), getUpperBound()), edge);
        }
    }

    /** A linear axis whose ticks are {@link LogTicks#linear}. */
    static final class Linear extends NumberAxis {
        private static final long serialVersionUID = 1L;

        Linear(String label) {
            super(label);
            setAutoRangeIncludesZero(false);
        }

        @Override
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            return ticks(LogTicks.linear(getLowerBound(), getUpperBound()), edge);
        }
    }

    private static List<NumberTick> ticks(List<LogTicks.Tick> ticks, RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        TextAnchor anchor = horizontal ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
                : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
        List<NumberTick> out = new ArrayList<>();
        for (LogTicks.Tick t : ticks) {
            out.add(new NumberTick(t.major() ? TickType.MAJOR : TickType.MINOR, t.value(), t.label(), anchor, anchor, 0));
        }
        return out;
    }
}
