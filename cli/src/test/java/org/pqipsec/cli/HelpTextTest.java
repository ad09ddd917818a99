package org.pqipsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The help pages and usage hints of every {@code pqipsec} command. */
class HelpTextTest {

    /** A word with an inner dot, such as esp.pcap, §2.2.1 or 198.51.100.1. */
    private static final Pattern DOTTED_WORD = Pattern.compile("[\\p{L}\\p{N}§_-]+(?:\\.[\\p{L}\\p{N}_-]+)+");

    @Test
    void helpKeepsDottedWordsOnOneLine() {
        for (CommandLine command : allCommands()) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String word : dottedWords(command)) {
                for (int dot = word.indexOf('.'); dot >= 0; dot = word.indexOf('.', dot + 1)) {
                    Pattern split = Pattern.compile(Pattern.quote(word.substring(0, dot + 1)) + "\\R\\s*"
                            + Pattern.quote(word.substring(dot + 1)));

                    assertFalse(split.matcher(help).find(), command.getCommandSpec().qualifiedName() + ": "
                            + word + " is split across lines:\n" + help);
                }
            }
        }
    }

    @Test
    void commandDescriptionsStartWithThirdPersonVerb() {
        for (CommandLine command : allCommands()) {
            if (command.getParent() == null) {
                continue;
            }
            String description = command.getCommandSpec().usageMessage().description()[0];
            String verb = description.substring(0, description.indexOf(' '));

            assertTrue(verb.endsWith("s"), command.getCommandSpec().qualifiedName() + ": " + description);
        }
    }

    @Test
    void usageHintsUseHelpSubcommand() {
        Map<String, String> hints = Map.of(
                "--no-such-option", "Run 'pqipsec help' for the commands.",
                "demo --no-such-option", "Run 'pqipsec help demo' for the options.",
                "keys --no-such-option", "Run 'pqipsec help keys' for the options.",
                "esp --no-such-option", "Run 'pqipsec help esp' for the commands.",
                "esp open --no-such-option", "Run 'pqipsec esp help open' for the options.",
                "esp seal --no-such-option", "Run 'pqipsec esp help seal' for the options.");

        for (Map.Entry<String, String> hint : hints.entrySet()) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = Main.commandLine();
            commandLine.setOut(new PrintWriter(new StringWriter(), true));
            commandLine.setErr(new PrintWriter(err, true));

            int exitCode = commandLine.execute(hint.getKey().split(" "));

            assertEquals(2, exitCode, hint.getKey());
            List<String> lines = err.toString().lines().toList();
            assertEquals(hint.getValue(), lines.get(lines.size() - 1), hint.getKey());
        }
    }

    @Test
    void espSpiOptionsStateReservedRange() {
        CommandLine keys = Main.commandLine().getSubcommands().get("keys");

        for (String name : List.of("--esp-spi-i", "--esp-spi-r")) {
            String description = String.join(" ", keys.getCommandSpec().findOption(name).description());

            assertTrue(description.contains("not 00000000 to 000000ff"), name + ": " + description);
        }
    }

    @Test
    void demoStrictMentionsEmptyCapture() {
        CommandLine demo = Main.commandLine().getSubcommands().get("demo");
        String description = String.join(" ", demo.getCommandSpec().findOption("--strict").description());

        assertTrue(description.contains("or when the capture has no frame that could be"), description);
    }

    private static List<CommandLine> allCommands() {
        List<CommandLine> commands = new ArrayList<>();
        addWithSubcommands(Main.commandLine(), commands);
        return commands;
    }

    private static void addWithSubcommands(CommandLine command, List<CommandLine> commands) {
        commands.add(command);
        for (CommandLine sub : command.getSubcommands().values()) {
            addWithSubcommands(sub, commands);
        }
    }

    private static List<String> dottedWords(CommandLine command) {
        StringBuilder text = new StringBuilder(String.join(" ", command.getCommandSpec().usageMessage().description()));
        for (OptionSpec option : command.getCommandSpec().options()) {
            text.append(' ').append(String.join(" ", option.description()));
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            text.append(' ').append(String.join(" ", sub.getCommandSpec().usageMessage().description()));
        }
        List<String> words = new ArrayList<>();
        Matcher matcher = DOTTED_WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
