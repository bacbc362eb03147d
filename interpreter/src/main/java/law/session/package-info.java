/** The one entry point to the interpreter ({@code Session}), its outcomes and the exit codes. */
package law.session;
