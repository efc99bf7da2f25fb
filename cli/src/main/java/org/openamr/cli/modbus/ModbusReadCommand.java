package org.openamr.cli.modbus;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.openamr.acquisition.modbus.ChannelFailureException;
import org.openamr.acquisition.modbus.ModbusMaster;
import org.openamr.acquisition.modbus.ModbusMasterException;
import org.openamr.acquisition.modbus.ModbusSettings;
import org.openamr.cli.output.ModbusJson;
import org.openamr.cli.output.ModbusRead;
import org.openamr.cli.output.ModbusTable;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.value.ModbusValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code openamr modbus read}: one unit's values through a register map. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Read a Modbus unit's values through a register map.",
                "Чтение значений устройства Modbus по карте регистров."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:read", "1:the unit did not answer, answered wrongly or refused", "2:usage or channel error"})
public final class ModbusReadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ADDRESS", description = ChannelOptions.ADDRESS_HELP)
    String address;

    @Parameters(index = "1", paramLabel = "UNIT", description = "Unit id (slave address) 1-247; 0-255 on tcp://.")
    int unit;

    @Option(names = "--map", paramLabel = "NAME|FILE",
            description = "Register map: a map's name (built-in or from --maps) or a .map file (default ${DEFAULT-VALUE}).")
    String map = MapChoice.DEFAULT;

    @Option(names = "--maps", paramLabel = "DIR", description = "Directory of *.map files, replacing built-in maps of the same name.")
    Path mapsDir;

    @Option(names = "--json", description = "JSON as for openamr read --json: records with exact values.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Wait for each answer, e.g. 500ms, 2s (default 1s; on a serial line the time on the wire is added).")
    String timeout;

    @Option(names = "--attempts", paramLabel = "N", description = "Tries per request (default 3).")
    Integer attempts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RegisterMap registerMap = MapChoice.resolve(map, mapsDir);
        PrintWriter out = spec.commandLine().getOut();
        try (ModbusMaster master = ChannelOptions.open(address, ModbusSettings.DEFAULT, timeout, attempts)) {
            Instant readAt = Instant.now();
            long start = System.nanoTime();
            List<ModbusValue> values = master.read(unit, registerMap);
            ModbusRead read = new ModbusRead(master.address().toString(), unit, registerMap, readAt,
                    Duration.ofNanos(System.nanoTime() - start), master.requests(), values);
            if (json) {
                out.println(JsonMapper.builder().build().writeValueAsString(ModbusJson.read(read)));
            } else {
                out.print(ModbusTable.read(read));
            }
            out.flush();
            return 0;
        } catch (ModbusMasterException e) {
            spec.commandLine().getErr().println("openamr modbus read: " + e.getMessage());
            return e instanceof ChannelFailureException ? 2 : 1;
        }
    }
}
