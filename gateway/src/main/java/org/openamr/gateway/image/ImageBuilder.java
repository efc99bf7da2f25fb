package org.openamr.gateway.image;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openamr.gateway.layout.Layout;
import org.openamr.gateway.layout.ValueFormat;
import org.openamr.gateway.layout.ValueSlot;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.map.WordOrder;
import org.openamr.modbus.value.RegisterEncoder;

/**
 * Builds a {@link RegisterImage}: a pure function of the gateway's state, the meters' snapshots and
 * the coding chosen. Every register is encoded through its definition in {@link Layout}.
 */
public final class ImageBuilder {

    private final ValueFormat format;
    private final WordOrder order;

    public ImageBuilder(ValueFormat format, WordOrder order) {
        this.format = format;
        this.order = order;
    }

    public ValueFormat format() {
        return format;
    }

    public WordOrder order() {
        return order;
    }

    /**
     * @param meters one snapshot per slot 1…n in slot order ({@link MeterSnapshot#empty} for gaps);
     *               n blocks are served after the gateway block
     */
    public RegisterImage build(GatewayInfo gateway, List<MeterSnapshot> meters) {
        int slots = meters.size();
        if (slots > Layout.MAX_SLOTS) {
            throw new IllegalArgumentException(slots + " meter slots; the layout has " + Layout.MAX_SLOTS);
        }
        int[] words = new int[Layout.blockStart(slots + 1)];
        long[] readAt = new long[slots + 1];
        Arrays.fill(readAt, -1);
        gatewayBlock(words, gateway, slots);
        for (int i = 0; i < slots; i++) {
            MeterSnapshot m = meters.get(i);
            if (m.slot() != i + 1) {
                throw new IllegalArgumentException("snapshot of slot " + m.slot() + " at position " + (i + 1));
            }
            meterBlock(words, m);
            readAt[i + 1] = m.lastReadout().map(Instant::getEpochSecond).orElse(-1L);
        }
        byte[] bytes = new byte[words.length * 2];
        for (int i = 0; i < words.length; i++) {
            bytes[2 * i] = (byte) (words[i] >>> 8);
            bytes[2 * i + 1] = (byte) words[i];
        }
        return new RegisterImage(bytes, order, readAt);
    }

    private void gatewayBlock(int[] words, GatewayInfo g, int slots) {
        Fields f = new Fields(words, Layout.gatewayBlock(order));
        f.put("gatewayMagic", Layout.MAGIC).put("layoutVersion", Layout.LAYOUT_VERSION).put("gatewaySerial", g.serial())
                .put("softwareVersionMajor", g.version()[0]).put("softwareVersionMinor", g.version()[1])
                .put("softwareVersionPatch", g.version()[2]).put("valueFormat", format.code())
                .put("wordOrder", order == WordOrder.BIG ? 0 : 1).put("meterSlots", slots)
                .put("metersListed", g.metersListed()).put("blockStride", Layout.BLOCK)
                .put("firstMeterBlock", Layout.blockStart(1)).put("valueSlots", ValueSlot.values().length)
                .put("valuesOffset", Layout.VALUES).put("lastCycleUnixTime", seconds(g.lastCycle()))
                .put("cycles", Math.min(g.cycles(), 0xFFFF_FFFFL)).put("metersOk", g.ok())
                .put("metersNotAnswering", g.notAnswering()).put("metersBadAnswer", g.badAnswer())
                .put("cycleSeconds", Math.min(g.lastDuration().toSeconds(), 0xFFFF))
                .put("nextCycleUnixTime", seconds(g.nextCycle()));
    }

    private void meterBlock(int[] words, MeterSnapshot m) {
        Fields f = new Fields(words, Layout.meterFields(m.slot(), order));
        f.put("status", m.status().code());
        if (m.identity().isPresent()) {
            // The id's BCD digits as the meter sent them: a damaged digit A–E stays visible rather than made up.
            f.putBits("id", (int) Long.parseLong(m.identity().get().id(), 16)).put("manufacturer", m.identity().get().manufacturer())
                    .put("version", m.identity().get().version()).put("medium", m.identity().get().medium());
        }
        f.put("primaryAddress", m.primary().orElse(Layout.NO_PRIMARY)).put("meterFlags", m.meterFlags())
                .put("lastReadoutUnixTime", seconds(m.lastReadout())).put("lastAttemptUnixTime", seconds(m.lastAttempt()))
                .put("failedAttempts", Math.min(m.failures(), 0xFFFF))
                .put("errorCode", m.errorCode().orElse(0) & 0xFFFF_FFFFL)
                .put("dueDateUnixTime", seconds(m.values().dueDate()));
        int present = 0;
        int rounded = 0;
        int refused = 0;
        for (ValueSlot slot : ValueSlot.values()) {
            ValueDefinition def = Layout.value(m.slot(), slot, format, order);
            ServedValue v = ServedValue.of(m.values().readings().get(slot), def, format);
            System.arraycopy(v.words(), 0, words, def.address(), 2);
            present |= v.present() ? slot.bit() : 0;
            rounded |= v.rounded() ? slot.bit() : 0;
            refused |= v.refused() ? slot.bit() : 0;
        }
        f.put("valuesPresent", present).put("valuesRounded", rounded).put("valuesRefused", refused);
    }

    private static long seconds(Optional<Instant> t) {
        return t.map(i -> Math.max(0, Math.min(i.getEpochSecond(), 0xFFFF_FFFFL))).orElse(0L);
    }

    /** Writes registers by their names in a block's definitions. */
    private static final class Fields {
        private final int[] words;
        private final List<ValueDefinition> defs;

        Fields(int[] words, List<ValueDefinition> defs) {
            this.words = words;
            this.defs = defs;
        }

        Fields put(String name, long value) {
            ValueDefinition def = def(name);
            int[] w = RegisterEncoder.encode(def, BigDecimal.valueOf(value));
            System.arraycopy(w, 0, words, def.address(), w.length);
            return this;
        }

        /** The 32 bits of a two-register field, in the field's word order. */
        Fields putBits(String name, int bits) {
            ValueDefinition def = def(name);
            boolean big = def.order() == WordOrder.BIG;
            words[def.address()] = big ? bits >>> 16 : bits & 0xFFFF;
            words[def.address() + 1] = big ? bits & 0xFFFF : bits >>> 16;
            return this;
        }

        private ValueDefinition def(String name) {
            return defs.stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no register " + name + " in the layout"));
        }
    }
}
