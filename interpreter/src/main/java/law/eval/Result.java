package law.eval;

import com.fasterxml.jackson.databind.JsonNode;
import law.diag.Span;

/**
 * What one statement printed: text for the terminal and a JSON twin for {@code --json}.
 *
 * @param span the statement
 * @param kind what kind of result ({@code value}, {@code law}, {@code expect}, {@code fit}, ...)
 * @param text the text shown on the terminal, without a trailing newline
 * @param json the JSON twin
 */
public record Result(Span span, String kind, String text, JsonNode json) {
}
