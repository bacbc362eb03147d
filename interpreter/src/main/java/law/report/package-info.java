/** Formatting shared by everything law prints. */
package law.report;
