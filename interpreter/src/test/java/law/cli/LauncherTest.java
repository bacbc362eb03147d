package law.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./law} launcher's start-up archive (class-data sharing): run by bash in a scratch copy
 * of the launcher with a stand-in {@code java} that logs its arguments, so each case takes
 * milliseconds and needs no real JVM. The archive must be recorded once per jar, mapped while it is
 * this jar's, this java's and whole, and never mapped (with the run going ahead unchanged) when the
 * java cannot make one.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
    private static final Path LAUNCHER = Path.of("../law");
    private static final String RECORD = "-XX:ArchiveClassesAtExit=";
    private static final String MAP = "-XX:SharedArchiveFile=";

    @TempDir
    Path dir;
    private Path jar;
    private Path jsa;
    private Path java;
    private Path log;

    @BeforeEach
    void setUp() throws IOException {
        Files.copy(LAUNCHER, dir.resolve("law"));
        jar = Files.createDirectories(dir.resolve("interpreter/target")).resolve("law.jar");
        Files.writeString(jar, "not a jar: the stand-in java never reads it");
        jsa = jar.resolveSibling("law.jsa");
        log = dir.resolve("java.log");
        java = Files.createDirectories(dir.resolve("bin")).resolve("java");
        javaThat("printf 'archive bytes' > \"${a#*=}\"");
    }

    /** Writes the stand-in java: logs its arguments, then runs {@code onRecord} with a = the recording flag. */
    private void javaThat(String onRecord) throws IOException {
        Files.writeString(java, "#!/bin/sh\nline=$(printf '%s ' \"$@\" | tr '\\n' ' ')\necho \"${line% }\" >> '" + log + "'\nfor a in \"$@\"; do\n  case \"$a\" in\n    "
                + RECORD + "*) " + onRecord + " ;;\n  esac\ndone\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs {@code ./law -e 'print 1'} with the stand-in java and returns the java command lines of that run. */
    private List<String> law(String... env) throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder("bash", dir.resolve("law").toString(), "-e", "print 1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PATH", java.getParent() + ":" + System.getenv("PATH"));
        pb.environment().remove("LAW_CDS");
        pb.environment().remove("JAVA_OPTS");
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        assertEquals(0, p.exitValue(), "launcher exit code");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static long count(List<String> runs, String flag) {
        return runs.stream().filter(r -> r.contains(flag)).count();
    }

    /** The last command line (the run itself) maps the archive. */
    private static boolean mapped(List<String> runs) {
        return runs.get(runs.size() - 1).contains(MAP);
    }

    @Test
    void recordsOncePerJarAndMapsTheArchiveOnEveryRun() throws Exception {
        List<String> first = law();
        assertEquals(1, count(first, RECORD), first.toString());
        assertTrue(mapped(first), first.toString());
        assertTrue(first.get(first.size() - 1).endsWith("-jar " + jar.toAbsolutePath() + " -e print 1"), first.toString());
        List<String> second = law();
        assertEquals(List.of(1L, true), List.of((long) second.size(), mapped(second)), second.toString());

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        List<String> rebuilt = law();
        assertEquals(1, count(rebuilt, RECORD), "a new jar gets a new recording: " + rebuilt);
        assertTrue(mapped(rebuilt));
    }

    @Test
    void aTruncatedOrMissingArchiveIsRecordedAgainNotMapped() throws Exception {
        law();
        Files.writeString(jsa, "arch");                  // shorter: mapping it would crash the JVM
        List<String> truncated = law();
        assertEquals(1, count(truncated, RECORD), truncated.toString());
        Files.delete(jsa);
        List<String> missing = law();
        assertEquals(1, count(missing, RECORD), missing.toString());
        assertTrue(mapped(missing));
    }

    @Test
    void aJavaThatCannotRecordRunsWithoutTheArchiveAndIsNotAskedAgain() throws Exception {
        javaThat("exit 1");
        List<String> first = law();
        assertEquals(1, count(first, RECORD));
        assertFalse(mapped(first), first.toString());
        List<String> second = law();
        assertEquals(List.of(0L, false), List.of(count(second, RECORD), mapped(second)), second.toString());
        assertFalse(Files.exists(jsa));

        javaThat(": records nothing, exits 0");          // an empty or absent archive is a failure too
        List<String> changed = law();
        assertEquals(1, count(changed, RECORD), "another java is asked again: " + changed);
        assertFalse(mapped(changed));

        javaThat("printf 'archive bytes' > \"${a#*=}\"");
        assertTrue(mapped(law()), "a java that can record gets its archive");
    }

    /** JAVA_OPTS comes after the launcher's own flags, so a user's flag overrides the launcher's (the JVM takes the last). */
    @Test
    void javaOptsOverrideTheLaunchersFlags() throws Exception {
        List<String> runs = law("LAW_CDS", "0", "JAVA_OPTS", "-XX:Tier4InvocationThreshold=5000 -Xss8m");
        String run = runs.get(runs.size() - 1);
        assertTrue(run.indexOf("-XX:Tier4InvocationThreshold=25000") < run.indexOf("-XX:Tier4InvocationThreshold=5000")
                && run.indexOf("-Xss64m") < run.indexOf("-Xss8m") && run.indexOf("-Xss8m") < run.indexOf("-jar"), run);
    }

    /**
     * A collector chosen in JAVA_OPTS replaces the launcher's parallel one (the JVM refuses two),
     * and a flag that only mentions GC in its name (UseGCOverheadLimit) does not.
     */
    @Test
    void aCollectorInJavaOptsReplacesTheLaunchers() throws Exception {
        String own = law("LAW_CDS", "0").get(0);
        assertTrue(own.contains("-XX:+UseParallelGC"), own);
        for (String gc : new String[] {"-XX:+UseSerialGC", "-Xmx1g -XX:+UseG1GC", "-XX:+UseZGC -Xss8m"}) {
            String run = law("LAW_CDS", "0", "JAVA_OPTS", gc).get(0);
            assertFalse(run.contains("UseParallelGC"), run);
            assertTrue(run.contains(gc), run);
        }
        String other = law("LAW_CDS", "0", "JAVA_OPTS", "-XX:+UseGCOverheadLimit").get(0);
        assertTrue(other.contains("-XX:+UseParallelGC"), other);
    }

    @Test
    void lawCds0TurnsTheArchiveOff() throws Exception {
        List<String> runs = law("LAW_CDS", "0");
        assertEquals(1, runs.size());
        assertFalse(runs.get(0).contains("SharedArchiveFile") || runs.get(0).contains("ArchiveClassesAtExit"),
                runs.toString());
        assertFalse(Files.exists(jsa));
    }

    /**
     * The training run the launcher records the archive with (a spec reading a CSV file, with a fit
     * under variable projection) runs cleanly (else no archive, silently).
     */
    @Test
    void theTrainingSpecRuns(@TempDir Path tmp) throws IOException {
        String launcher = Files.readString(LAUNCHER);
        int from = launcher.indexOf("<<'LAW'\n") + "<<'LAW'\n".length();
        String spec = launcher.substring(from, launcher.indexOf("\nLAW\n", from));
        assertTrue(spec.contains("fit ") && spec.contains("csv(\"train.csv\")"), spec);
        int data = launcher.indexOf("printf '", launcher.indexOf("training_data()")) + "printf '".length();
        String csv = launcher.substring(data, launcher.indexOf("'", data)).replace("\\n", "\n");
        assertTrue(csv.startsWith("x,y,u\n"), csv);
        Path file = tmp.resolve("train.law");
        Files.writeString(file, spec + "\n");
        Files.writeString(tmp.resolve("train.csv"), csv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"run", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, said);
        assertFalse(said.contains("warning"), said);
        assertTrue(said.contains("ok: g.b"), said);
        assertTrue(said.contains("e, a solved exactly"), "the training covers variable projection: " + said);
    }
}
