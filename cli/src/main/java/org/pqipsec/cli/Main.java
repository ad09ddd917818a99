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
            CommandLine target = failed.getCommand() instanceof CommandLine.HelpCommand ? failed.getParent() : failed;
            err.println("Run '" + helpCommand(target) + "' for the "
                    + (target.getSubcommands().isEmpty() ? "options." : "commands."));
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        describeHelpCommand(commandLine);
        return commandLine;
    }

    /**
     * Returns the help form that the README uses for {@code command}: {@code pqipsec help},
     * {@code pqipsec help demo}, {@code pqipsec esp help open}.
     */
    static String helpCommand(CommandLine command) {
        CommandLine parent = command.getParent();
        if (parent == null) {
            return command.getCommandName() + " help";
        }
        return parent.getCommandSpec().qualifiedName() + " help " + command.getCommandName();
    }

    /** Describes each built-in {@code help} subcommand in the verb form of the other commands. */
    private static void describeHelpCommand(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getCommand() instanceof CommandLine.HelpCommand) {
                sub.getCommandSpec().usageMessage().description("Prints the help text of a command.");
            } else {
                describeHelpCommand(sub);
            }
        }
    }
}
