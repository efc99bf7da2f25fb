package org.openamr.cli.bus;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.ManufacturerCode;
import org.openamr.mbus.app.Medium;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.Address;
import org.openamr.mbus.master.ChannelFailureException;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.SelectOutcome;
import org.openamr.mbus.search.FoundMeter;
import org.openamr.mbus.search.PrimaryScan;
import org.openamr.mbus.search.SearchListener;
import org.openamr.mbus.search.SecondarySearch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openamr scan}: find the meters on a bus. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Find the meters on a bus: by secondary address (default) or by primary address.",
                "Поиск счётчиков на шине по вторичному (по умолчанию) или первичному адресу."})
public final class ScanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CHANNEL", description = "Serial port (/dev/ttyUSB0) or tcp://host:port.")
    String channel;

    static final class Mode {
        @Option(names = "--primary", description = "Try every primary address " + Address.UNCONFIGURED + "-" + Address.MAX_PRIMARY + ".")
        boolean primary;
        @Option(names = "--secondary", description = "Search secondary addresses with wildcards (default).")
        boolean secondary;
    }

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    @Option(names = "--manufacturer", paramLabel = "ABC", description = "Only meters of this maker (secondary search).")
    String manufacturer;

    @Option(names = "--medium", paramLabel = "CODE", description = "Only this device type, e.g. 4 (heat) or 7 (water).")
    Integer medium;

    @Mixin
    BusOptions bus;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err);
        List<String[]> rows = new ArrayList<>();
        try (MBusMaster master = bus.open(channel)) {
            if (mode.primary) {
                PrimaryScan.Result r = PrimaryScan.run(master, Address.UNCONFIGURED, Address.MAX_PRIMARY, new SearchListener() {
                    int found;

                    @Override
                    public void probed(int address, boolean answered) {
                        found += answered ? 1 : 0;
                        bar.show(address / (double) Address.MAX_PRIMARY, "address " + address + ", " + found + " found");
                    }
                });
                bar.finish();
                for (var readout : r.meters()) {
                    rows.add(row(readout.slave().replace("primary address ", ""), readout.header()));
                }
                for (int conflict : r.conflicts()) {
                    err.println("address " + conflict + ": garbled answer, probably two meters share it");
                }
                for (int bad : r.unreadable()) {
                    err.println("address " + bad + ": a meter acknowledges but sends no valid telegram");
                }
            } else {
                SecondaryAddress start = new SecondaryAddress("FFFFFFFF",
                        manufacturer == null ? SecondaryAddress.ANY_MANUFACTURER : ManufacturerCode.encode(manufacturer),
                        SecondaryAddress.ANY, medium == null ? SecondaryAddress.ANY : medium);
                SecondarySearch.Result r = SecondarySearch.run(master, start, new SearchListener() {
                    int probes;
                    int found;
                    double done;

                    @Override
                    public void probed(SecondaryAddress mask, SelectOutcome outcome) {
                        probes++;
                        bar.show(done, probes + " selections, " + found + " found, " + mask.id());
                    }

                    @Override
                    public void found(FoundMeter m) {
                        found++;
                    }

                    @Override
                    public void progress(double fraction) {
                        done = fraction;
                    }
                });
                bar.show(1.0, master.transactions() + " requests, " + r.meters().size() + " found");
                bar.finish();
                for (FoundMeter m : r.meters()) {
                    rows.add(row("-", (LongHeader) m.telegram().header()));
                }
                for (SecondaryAddress dup : r.duplicateIds()) {
                    err.println("id " + dup.id() + ": several meters share this id; give them distinct primary addresses");
                }
                for (SecondaryAddress bad : r.unreadable()) {
                    err.println("mask " + bad + ": a meter acknowledges this selection but sends no valid telegram");
                }
            }
        } catch (MasterException e) {
            bar.finish();
            err.println("openamr scan: " + e.getMessage());
            return e instanceof ChannelFailureException ? 2 : 1;
        }
        printTable(out, rows);
        return 0;
    }

    private static String[] row(String primary, LongHeader h) {
        return new String[] {primary, h.secondaryAddress().toString(), h.id(), h.manufacturerLetters(),
                Integer.toString(h.version()), Medium.of(h.medium()).jsonName(), h.status().describe()};
    }

    private static void printTable(PrintWriter out, List<String[]> rows) {
        String format = "%4s  %-8s %-18s %-9s %-4s %-8s %-12s %s%n";
        out.printf(format, "#", "primary", "secondary address", "id", "man.", "version", "medium", "status");
        int n = 1;
        for (String[] r : rows) {
            out.printf(format, n++, r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
        }
        out.printf("%d meter(s)%n", rows.size());
        out.flush();
    }
}
