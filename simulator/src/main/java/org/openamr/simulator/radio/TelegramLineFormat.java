package org.openamr.simulator.radio;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.openamr.wmbus.receiver.replay.ReplayFormat;
import org.openamr.wmbus.receiver.replay.ReplayLine;
import org.openamr.wmbus.receiver.rtlwmbus.RtlWmbusFormat;
import org.openamr.wmbus.receiver.rtlwmbus.RtlWmbusLine;

/** How a telegram is written as one line of text, for files and TCP clients. */
public enum TelegramLineFormat {

    /**
     * OpenAMR's replay format, one telegram a line, {@code #} lines are comments:
     *
     * <pre>
     * &lt;instant, ISO-8601 UTC, milliseconds&gt; &lt;mode S1|T1|C1|-&gt; &lt;RSSI dBm, integer, or -&gt; &lt;hex from the L-field, format A with block CRCs&gt;
     * 2026-11-24T10:15:30.125Z T1 -67 2C4465…
     * </pre>
     */
    REPLAY("replay") {
        @Override
        public String line(RadioTelegram t) {
            return ReplayFormat.format(new ReplayLine(t.at(), Optional.of(t.meter().mode()),
                    OptionalInt.of(t.meter().rssiDbm()), t.formatA()));
        }

        @Override
        public List<String> header(RadioSettings settings) {
            return List.of("# OpenAMR radio simulation (openamr simulate radio): " + settings.describe(),
                    "# <instant UTC> <mode> <RSSI dBm> <telegram from the L-field, frame format A with block CRCs>");
        }
    },

    /**
     * The text output of rtl-wmbus (xaelsouth/rtl-wmbus), which wmbusmeters reads:
     *
     * <pre>
     * MODE;CRC_OK;3OUTOF6OK;TIMESTAMP;PACKET_RSSI;CURRENT_RSSI;LINK_LAYER_IDENT_NO;0xDATAGRAM_WITHOUT_CRC_BYTES
     * C1;1;1;2026-11-24 10:15:30.125;-67;-67;12345678;0x2c4465…
     * </pre>
     *
     * The timestamp is UTC; the ident number is the link layer's id field read as a little-endian
     * 32-bit number in hex (for a BCD id, its digits); the datagram is lower-case hex without CRCs
     * and with the L-field as sent in format A. rtl-wmbus prints RSSI as unsigned levels of its own,
     * with no unit; a simulation writes {@code 200 + dBm} (so -67 dBm is level 133) in both columns.
     */
    RTL_WMBUS("rtl-wmbus") {
        @Override
        public String line(RadioTelegram t) {
            byte[] f = t.frame();
            String ident = HexFormat.of().withUpperCase().formatHex(new byte[] {f[7], f[6], f[5], f[4]});
            int level = rtlWmbusLevel(t.meter().rssiDbm());
            return RtlWmbusFormat.format(new RtlWmbusLine(t.meter().mode(), true, true, t.at(), level, level, ident, f));
        }

        @Override
        public List<String> header(RadioSettings settings) {
            return List.of(); // readers of rtl-wmbus output take every line for a telegram or noise
        }
    };


    private final String text;

    TelegramLineFormat(String text) {
        this.text = text;
    }

    /** rtl-wmbus's unit-less, non-negative signal level for a simulated dBm figure: 200 + dBm, at least 0. */
    static int rtlWmbusLevel(int rssiDbm) {
        return Math.max(0, 200 + rssiDbm);
    }

    /** The telegram's line, without the line end. */
    public abstract String line(RadioTelegram t);

    /** Comment lines that start a stream in this format: the settings, never a key. */
    public abstract List<String> header(RadioSettings settings);

    /** As on the command line: replay or rtl-wmbus. */
    public String text() {
        return text;
    }

    public static TelegramLineFormat parse(String text) {
        for (TelegramLineFormat f : values()) {
            if (f.text.equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("the line format is replay or rtl-wmbus, got '" + text + "'");
    }

}
