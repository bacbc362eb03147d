package law.plot;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;

/**
 * Draws one or more charts side by side into one picture: PNG (at the style's scale: 300 dpi for
 * paper), SVG (JFreeSVG: vector, text as text; sized in points for paper) or PDF (PDFBox's
 * Graphics2D: vector, one page the size of the figure).
 */
final class Canvas {
    static {
        // rotated text (the y axis title) as text, not as glyph outlines, so an SVG's text stays searchable
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private Canvas() {
    }

    /** Writes the panels, each {@code width / panels} wide, in the format {@code png}, {@code svg} or {@code pdf}. */
    static void write(List<JFreeChart> panels, int width, int height, Style style, String format, OutputStream out)
            throws IOException {
        switch (format) {
            case "svg" -> {
                SVGGraphics2D g = new SVGGraphics2D(width, height, style == Style.PAPER ? SVGUnits.PT : SVGUnits.PX);
                paint(g, panels, width, height);
                out.write(g.getSVGDocument().getBytes(StandardCharsets.UTF_8));
            }
            case "pdf" -> pdf(panels, width, height, style, out);
            default -> {
                double s = style.scale();
                BufferedImage image = new BufferedImage((int) Math.round(width * s), (int) Math.round(height * s),
                        BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                g.scale(s, s);
                paint(g, panels, width, height);
                g.dispose();
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG encoder");
                }
            }
        }
    }

    private static void pdf(List<JFreeChart> panels, int width, int height, Style style, OutputStream out)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
            paint(g, panels, width, height);
            g.dispose();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(g.getXFormObject());
            }
            doc.getDocumentInformation().setProducer("law");
            doc.save(out);
        }
    }

    private static void paint(Graphics2D g, List<JFreeChart> panels, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int n = panels.size();
        for (int i = 0; i < n; i++) {
            double x0 = (double) i * width / n;
            double w = (double) (i + 1) * width / n - x0;
            panels.get(i).draw(g, new Rectangle2D.Double(x0, 0, w, height));
        }
    }
}
