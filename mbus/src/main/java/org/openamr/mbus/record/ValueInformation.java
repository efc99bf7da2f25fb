package org.openamr.mbus.record;

import java.util.List;

/**
 * A value information block as it stands on the wire, and its meaning.
 *
 * <pre>
 * VIF [LEN text…]  VIFE…      E bit (0x80) of each byte announces the next
 * VIF 0xFB / 0xFD: the first VIFE is an entry of the extension table
 * VIF 0x7C / 0xFC: a length byte and the unit as ASCII (last character first) follow the VIF
 * </pre>
 *
 * @param codes         VIF and VIFE bytes in wire order, without the plain-text unit
 * @param plainTextUnit the unit text of VIF 0x7C/0xFC in reading order, otherwise null
 */
public record ValueInformation(List<Integer> codes, String plainTextUnit, VifMeaning meaning) {

    public ValueInformation {
        codes = List.copyOf(codes);
    }

    public int vif() {
        return codes.get(0);
    }

    public int encodedLength() {
        return codes.size() + (plainTextUnit == null ? 0 : 1 + plainTextUnit.length());
    }

    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        int pos = 0;
        out[pos++] = (byte) (int) codes.get(0);
        if (plainTextUnit != null) {
            out[pos++] = (byte) plainTextUnit.length();
            for (int i = plainTextUnit.length() - 1; i >= 0; i--) {
                out[pos++] = (byte) plainTextUnit.charAt(i);
            }
        }
        for (int i = 1; i < codes.size(); i++) {
            out[pos++] = (byte) (int) codes.get(i);
        }
        return out;
    }
}
