package org.openamr.server.registerimport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an uploaded register by what its bytes are, not by its name: an Excel workbook (.xlsx, a zip), or
 * UTF-8 text (with or without a byte order mark) as CSV. Anything else is refused with what it seems to be
 * and what to save it as instead.
 */
public final class RegisterFiles {

    /** A building's register of a few thousand rows is far below this. */
    public static final long MAX_BYTES = 2 * 1024 * 1024;
    /** Rows of data, the header not counted: a large building's premises times their resources. */
    public static final int MAX_ROWS = 5000;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] PDF = {0x25, 0x50, 0x44, 0x46};

    private RegisterFiles() {
    }

    static RegisterTable read(byte[] bytes) throws RegisterFileException {
        if (bytes.length == 0) {
            throw new RegisterFileException("imp.file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new RegisterFileException("imp.file.tooBig", bytes.length / 1024, MAX_BYTES / 1024);
        }
        if (startsWith(bytes, ZIP)) {
            return XlsxTable.read(bytes, MAX_ROWS);
        }
        if (startsWith(bytes, OLE2)) {
            // the old binary format, or an .xlsx with a password (Excel wraps those in the same container)
            throw new RegisterFileException("imp.file.xls");
        }
        if (startsWith(bytes, PDF) || binary(bytes)) {
            throw new RegisterFileException("imp.file.notTable");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RegisterFileException("imp.file.notUtf8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return CsvTable.read(text, MAX_ROWS);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A NUL byte never appears in UTF-8 text a spreadsheet writes (UTF-16 "Unicode text" included). */
    private static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
