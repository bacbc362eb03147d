/**
 * Data stage: turns users' CSV, JSON and inline tables of training runs into clean, immutable
 * numeric and text columns, and transforms them (bindings, derived columns, filters, outlier drops,
 * de-duplication, the NaN policy, grouping, simulation) without ever silently corrupting a number.
 *
 * <p>Entry points: {@link law.data.CsvReader}, {@link law.data.JsonReader},
 * {@link law.data.InlineTable} and {@link law.data.Simulation} produce a {@link law.data.Table};
 * every operation on a table returns a new table that remembers how many rows it dropped and why
 * ({@link law.data.DropStep}); {@link law.data.TableSummary} renders it for {@code print}. Problems
 * are {@link law.data.DataException}s carrying a stable {@link law.data.DataError} code, the source,
 * the row (a file line where known) and the column.
 *
 * <p><b>Cell rules.</b> A cell is <i>numeric-like</i> when, after trimming spaces, it is empty
 * (a missing value, NaN), a decimal number with optional exponent ({@code 3.1}, {@code 1e+20}), a
 * number with a count suffix {@code k M B T P} ({@code 2.8B} = 2.8e9, {@code 1.4T}), a boolean
 * ({@code True}/{@code False}/{@code true}/{@code false}/{@code TRUE}/{@code FALSE} = 1/0),
 * {@code NaN} in any case, or {@code inf}/{@code infinity} in any case with an optional sign.
 *
 * <p><b>Column rule.</b> A column read from a file is numeric when every one of its cells is
 * numeric-like; otherwise it is a text column and keeps every cell's text. A text column can still
 * be used as a number: {@link law.data.Table#numeric(String)} then reads each cell by the rules
 * above and reports the first cell that is not a number as error {@code L0408}, naming the file,
 * line, column and cell. So a mostly numeric column with one stray word never turns into silent
 * garbage, a real text column such as {@code dataset} works in filters, and a column the user never
 * touches cannot stop a file from loading. The check applies to the rows that are left, so a column
 * that mixes labels and numbers (e.g. {@code Model} in {@code benchmark.lang.csv}) is usable as a
 * number once a filter keeps only its numeric rows.
 *
 * <p><b>Missing values.</b> Readers keep NaN and infinite cells as they are; the {@code data}
 * statement applies {@link law.data.Table#nanPolicy(law.data.NanPolicy, java.util.Collection)} to
 * the columns it uses ({@code ERROR}, the default, reports the first such cell; {@code DROP} drops
 * and counts the rows). A sensible order for a data block: bindings, the NaN policy on the bound
 * source columns, derived columns (whose non-finite values are errors naming the row), then
 * {@code where}, {@code drop} and {@code dedup} in the order written.
 *
 * <p>This package depends on no other {@code law.*} package: expressions reach it as callbacks
 * ({@code Function<Table, double[]>} for whole columns, or per-{@link law.data.Row} functions).
 */
package law.data;
