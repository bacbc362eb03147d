package law.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text an SVG shows: the contents of its text elements, unescaped. */
final class SvgText {
    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

    private SvgText() {
    }

    static List<String> of(String svg) {
        List<String> out = new ArrayList<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            out.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&apos;", "'").replace("&amp;", "&"));
        }
        return out;
    }
}
