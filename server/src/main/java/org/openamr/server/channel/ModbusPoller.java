package org.openamr.server.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openamr.acquisition.modbus.ChannelFailureException;
import org.openamr.acquisition.modbus.ModbusAddress;
import org.openamr.acquisition.modbus.ModbusMaster;
import org.openamr.acquisition.modbus.ModbusMasterException;
import org.openamr.acquisition.modbus.ModbusSettings;
import org.openamr.acquisition.modbus.NoAnswerException;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.ModbusReadouts;
import org.openamr.modbus.UnitIds;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMaps;
import org.openamr.modbus.value.ModbusValue;
import org.springframework.stereotype.Component;

/**
 * Reads the meters of a MODBUS channel, unit by unit, each through the register map its model names
 * (else the channel's map). A unit that does not answer is silent, one that answers badly has failed
 * with the master's reason; a channel that cannot be reached fails the meters not yet read, as on
 * M-Bus. Modbus says nothing about which meter answers, so its values are filed under the meter the
 * registry has at that unit id.
 */
@Component
public class ModbusPoller {

    /** What reading a channel's meters gave; {@code channelFailure} null when the channel worked throughout. */
    record Collected(List<MeterReadout> readouts, List<MeterOutcome> outcomes, Text channelFailure) {
    }

    private final RegisterMaps maps;
    private final ModbusReadouts modbusReadouts = ModbusReadouts.builtIn();
    private final Clock clock = Clock.systemUTC();

    ModbusPoller(RegisterMaps maps) {
        this.maps = maps;
    }

    Collected collect(Channel channel, List<RegisteredMeter> meters, RunProgress progress) {
        List<MeterReadout> readouts = new ArrayList<>();
        List<MeterOutcome> outcomes = new ArrayList<>();
        Text channelFailure = null;
        ModbusMaster master = null;
        try {
            master = ModbusMaster.open(ModbusAddress.parse(channel.address()), ModbusSettings.DEFAULT);
        } catch (RuntimeException e) {
            channelFailure = Text.of(Text.Kind.CHANNEL_CANNOT_OPEN, channel.address(), Text.raw(e.getMessage()));
        }
        progress.meters(0, meters.size());
        try {
            int done = 0;
            for (RegisteredMeter m : meters) {
                if (channelFailure == null && Thread.currentThread().isInterrupted()) {
                    channelFailure = Text.of(Text.Kind.POLL_SERVER_STOPPED);
                }
                String addressing = m.primary() == null ? "none" : Text.modbusUnit(m.primary());
                Optional<RegisterMap> map = mapOf(m, channel);
                if (m.primary() == null || !UnitIds.valid(m.primary())) {
                    outcomes.add(MeterOutcome.failed(m.id(), addressing, m.primary() == null
                            ? Text.of(Text.Kind.OUTCOME_NO_UNIT, m.describe())
                            : Text.of(Text.Kind.OUTCOME_BAD_UNIT, m.describe(), String.valueOf(m.primary())),
                            clock.instant()));
                } else if (map.isEmpty()) {
                    outcomes.add(MeterOutcome.failed(m.id(), addressing, Text.of(Text.Kind.OUTCOME_NO_MAP,
                            m.describe(), m.model() == null ? "—" : m.model()), clock.instant()));
                } else if (channelFailure != null) {
                    outcomes.add(MeterOutcome.failed(m.id(), addressing,
                            Text.of(Text.Kind.OUTCOME_NOT_READ, channelFailure), clock.instant()));
                } else {
                    try {
                        List<ModbusValue> values = master.read(m.primary(), map.get());
                        MeterReadout readout = modbusReadouts.toReadout(m.identity(), clock.instant(), values)
                                .readout();
                        readouts.add(readout);
                        outcomes.add(MeterOutcome.read(m.id(), addressing, readout.values().size(),
                                readout.readAt()));
                    } catch (ChannelFailureException e) {
                        channelFailure = Text.of(e);
                        outcomes.add(MeterOutcome.failed(m.id(), addressing, Text.of(e), clock.instant()));
                    } catch (NoAnswerException e) {
                        outcomes.add(MeterOutcome.silent(m.id(), addressing, Text.of(e), clock.instant()));
                    } catch (ModbusMasterException e) {
                        outcomes.add(MeterOutcome.failed(m.id(), addressing, Text.of(e), clock.instant()));
                    } catch (IllegalArgumentException e) {
                        // an error code register that holds no whole number: the map and the meter disagree
                        outcomes.add(MeterOutcome.failed(m.id(), addressing, Text.raw(e.getMessage()),
                                clock.instant()));
                    }
                }
                progress.meters(++done, meters.size());
            }
        } finally {
            if (master != null) {
                master.close();
            }
        }
        return new Collected(readouts, outcomes, channelFailure);
    }

    /** The map the meter's model names, else the channel's. */
    private Optional<RegisterMap> mapOf(RegisteredMeter m, Channel channel) {
        Optional<RegisterMap> byModel = m.model() == null ? Optional.empty() : maps.forModel(m.model());
        if (byModel.isPresent() || channel.modbusMap() == null) {
            return byModel;
        }
        return maps.byName(channel.modbusMap());
    }
}
