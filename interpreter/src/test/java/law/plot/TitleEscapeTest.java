package law.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** Plot titles quote a spec's strings: control characters are drawn (and written to SVG) escaped, never raw. */
class TitleEscapeTest {
    @Test
    void titlesAreEscaped() {
        Figure f = new Figure(Style.SCREEN, "fit\u001b]0;PWNED\u0007", "N\u001b[2J", "L\u202e", true, true,
                new double[] {1, 10}, new double[] {1, 10});
        JFreeChart c = f.chart(Legend.NONE, 400, 300);
        assertEquals("fit\\u001b]0;PWNED\\u0007", c.getTitle().getText());
        assertEquals("N\\u001b[2J", c.getXYPlot().getDomainAxis().getLabel());
        assertEquals("L\\u202e", c.getXYPlot().getRangeAxis().getLabel());
    }
}
