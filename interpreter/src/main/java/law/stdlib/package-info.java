/** The standard library's documentation: {@code law doc NAME} and the generated {@code docs/stdlib.md}. */
package law.stdlib;
