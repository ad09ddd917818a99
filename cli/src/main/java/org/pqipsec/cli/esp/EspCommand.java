package org.pqipsec.cli.esp;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pqipsec esp}: checks ESP captures from other IPsec stacks and builds new ones. */
@Command(
        name = "esp",
        mixinStandardHelpOptions = true,
        description = "Opens the ESP packets of a capture (esp open) or seals plain IP packets into ESP (esp seal).",
        subcommands = {EspOpenCommand.class, EspSealCommand.class, CommandLine.HelpCommand.class})
public final class EspCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Rejects {@code pqipsec esp} without a subcommand as invalid usage. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: open or seal");
    }
}
