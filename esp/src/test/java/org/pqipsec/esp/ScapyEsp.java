package org.pqipsec.esp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/python/scapy_esp.py} under Debian's Python, which has Debian's
 * {@code python3-scapy}, with one JSON request per line, and returns the parsed replies.
 */
final class ScapyEsp {

    /** Debian's interpreter; a {@code python3} earlier on PATH may lack the Debian packages. */
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final Path SCRIPT = Path.of("src/test/python/scapy_esp.py");

    private ScapyEsp() {
    }

    static List<Map<?, ?>> run(List<String> requests) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing: install Debian's python3 and python3-scapy"
                    + " (apt-get install python3-scapy), or run ./run-tests, which installs them");
        }
        Process process = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString())
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        try (var stdin = process.getOutputStream()) {
            stdin.write((String.join("\n", requests) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("scapy_esp.py did not finish within 2 minutes");
        }
        if (process.exitValue() != 0) {
            fail("scapy_esp.py exited with " + process.exitValue() + ": " + stderr.strip());
        }
        List<Map<?, ?>> replies = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                replies.add((Map<?, ?>) JsonReader.parse(line));
            }
        }
        if (replies.size() != requests.size()) {
            fail("scapy_esp.py answered " + replies.size() + " of " + requests.size() + " requests: " + stderr);
        }
        return replies;
    }
}
