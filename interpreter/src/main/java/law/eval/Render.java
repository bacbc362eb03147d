package law.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import law.expr.Printer;
import law.model.Law;
import law.model.Param;
import law.report.Fmt;

/** Text and JSON renderings of values, as statements print them. */
public final class Render {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Render() {
    }

    /** The text {@code print} shows for a value. */
    public static String text(Value v) {
        if (v instanceof Value.Scalar s) {
            return s.isNumber() ? Fmt.num(s.number()) : Printer.print(s.expr());
        } else if (v instanceof Value.Items is) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < is.items().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(text(new Value.Scalar(is.items().get(i))));
            }
            return b.append(']').toString();
        } else if (v instanceof Value.Text t) {
            return t.text();
        } else if (v instanceof Value.LawRef l) {
            return law(l.law());
        } else if (v instanceof Value.Rec r) {
            return record(r);
        }
        return ((Value.Other) v).render();
    }

    private static String record(Value.Rec r) {
        if (r.kind().equals("prediction")) {
            Value of = r.fields().get("of");
            String head = (of instanceof Value.Text t ? t.text() + " = " : "") + text(r.fields().get("value"));
            if (r.fields().containsKey("pi_low")) {
                return head + "  " + Fmt.num(100 * number(r, "level"), 4) + "% PI [" + Fmt.num(number(r, "pi_low"), 4)
                        + ", " + Fmt.num(number(r, "pi_high"), 4) + "]  (" + text(r.fields().get("method")) + ")";
            }
            return head + (r.fields().containsKey("ci_low") ? "  " + interval(r) + "  (" + method(r) + ")" : "");
        }
        if (isEstimate(r)) {
            return text(r.fields().get(r.primary())) + "  " + interval(r) + "  (" + method(r) + ")";
        }
        if (r.primary() != null && (r.kind().equals("parameter") || r.kind().equals("exponent"))) {
            StringBuilder b = new StringBuilder(text(r.fields().get(r.primary())));
            r.fields().forEach((k, x) -> {
                if (!k.equals(r.primary())) {
                    b.append("  ").append(k).append(" = ").append(text(x));
                }
            });
            return b.toString();
        }
        int width = r.fields().keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder b = new StringBuilder();
        java.util.Set<String> methods = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, Value> e : r.fields().entrySet()) {
            b.append(b.length() == 0 ? "" : "\n").append(pad(e.getKey(), width)).append(" = ");
            if (e.getValue() instanceof Value.Rec est && isEstimate(est)) {
                b.append(pad(text(est.fields().get("value")), 16)).append("  ").append(interval(est));
                methods.add(Fmt.num(100 * number(est, "level"), 4) + "%, " + method(est));
            } else {
                b.append(text(e.getValue()));
            }
        }
        methods.forEach(m -> b.append("\nintervals: ").append(m));
        return b.toString();
    }

    /** A record with a value and an interval and its method (what {@code predict}, {@code optimal} give). */
    private static boolean isEstimate(Value.Rec r) {
        return "value".equals(r.primary()) && r.fields().containsKey("ci_low") && r.fields().containsKey("method");
    }

    /** {@code 95% CI [1.952, 2.002]}. */
    private static String interval(Value.Rec r) {
        return Fmt.num(100 * number(r, "level"), 4) + "% CI [" + Fmt.num(number(r, "ci_low"), 4) + ", "
                + Fmt.num(number(r, "ci_high"), 4) + "]";
    }

    /** {@code delta method on the log scale}, {@code bootstrap percentiles over 1000 replicates}. */
    private static String method(Value.Rec r) {
        if (r.fields().get("method") instanceof Value.Text t && t.text().equals("bootstrap")) {
            return "bootstrap percentiles over " + Fmt.num(number(r, "replicates")) + " replicates";
        }
        return r.fields().get("scale") instanceof Value.Text t && t.text().equals("log")
                ? "delta method on the log scale" : "delta method";
    }

    private static double number(Value.Rec r, String field) {
        return r.fields().get(field) instanceof Value.Scalar s && s.isNumber() ? s.number() : Double.NaN;
    }

    /** A law's signature, body and parameter table. */
    public static String law(Law law) {
        if (law.fitted() != null) {
            return law.fitted().report();
        }
        StringBuilder b = new StringBuilder("law ").append(law.signature()).append(" = ")
                .append(Printer.print(law.body()));
        int width = law.params().stream().mapToInt(p -> p.name().length()).max().orElse(0);
        for (Param p : law.params()) {
            Double value = law.values().get(p.name());
            String domain = p.domain().describe();
            b.append("\n  ").append(pad(p.name(), width)).append("  ")
                    .append(value != null ? pad("= " + Fmt.num(value), 16) : pad("(free)", 16))
                    .append(domain.isEmpty() ? "" : "  " + domain);
        }
        if (law.cite() != null) {
            b.append("\n  cite: ").append(law.cite());
        }
        return b.toString();
    }

    /** The JSON twin of a value. */
    public static JsonNode json(Value v) {
        if (v instanceof Value.Scalar s) {
            return s.isNumber() ? number(s.number()) : JSON.textNode(Printer.print(s.expr()));
        } else if (v instanceof Value.Items is) {
            ArrayNode a = JSON.arrayNode();
            is.items().forEach(x -> a.add(json(new Value.Scalar(x))));
            return a;
        } else if (v instanceof Value.Text t) {
            return JSON.textNode(t.text());
        } else if (v instanceof Value.LawRef l) {
            if (l.law().fitted() instanceof JsonRenderable j) {
                return j.json();
            }
            return lawJson(l.law());
        } else if (v instanceof Value.Rec r) {
            ObjectNode o = JSON.objectNode();
            r.fields().forEach((k, x) -> o.set(k, k.equals("replicates") && x instanceof Value.Scalar c && c.isNumber()
                    ? law.report.Json.count(c.number()) : json(x)));
            return o;
        }
        if (v instanceof JsonRenderable j) {
            return j.json();
        }
        return JSON.textNode(((Value.Other) v).render());
    }

    /** A number as JSON; non-finite numbers become the strings {@code "nan"}, {@code "inf"}, {@code "-inf"}. */
    public static JsonNode number(double x) {
        return law.report.Json.number(x);
    }

    /**
     * The kind of result a value is, as {@code --json} names it: {@code fit} for a fitted law,
     * otherwise {@link Value#kindName()} ({@code number}, {@code law}, {@code optimal}, ...).
     */
    public static String kind(Value v) {
        return v instanceof Value.LawRef l && l.law().fitted() != null ? "fit" : v.kindName();
    }

    private static ObjectNode lawJson(Law law) {
        ObjectNode o = JSON.objectNode();
        o.put("law", law.name());
        ArrayNode vars = o.putArray("variables");
        law.vars().forEach(vars::add);
        o.put("body", Printer.exact(law.body()));
        ArrayNode params = o.putArray("parameters");
        for (Param p : law.params()) {
            ObjectNode po = params.addObject();
            po.put("name", p.name());
            po.set("domain", domain(p.domain()));
            Double value = law.values().get(p.name());
            po.set("value", value == null ? JSON.nullNode() : number(value));
        }
        if (law.cite() != null) {
            o.put("cite", law.cite());
        }
        return o;
    }

    /** A domain as JSON: {@code {"lo": 0, "lo_closed": false, "hi": "inf", "hi_closed": false, "text": "> 0"}}. */
    public static ObjectNode domain(law.model.Domain d) {
        ObjectNode o = JSON.objectNode();
        o.set("lo", number(d.lo()));
        o.put("lo_closed", d.loClosed());
        o.set("hi", number(d.hi()));
        o.put("hi_closed", d.hiClosed());
        o.put("text", d.describe());
        return o;
    }

    /** Values of later stages that have a JSON form of their own. */
    public interface JsonRenderable {
        /** The JSON twin. */
        JsonNode json();
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
