package org.pqipsec.cli;

import java.io.PrintWriter;

import org.pqipsec.cli.demo.DemoCommand;
import org.pqipsec.cli.esp.EspCommand;
import org.pqipsec.cli.keys.KeysCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code pqipsec} command. */
@Command(
        name = "pqipsec",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Post-quantum IPsec for the JVM: hybrid IKEv2 key exchange and ESP.",
        subcommands = {DemoCommand.class, KeysCommand.class, EspCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /**
     * Runs the command line and exits with its code: 0 on success, 1 when the work failed,
     * 2 for invalid usage, 3 when {@code --strict} found frames that could not be carried,
     * sealed or opened.
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code instead of exiting. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * Returns the configured command line. Invalid usage prints one line naming the problem and
     * where to find the options, not the whole usage text.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            PrintWriter err = failed.getErr();
            err.println(failed.getCommandSpec().qualifiedName() + ": " + exception.getMessage());
            if (failed.getParent() == null) {
                err.println("Run 'pqipsec --help' for the commands.");
            } else if (failed.getParent().getParent() == null) {
                err.println("Run 'pqipsec help " + failed.getCommandName() + "' for the options.");
            } else {
                err.println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            }
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        return commandLine;
    }
}
