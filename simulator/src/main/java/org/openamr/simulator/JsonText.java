package org.openamr.simulator;

/** JSON text for the simulator's truth files, which it writes by hand to stay free of libraries. */
public final class JsonText {

    private JsonText() {
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    public static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append("\\u%04x".formatted((int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
