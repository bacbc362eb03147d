package law.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Printing: numbers, minimal parentheses, and round trips through a parser. */
class PrinterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0.5 | 0.5", "1e23 | 1e23", "406.4 | 406.4", "-3 | -3", "5.76e23 | 5.76e23", "1e-5 | 1e-5",
        "0.001 | 0.001", "1e6 | 1e6", "10000 | 10000", "12345678 | 12345678",
        "1.4e12 | 1.4e12", "7e10 | 7e10", "0.33917084 | 0.33917084", "2.5e-300 | 2.5e-300", "0 | 0",
    })
    void numbers(double value, String expected) {
        assertEquals(expected, Printer.print(Expr.num(value)));
        assertEquals(value, Double.parseDouble(expected));
    }

    @org.junit.jupiter.api.Test
    void arithmeticNoiseIsRoundedTo12Digits() {
        assertEquals("0.3", Printer.print(Expr.num(0.1 + 0.2)));
        assertEquals("138.176", Printer.print(Expr.num(406.4 * 0.34)));
    }

    @Test
    void nonFiniteNumbers() {
        assertEquals("1e999", Printer.print(Expr.num(Double.POSITIVE_INFINITY)));
        assertEquals("-1e999", Printer.print(Expr.num(Double.NEGATIVE_INFINITY)));
        assertEquals("nan", Printer.print(Expr.num(Double.NaN)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "(x + y) * z        | z * (x + y)",
        "(x + y)^2          | (x + y)^2",
        "x^(y + 1)          | x^(y + 1)",
        "x^y^z              | x^y^z",
        "(x^y)^z            | (x^y)^z",
        "(-x)^y             | (-x)^y",
        "-x^y               | -x^y",
        "-(x * y)           | -x * y",
        "x / (y * z)        | x / (y * z)",
        "x / (y + z)        | x / (y + z)",
        "x - (y + z)        | x - y - z",
        "2^-x               | 1 / 2^x",
        "(-2)^x             | (-2)^x",
        "x^(2 * y)          | x^(2 * y)",
        "exp(-x) * (1 - y)  | exp(-x) * (1 - y)",
        "-(x + 1) * y       | -y * (x + 1)",
        "(1 - x) * (-y - 1) | -(y + 1) * (1 - x)",
        "(x - 1)^-1         | -1 / (1 - x)",
        "(1 - x) * (x - 1)  | -(1 - x)^2",
        "(1 - x)^3 * y      | y * (1 - x)^3",
        "(x - 1) * y        | -y * (1 - x)",
        "(y - x) * z        | -z * (x - y)",
        "x / 0 / y          | x / 0 / y",
        "(-x - 1) * (-y - 1) * z | z * (x + 1) * (y + 1)",
        "x^(-alpha - 1)     | 1 / x^(alpha + 1)",
        "x^(1 - alpha)      | x^(1 - alpha)",
        "x / 7              | x / 7",
        "-1 / x             | -1 / x",
        "min(x, -y) / 2     | 0.5 * min(x, -y)",
    })
    void parentheses(String source, String expected) {
        assertEquals(expected, Printer.print(MiniParser.parse(source)));
    }

    /** Random expressions: printing is idempotent through the parser and keeps the value. */
    @Test
    void roundTripsThroughTheParser() {
        Random r = new Random(7);
        Map<String, Double> at = Map.of("x", 1.3, "y", 0.7, "z", 2.2);
        for (int i = 0; i < 2000; i++) {
            Expr e = RandomExpr.generate(r, 4).expr();
            String text = Printer.print(e);
            Expr back = MiniParser.parse(text);
            assertEquals(text, Printer.print(back), "reprint of " + text);
            double a = e.evaluate(at);
            double b = back.evaluate(at);
            if (!(Double.compare(a, b) == 0 || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)))) {
                fail(text + ": " + a + " vs " + b);
            }
        }
    }

    /** Simplification is sound: where the raw expression is defined, the simplified one agrees. */
    @Test
    void simplificationKeepsDefinedValues() {
        Random r = new Random(11);
        Map<String, Double> at = Map.of("x", 1.3, "y", 0.7, "z", 2.2);
        int checked = 0;
        for (int i = 0; i < 5000; i++) {
            RandomExpr.Pair p = RandomExpr.generate(r, 4);
            if (Double.isFinite(p.raw()) && Math.abs(p.raw()) < 1e6 && p.scale() < 1e6) {
                double v = p.expr().evaluate(at);
                if (!(Math.abs(v - p.raw()) <= 1e-9 * Math.max(1, p.scale()))) {
                    fail(p.expr() + " = " + v + " but the raw tree gives " + p.raw());
                }
                checked++;
            }
        }
        assertEquals(true, checked > 2000, "enough defined cases: " + checked);
    }

    @Test
    void printingIsDeterministic() {
        for (int i = 0; i < 3; i++) {
            Expr law = MiniParser.parse("E + A / N^alpha + B / D^beta");
            assertEquals("A * log(N)^2 / N^alpha", Printer.print(Derivative.second(law, "alpha", "alpha")));
        }
    }
}
