/** The {@code law} command line (picocli): {@code run}, {@code check}, {@code -e}, {@code repl}. */
package law.cli;
