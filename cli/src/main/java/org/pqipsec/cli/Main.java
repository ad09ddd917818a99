package org.pqipsec.cli;

import org.pqipsec.cli.demo.DemoCommand;
import org.pqipsec.cli.keys.KeysCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code pqipsec} command. */
@Command(
        name = "pqipsec",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Post-quantum IPsec for the JVM: hybrid IKEv2 key exchange and ESP.",
        subcommands = {DemoCommand.class, KeysCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /**
     * Runs the command line and exits with its code: 0 on success, 1 when the work failed,
     * 2 for invalid usage, 3 when {@code --strict} found frames that could not be carried.
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code instead of exiting. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
