package org.openamr.wmbus.security;

/**
 * The configuration field of the transport layer header (EN 13757-7 / OMS vol. 2), 16 bits sent
 * least significant byte first, and for security mode 7 the configuration field extension byte:
 *
 * <pre>
 * bit 15 B bidirectional   14 A accessibility   13 S synchronous   12–8 M security mode
 * bits 7–4 N encrypted blocks (16 bytes each)   3–2 C content of message   1–0 hop counter / repeated access
 * extension (mode 7): bits 5–4 key derivation function (1 = OMS CMAC KDF), bits 3–0 key version
 * </pre>
 *
 * @param extension the extension byte, -1 when the mode has none
 */
public record Configuration(int word, int extension) {

    public static final int MODE_NONE = 0;
    public static final int MODE_AES_CBC_IV = 5;
    public static final int MODE_AES_CBC_KDF = 7;
    /** Extension byte of mode 7: key derivation function 1 (the OMS CMAC derivation), key version 0. */
    public static final int EXTENSION_OMS_KDF = 0x10;
    /** The 4 bits of N: at most 15 encrypted blocks. */
    public static final int MAX_ENCRYPTED_BLOCKS = 15;

    /**
     * The field of a meter that sends {@code blocks} encrypted blocks in {@code mode}, with no other
     * bit set; mode 7 with the OMS key derivation.
     */
    public static Configuration of(int mode, int blocks) {
        if (mode < 0 || mode > 0x1F) {
            throw new IllegalArgumentException("a security mode is 0..31, got " + mode);
        }
        if (blocks < 0 || blocks > MAX_ENCRYPTED_BLOCKS) {
            throw new IllegalArgumentException("the configuration field counts 0.." + MAX_ENCRYPTED_BLOCKS
                    + " encrypted blocks, got " + blocks);
        }
        return new Configuration(mode << 8 | blocks << 4, mode == MODE_AES_CBC_KDF ? EXTENSION_OMS_KDF : -1);
    }

    public int securityMode() {
        return (word >> 8) & 0x1F;
    }

    /** Number of 16-byte blocks that the mode encrypts, right after the header. */
    public int encryptedBlocks() {
        return (word >> 4) & 0x0F;
    }

    public boolean bidirectional() {
        return (word & 0x8000) != 0;
    }

    public boolean synchronous() {
        return (word & 0x2000) != 0;
    }

    /** Key derivation function selected by the extension (mode 7): 1 is the OMS CMAC derivation. */
    public int keyDerivation() {
        return extension < 0 ? 0 : (extension >> 4) & 0x03;
    }

    /** The field as sent: the word least significant byte first, then the extension if there is one. */
    public byte[] encode() {
        return extension < 0 ? new byte[] {(byte) word, (byte) (word >> 8)}
                : new byte[] {(byte) word, (byte) (word >> 8), (byte) extension};
    }

    /** Bytes of the field on the wire: 2, or 3 for mode 7, which adds the extension. */
    public static int length(int word) {
        return ((word >> 8) & 0x1F) == MODE_AES_CBC_KDF ? 3 : 2;
    }
}
