package org.openamr.cli.modbus;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.openamr.acquisition.modbus.ChannelFailureException;
import org.openamr.acquisition.modbus.ModbusMaster;
import org.openamr.acquisition.modbus.ModbusSettings;
import org.openamr.acquisition.modbus.SlaveRefusedException;
import org.openamr.acquisition.modbus.UnitScan;
import org.openamr.cli.bus.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openamr modbus scan}: which unit ids answer on a channel. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Find the unit ids that answer on a Modbus channel: one read of holding register 0 each.",
                "Поиск адресов устройств, отвечающих на канале Modbus: по одному чтению регистра 0 каждого."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scanned (also when no unit answered)", "2:usage or channel error"})
public final class ModbusScanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ADDRESS", description = ChannelOptions.ADDRESS_HELP)
    String address;

    @Option(names = "--from", paramLabel = "N", description = "First unit id (default ${DEFAULT-VALUE}).")
    int from = UnitScan.FIRST_UNIT;

    @Option(names = "--to", paramLabel = "N", description = "Last unit id (default ${DEFAULT-VALUE}).")
    int to = UnitScan.LAST_UNIT;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Wait for each unit's answer, e.g. 200ms, 1s (default 200ms; on a serial line the answer's"
                    + " time on the wire is added).")
    String timeout;

    @Option(names = "--attempts", paramLabel = "N", description = "Tries per unit id (default 1).")
    Integer attempts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (from < UnitScan.FIRST_UNIT || to > UnitScan.LAST_UNIT || from > to) {
            throw new IllegalArgumentException("--from and --to give a range within " + UnitScan.FIRST_UNIT + "-"
                    + UnitScan.LAST_UNIT + ", got " + from + "-" + to);
        }
        ProgressBar bar = new ProgressBar(err);
        UnitScan.Result result;
        try (ModbusMaster master = ChannelOptions.open(address, ModbusSettings.SCAN, timeout, attempts)) {
            int[] found = {0};
            result = UnitScan.run(master, from, to, (p, done, total) -> {
                found[0] += p.outcome().present() ? 1 : 0;
                bar.show(done / (double) total, "unit " + p.unit() + ", " + found[0] + " found");
            });
            bar.finish();
        } catch (ChannelFailureException e) {
            bar.finish();
            err.println("openamr modbus scan: " + e.getMessage());
            return 2;
        }
        for (UnitScan.Probe p : result.garbled()) {
            err.println("unit " + p.unit() + ": garbled answer, two units may share the id: "
                    + p.failure().map(Throwable::getMessage).orElse(""));
        }
        for (UnitScan.Probe p : result.probes()) {
            if (p.outcome() == UnitScan.Outcome.UNREACHABLE) {
                err.println("unit " + p.unit() + ": the gateway could not reach it ("
                        + p.failure().map(Throwable::getMessage).orElse("") + ")");
            }
        }
        err.printf("%d unit id(s) tried with %d request(s) in %.1f s%n", result.tried(), result.requests(),
                result.elapsed().toMillis() / 1000.0);
        print(out, result.probes().stream().filter(p -> p.outcome().present()).toList());
        return 0;
    }

    private static void print(PrintWriter out, List<UnitScan.Probe> found) {
        out.printf("%4s  %s%n", "unit", "answer");
        for (UnitScan.Probe p : found) {
            String answer = p.failure().filter(SlaveRefusedException.class::isInstance)
                    .map(e -> "exception " + describe((SlaveRefusedException) e)).orElse("registers");
            out.printf("%4d  %s%n", p.unit(), answer);
        }
        out.printf("%d unit(s)%n", found.size());
        out.flush();
    }

    private static String describe(SlaveRefusedException e) {
        return e.code().map(c -> c.describe()).orElse(String.format("%02X", e.rawCode()));
    }
}
