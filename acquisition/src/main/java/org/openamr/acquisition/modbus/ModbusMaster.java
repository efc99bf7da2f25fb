package org.openamr.acquisition.modbus;

import com.digitalpetri.modbus.pdu.ModbusRequestPdu;
import com.digitalpetri.modbus.pdu.ModbusResponsePdu;
import com.digitalpetri.modbus.pdu.ReadCoilsRequest;
import com.digitalpetri.modbus.pdu.ReadCoilsResponse;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsResponse;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.openamr.modbus.ExceptionCode;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.UnitIds;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.value.ModbusValue;
import org.openamr.modbus.value.RegisterBlock;
import org.openamr.modbus.value.RegisterDecodeException;
import org.openamr.modbus.value.RegisterDecoder;

/**
 * A Modbus master on one channel (TCP, RTU over TCP, or RTU on a serial port), built on digitalpetri's
 * clients. It opens the channel lazily, at the first request, and again at the next request after the
 * channel failed; requests go one at a time (the methods are synchronized).
 *
 * <p>On a serial line a request is sent only after the line was silent for the interval the baud rate
 * sets ({@link ModbusAddress.Serial#silentInterval()}) since the previous answer or timeout, and at no
 * other time does the master wait: the bus time of a unit that does not answer is the request, the
 * silent interval and the response timeout.
 *
 * <p>A request waits for its answer for the {@link ModbusSettings#responseTimeout() response timeout},
 * and on a serial line also for the time the request and the answer it asks for take on the wire
 * (11 bits a character): 235 ms for 96 registers at 9600 baud, 2.4 s for 125 at 1200.
 *
 * <p>A timeout, a CRC error or an unexpected answer is tried again up to {@link ModbusSettings#attempts()};
 * every failure ends in one of the {@link ModbusMasterException} subclasses naming channel and unit.
 */
public final class ModbusMaster implements AutoCloseable {

    /** A read request on RTU: unit, function, start, count, CRC. */
    private static final int REQUEST_BYTES = 8;
    /** An RTU read answer's bytes besides its data: unit, function, byte count, CRC. */
    private static final int ANSWER_FRAMING_BYTES = 5;

    private final ModbusAddress address;
    private final ModbusSettings settings;
    private final ClientLine line;
    private final long silenceNanos;
    /** Units and maps whose bridged reads a slave refused with exception 02: read exactly from then on. */
    private final Set<String> exactOnly = new HashSet<>();
    private long lineQuietSince;
    private boolean lineUsed;
    private long requests;

    private ModbusMaster(ModbusAddress address, ModbusSettings settings) {
        this.address = Objects.requireNonNull(address, "address");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.line = new ClientLine(address, settings);
        this.silenceNanos = address instanceof ModbusAddress.Serial r ? r.silentInterval().toNanos() : 0;
    }

    /** A master on {@code address}; nothing touches the channel before the first request. */
    public static ModbusMaster open(ModbusAddress address, ModbusSettings settings) {
        return new ModbusMaster(address, settings);
    }

    public ModbusAddress address() {
        return address;
    }

    public ModbusSettings settings() {
        return settings;
    }

    /** Requests sent so far, each attempt counted. */
    public synchronized long requests() {
        return requests;
    }

    /**
     * Reads {@code count} registers (functions 03, 04) or bits (01, 02) from {@code start}.
     *
     * @param unit 1–247 (0–255 on Modbus TCP, where 0 and 255 often address the device itself)
     * @throws IllegalArgumentException for a unit, address or count outside what Modbus allows
     */
    public synchronized RegisterBlock read(int unit, FunctionCode function, int start, int count)
            throws ModbusMasterException {
        checkUnit(unit);
        int max = function.readsBits() ? ReadPlan.MAX_BITS : ReadPlan.MAX_REGISTERS;
        if (count < 1 || count > max) {
            throw new IllegalArgumentException("a read of " + function.table() + " takes 1–" + max + ", not " + count);
        }
        if (start < 0 || start + count > 0x10000) {
            throw new IllegalArgumentException(function.table() + " " + start + ".." + (start + count - 1)
                    + " lie outside 0..65535");
        }
        ModbusRequestPdu request = switch (function) {
            case READ_COILS -> new ReadCoilsRequest(start, count);
            case READ_DISCRETE_INPUTS -> new ReadDiscreteInputsRequest(start, count);
            case READ_HOLDING_REGISTERS -> new ReadHoldingRegistersRequest(start, count);
            case READ_INPUT_REGISTERS -> new ReadInputRegistersRequest(start, count);
        };
        Duration onLine = address instanceof ModbusAddress.Serial r
                ? r.wireTime(REQUEST_BYTES + ANSWER_FRAMING_BYTES + (function.readsBits() ? (count + 7) / 8 : 2 * count))
                : Duration.ZERO;
        Duration timeout = settings.responseTimeout().plus(onLine);
        Trouble last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            awaitSilence();
            requests++;
            try {
                return block(function, start, count, line.exchange(unit, request, timeout));
            } catch (Trouble.Raised e) {
                last = e.trouble;
                if (!last.retryable()) {
                    break;
                }
            } finally {
                lineQuietSince = System.nanoTime();
                lineUsed = true;
            }
        }
        throw failure(unit, function, start, count, onLine, last);
    }

    /**
     * Every value of {@code map} from {@code unit}, in map order, with as few requests as
     * {@link ReadPlan} makes of it. When the slave refuses a read that spans unmapped addresses with
     * exception 02, the values of that read are read again without the gaps, and from then on this
     * unit is read so with this map.
     *
     * @throws UndecodableValueException when a value's registers arrived but give no number
     */
    public synchronized List<ModbusValue> read(int unit, RegisterMap map) throws ModbusMasterException {
        checkUnit(unit);
        String key = unit + "\u0000" + map.name();
        List<RegisterBlock> blocks = new ArrayList<>();
        List<ReadPlan.Request> plan = exactOnly.contains(key) ? ReadPlan.plan(map, 0) : ReadPlan.bridged(map);
        for (ReadPlan.Request r : plan) {
            try {
                blocks.add(read(unit, r.function(), r.start(), r.count()));
            } catch (SlaveRefusedException e) {
                if (!r.bridged() || e.rawCode() != ExceptionCode.ILLEGAL_DATA_ADDRESS.code()) {
                    throw e;
                }
                exactOnly.add(key);
                for (ReadPlan.Request exact : ReadPlan.exactWithin(map, r)) {
                    blocks.add(read(unit, exact.function(), exact.start(), exact.count()));
                }
            }
        }
        try {
            return RegisterDecoder.decodeAll(map, blocks);
        } catch (RegisterDecodeException e) {
            throw new UndecodableValueException(address.toString(), unit, e);
        }
    }

    private void checkUnit(int unit) {
        boolean tcp = address instanceof ModbusAddress.Tcp t && t.framing() == ModbusAddress.Framing.MBAP;
        if (tcp ? unit < 0 || unit > 255 : !UnitIds.valid(unit)) {
            throw new IllegalArgumentException("unit id " + unit + " is outside "
                    + (tcp ? "0–255" : UnitIds.FIRST + "–" + UnitIds.LAST));
        }
    }

    /** Parks until the line has been silent for the inter-frame interval; at once on TCP and before the first request. */
    private void awaitSilence() {
        if (silenceNanos == 0 || !lineUsed) {
            return;
        }
        long until = lineQuietSince + silenceNanos;
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static RegisterBlock block(FunctionCode function, int start, int count, ModbusResponsePdu answer)
            throws Trouble.Raised {
        byte[] data = switch (function) {
            case READ_COILS -> answer instanceof ReadCoilsResponse r ? r.coils() : null;
            case READ_DISCRETE_INPUTS -> answer instanceof ReadDiscreteInputsResponse r ? r.inputs() : null;
            case READ_HOLDING_REGISTERS -> answer instanceof ReadHoldingRegistersResponse r ? r.registers() : null;
            case READ_INPUT_REGISTERS -> answer instanceof ReadInputRegistersResponse r ? r.registers() : null;
        };
        if (data == null) {
            throw new Trouble.Raised(new Trouble.Strange(String.format("the answer is to function %02X, not %s",
                    answer.getFunctionCode(), function.hex())));
        }
        int[] words = new int[count];
        if (function.readsBits()) {
            if (data.length != (count + 7) / 8) {
                throw new Trouble.Raised(new Trouble.Strange("the answer carries " + data.length + " bytes where "
                        + count + " bits take " + (count + 7) / 8));
            }
            for (int i = 0; i < count; i++) {
                words[i] = (data[i / 8] >> (i % 8)) & 1;
            }
        } else {
            if (data.length != 2 * count) {
                throw new Trouble.Raised(new Trouble.Strange("the answer carries " + data.length + " bytes where "
                        + count + " registers take " + 2 * count));
            }
            for (int i = 0; i < count; i++) {
                words[i] = (data[2 * i] & 0xFF) << 8 | (data[2 * i + 1] & 0xFF);
            }
        }
        return new RegisterBlock(function, start, words);
    }

    private ModbusMasterException failure(int unit, FunctionCode function, int start, int count, Duration onLine,
            Trouble t) {
        String channel = address.toString();
        int attempts = settings.attempts();
        if (t instanceof Trouble.Refusal r) {
            return new SlaveRefusedException(channel, unit, function, start, count, r.code());
        }
        if (t instanceof Trouble.BadCrc c) {
            return new CrcErrorException(channel, unit, c.frameHex(), c.received(), c.computed(), attempts);
        }
        if (t instanceof Trouble.Strange s) {
            return new UnexpectedAnswerException(channel, unit, s.what(), attempts);
        }
        if (t instanceof Trouble.Broken b) {
            return new ChannelFailureException(channel, unit, b.what(), b.cause());
        }
        return new NoAnswerException(channel, unit, settings.responseTimeout(), onLine, attempts);
    }

    @Override
    public synchronized void close() {
        line.close();
    }
}
