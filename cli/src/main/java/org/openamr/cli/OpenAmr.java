package org.openamr.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.openamr.cli.bus.ReadCommand;
import org.openamr.cli.bus.ScanCommand;
import org.openamr.cli.collect.CollectCommand;
import org.openamr.cli.decode.DecodeCommand;
import org.openamr.cli.listen.ListenCommand;
import org.openamr.cli.modbus.ModbusCommand;
import org.openamr.cli.server.DemoCommand;
import org.openamr.cli.server.ServerCommand;
import org.openamr.cli.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code openamr} command. Subcommands assemble the libraries and applications. */
@Command(name = "openamr", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"OpenAMR: automatic meter reading for heat and water meters.",
                "OpenAMR: автоматизированный сбор показаний счётчиков тепла и воды."},
        subcommands = {DecodeCommand.class, ListenCommand.class, ScanCommand.class, ReadCommand.class, ModbusCommand.class, SimulateCommand.class,
                ServerCommand.class, DemoCommand.class, CollectCommand.class, CommandLine.HelpCommand.class})
public final class OpenAmr {

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Error e) {
            // Errors escape picocli's handler; still one line, and the cause for a bug report.
            System.err.println("openamr: internal error: " + e + (e.getCause() != null ? " caused by " + e.getCause() : ""));
            code = 3;
        }
        System.exit(code);
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new OpenAmr());
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --lang ru, as users type it
        // Units such as °C and Russian text must not depend on the platform charset.
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((e, args) -> {
            // A value an option does not take (--lang de, --mode t2): one line naming the option and what it
            // takes, rather than the whole usage help below the message.
            if (e.getCause() instanceof CommandLine.TypeConversionException why
                    && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
                String name = option.longestName();
                e.getCommandLine().getErr().println(e.getCommandLine().getCommandSpec().qualifiedName() + ": "
                        + (why.getMessage().contains(name) ? "" : name + ": ") + why.getMessage());
                return 2;
            }
            return usage.handleParseException(e, args);
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // A user never sees a stack trace: one line saying what went wrong.
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return 2;
        });
        return cl;
    }
}
