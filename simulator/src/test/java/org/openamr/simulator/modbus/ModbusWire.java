package org.openamr.simulator.modbus;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.value.RegisterBlock;

/** Bytes as a test master sends and reads them, built by hand from the specification's layouts. */
final class ModbusWire {

    static final HexFormat HEX = HexFormat.of().withUpperCase();

    private ModbusWire() {
    }

    /** An MBAP read request: transaction id, protocol 0, length 6, unit, then function, address, count. */
    static byte[] tcpRead(int transaction, int unit, int function, int address, int count) {
        return HEX.parseHex(String.format("%04X00000006%02X%02X%04X%04X", transaction, unit, function, address, count));
    }

    /** Exactly {@code n} bytes, or the socket's timeout. */
    static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IOException("stream ended after " + b.length + " of " + n + " bytes: " + HEX.formatHex(b));
        }
        return b;
    }

    /** Reads of at most 125 registers covering the map's addresses of {@code f}, as a master reads a map. */
    static List<int[]> ranges(RegisterMap map, FunctionCode f) {
        int first = map.values().stream().filter(v -> v.function() == f).mapToInt(ValueDefinition::address).min()
                .orElseThrow();
        int last = map.values().stream().filter(v -> v.function() == f).mapToInt(ValueDefinition::lastAddress).max()
                .orElseThrow();
        List<int[]> out = new ArrayList<>();
        for (int a = first; a <= last; a += Responder.MAX_REGISTERS) {
            out.add(new int[] {a, Math.min(Responder.MAX_REGISTERS, last - a + 1)});
        }
        return out;
    }

    /** The words of a j2mod register read. */
    static RegisterBlock block(FunctionCode f, int address, com.ghgande.j2mod.modbus.procimg.InputRegister[] registers) {
        int[] w = new int[registers.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = registers[i].toUnsignedShort();
        }
        return new RegisterBlock(f, address, w);
    }
}
