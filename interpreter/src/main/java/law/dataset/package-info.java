/**
 * The {@code data} statement: turns a spec's data block into a {@link law.dataset.Dataset}
 * using the loading and cleaning of {@code law.data}, with data errors reported at the spec line
 * that asked for the data.
 */
package law.dataset;
