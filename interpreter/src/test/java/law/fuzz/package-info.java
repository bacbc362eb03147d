/**
 * Coverage-guided fuzz targets (Jazzer) for the parser and the whole session. In a normal
 * {@code mvn test} they replay their seed corpus and every input the fuzzer ever found as
 * regression tests; with {@code JAZZER_FUZZ=1} they fuzz (see {@code docs/security.md}).
 */
package law.fuzz;
