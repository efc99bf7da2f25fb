package org.openamr.cli.gateway;

import java.util.concurrent.Callable;
import org.openamr.gateway.layout.GatewayMap;
import org.openamr.gateway.layout.Layout;
import org.openamr.gateway.layout.ValueFormat;
import org.openamr.modbus.map.WordOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openamr gateway map}: the register map of the gateway block and one meter slot, for any reader of maps. */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = {"Print the register map (modbus map file) of the gateway block and meter slot K, for"
                + " 'openamr modbus read --map' or a maps directory.",
                "Карта регистров (файл карты modbus) блока шлюза и слота счётчика K."})
public final class MapCommand implements Callable<Integer> {

    @Option(names = "--slot", paramLabel = "K", description = "Meter slot 1-" + Layout.MAX_SLOTS + " (default ${DEFAULT-VALUE}).")
    int slot = 1;

    @Option(names = "--values", paramLabel = "int32|float32", description = "As the gateway serves them (default ${DEFAULT-VALUE}).")
    ValueFormat values = ValueFormat.INT32;

    @Option(names = "--word-order", paramLabel = "big|little", description = "As the gateway serves them (default ${DEFAULT-VALUE}).")
    WordOrder wordOrder = WordOrder.BIG;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (slot < 1 || slot > Layout.MAX_SLOTS) {
            throw new IllegalArgumentException("--slot must be 1.." + Layout.MAX_SLOTS + ", got " + slot);
        }
        spec.commandLine().getOut().print(GatewayMap.text(slot, values, wordOrder));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
