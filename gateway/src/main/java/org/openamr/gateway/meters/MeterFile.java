package org.openamr.gateway.meters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openamr.acquisition.channel.WiredMeterAddress;
import org.openamr.gateway.layout.Layout;

/**
 * The meter file: one meter a line, {@code SLOT ADDRESS}, where ADDRESS is a primary address, an 8-digit
 * id or a 16-hex-digit secondary address; {@code #} starts a comment. A line with an address alone gets
 * the next free slot when the file is read, and the gateway writes the slot into the file, so that
 * the meter keeps it from then on.
 */
public final class MeterFile {

    private static final String HEADER = """
            # OpenAMR gateway meters: SLOT ADDRESS [# comment], one meter a line.
            # The slot fixes the meter's Modbus registers (block at SLOT x 64): never renumber a meter.
            # ADDRESS: primary address 0-250, 8-digit id, or 16-hex-digit secondary address.
            # A line with an address alone gets the next free slot, written here at the gateway's start.
            """;

    private MeterFile() {
    }

    /** What the file holds, and whether it must be written back (a line without a slot). */
    public record Read(MeterList meters, boolean slotsAssigned) {
    }

    public static Read read(Path file) throws MeterFileException, IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<MeterEntry> entries = new ArrayList<>();
        List<Integer> unslottedLines = new ArrayList<>();
        List<WiredMeterAddress> unslotted = new ArrayList<>();
        List<String> unslottedNotes = new ArrayList<>();
        Map<Integer, Integer> slotLine = new HashMap<>();
        Map<String, Integer> addressLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String note = hash >= 0 ? line.substring(hash + 1).trim() : "";
            String[] f = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (f.length == 1 && f[0].isEmpty()) {
                continue;
            }
            if (f.length > 2) {
                throw new MeterFileException(file, lineNo, "expected SLOT ADDRESS, got " + f.length + " words");
            }
            WiredMeterAddress address;
            try {
                address = WiredMeterAddress.parse(f[f.length - 1]);
            } catch (IllegalArgumentException e) {
                throw new MeterFileException(file, lineNo, e.getMessage());
            }
            Integer earlier = addressLine.putIfAbsent(address.toString(), lineNo);
            if (earlier != null) {
                throw new MeterFileException(file, lineNo, "meter " + address + " is listed on line " + earlier + " already");
            }
            if (f.length == 1) {
                unslottedLines.add(lineNo);
                unslotted.add(address);
                unslottedNotes.add(note);
                continue;
            }
            int slot = slot(file, lineNo, f[0]);
            Integer other = slotLine.putIfAbsent(slot, lineNo);
            if (other != null) {
                throw new MeterFileException(file, lineNo, "slot " + slot + " is given on line " + other + " already");
            }
            entries.add(new MeterEntry(slot, address, note));
        }
        MeterList list = new MeterList(entries);
        for (int i = 0; i < unslotted.size(); i++) {
            try {
                list = list.append(unslotted.get(i), unslottedNotes.get(i));
            } catch (IllegalStateException e) {
                throw new MeterFileException(file, unslottedLines.get(i), e.getMessage());
            }
        }
        return new Read(list, !unslotted.isEmpty());
    }

    private static int slot(Path file, int lineNo, String text) throws MeterFileException {
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > Layout.MAX_SLOTS) {
            throw new MeterFileException(file, lineNo, "slot '" + text + "' is not a number 1-" + Layout.MAX_SLOTS);
        }
        return Integer.parseInt(text);
    }

    /** Writes the list, replacing the file in one step so that a crash never leaves half a file. */
    public static void write(Path file, MeterList meters) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER);
        for (MeterEntry e : meters.entries()) {
            sb.append(e.slot()).append(' ').append(e.address());
            if (!e.note().isEmpty()) {
                sb.append("  # ").append(e.note());
            }
            sb.append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
