package org.pqipsec.kat.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pqipsec.provider.PQIPsecProvider;

/**
 * Installs the provider without code, as the README describes: a separate JVM (the java binary
 * of this test JVM) gets only {@code -Djava.security.properties=FILE} with one
 * {@code security.provider.N=PQIPsec} line, and the provider on the class path or the module
 * path. A small main class then calls {@code KEM.getInstance("X25519MLKEM768")} without naming a
 * provider and prints the provider's name, which {@code KEM} exposes through its encapsulator.
 */
class NoCodePluginTest {

    private static final String MAIN = """
            import java.security.KeyPair;
            import java.security.KeyPairGenerator;
            import javax.crypto.KEM;

            public class FindHybrid {
                public static void main(String[] args) throws Exception {
                    KEM kem = KEM.getInstance("X25519MLKEM768");
                    KeyPair keyPair =
                            KeyPairGenerator.getInstance("X25519MLKEM768").generateKeyPair();
                    System.out.println("provider="
                            + kem.newEncapsulator(keyPair.getPublic()).providerName());
                }
            }
            """;

    private static final Pattern PROVIDER_LINE =
            Pattern.compile("^security\\.provider\\.(\\d+)\\s*=", Pattern.MULTILINE);

    @TempDir
    Path work;

    @Test
    void classPathInstall() throws Exception {
        String output = run(List.of("-cp", providerLocation() + File.pathSeparator + compileMain(),
                "FindHybrid"));

        assertEquals("provider=" + PQIPsecProvider.NAME, output.strip());
    }

    @Test
    void modulePathInstall() throws Exception {
        String output = run(List.of("--module-path", providerLocation().toString(),
                "--add-modules", "org.pqipsec.provider", "-cp", compileMain().toString(),
                "FindHybrid"));

        assertEquals("provider=" + PQIPsecProvider.NAME, output.strip());
    }

    /**
     * Returns N for the new line: one past the highest {@code security.provider.N} of this JDK's
     * own {@code conf/security/java.security}, because the JDK ignores a line after a gap.
     */
    static int nextProviderNumber() throws IOException {
        Path file = Path.of(System.getProperty("java.home"), "conf", "security", "java.security");
        Matcher matcher = PROVIDER_LINE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        int last = 0;
        while (matcher.find()) {
            last = Math.max(last, Integer.parseInt(matcher.group(1)));
        }
        assertTrue(last > 0, "no security.provider lines in " + file);
        return last + 1;
    }

    /** Returns the provider's JAR or class folder, as the build put it on this test's path. */
    private static Path providerLocation() throws URISyntaxException {
        return Path.of(PQIPsecProvider.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
    }

    private Path compileMain() throws IOException {
        Path source = work.resolve("src/FindHybrid.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, MAIN, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(work.resolve("classes"));

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, status, "javac of FindHybrid failed");
        return classes;
    }

    private String run(List<String> arguments) throws Exception {
        Path properties = work.resolve("pqipsec.security");
        Files.writeString(properties, "security.provider." + nextProviderNumber() + "="
                + PQIPsecProvider.NAME + "\n", StandardCharsets.UTF_8);

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-Djava.security.properties=" + properties);
        command.addAll(arguments);

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "child JVM timed out: " + output);
        assertEquals(0, process.exitValue(), "child JVM failed: " + output);
        return output;
    }
}
