package org.openamr.cli.bus;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.openamr.acquisition.channel.WiredMeterAddress;
import org.openamr.cli.output.Language;
import org.openamr.cli.output.TelegramJson;
import org.openamr.cli.output.TelegramTable;
import org.openamr.mbus.link.Address;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.Readout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code openamr read}: one meter, every telegram. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Read a meter by primary or secondary address.", "Чтение счётчика по первичному или вторичному адресу."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:read", "1:the meter did not answer or answered wrongly", "2:usage or channel error"})
public final class ReadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CHANNEL", description = "Serial port (/dev/ttyUSB0) or tcp://host:port.")
    String channel;

    @Parameters(index = "1", paramLabel = "ADDRESS",
            description = "Primary address " + Address.UNCONFIGURED + "-" + Address.MAX_PRIMARY + ", 8-digit id, or 16-hex-digit secondary address.")
    String address;

    @Option(names = "--json", description = "JSON as for decode, with readAt and every telegram's records.")
    boolean json;

    @Option(names = "--lang", paramLabel = "en|ru", description = "Language of labels in the table.")
    Language lang = Language.ofSystem();

    @Mixin
    BusOptions bus;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        WiredMeterAddress target = WiredMeterAddress.parse(address);
        PrintWriter out = spec.commandLine().getOut();
        try (MBusMaster master = bus.open(channel)) {
            Readout r = target.readWith(master);
            if (json) {
                out.println(JsonMapper.builder().build().writeValueAsString(TelegramJson.readout(r)));
            } else {
                out.print(TelegramTable.readout(r, lang.russian()));
            }
            out.flush();
            return 0;
        } catch (MasterException e) {
            spec.commandLine().getErr().println("openamr read: " + e.getMessage());
            return e instanceof org.openamr.mbus.master.ChannelFailureException ? 2 : 1;
        }
    }
}
