package org.openamr.server.report;

import java.text.Normalizer;
import java.util.Map;

/**
 * File names of reports: readable in Russian where the client keeps UTF-8 names, and an ASCII form (transliterated,
 * not blanked out) for the header's plain {@code filename} and for mail programs that only take ASCII.
 */
public final class FileNames {

    private static final Map<Character, String> CYRILLIC = cyrillic();

    private FileNames() {
    }

    /**
     * The {@code Content-Disposition} of a report file (RFC 6266): the real name in UTF-8 (RFC 5987) and an ASCII one
     * for old clients, the same header wherever a report is downloaded.
     */
    public static String contentDisposition(String fileName) {
        String encoded = java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "attachment; filename=\"" + ascii(fileName) + "\"; filename*=UTF-8''" + encoded;
    }

    /** Letters, digits, dot, dash and underscore of any script; every run of anything else becomes one underscore. */
    public static String safe(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N}.\\-]+", "_");
        s = s.replaceAll("^_+|_+$", "");
        return s.length() > 120 ? s.substring(0, 120) : s;
    }

    /** The name in ASCII: Cyrillic transliterated (ГОСТ 7.79-2000 system B, simplified), the rest as {@link #safe}. */
    public static String ascii(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            String t = CYRILLIC.get(Character.toLowerCase(c));
            if (t == null) {
                b.append(c < 128 ? c : '_');
            } else if (Character.isUpperCase(c) && !t.isEmpty()) {
                b.append(Character.toUpperCase(t.charAt(0))).append(t.substring(1));
            } else {
                b.append(t);
            }
        }
        return safe(b.toString());
    }

    private static Map<Character, String> cyrillic() {
        String[] pairs = {"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "yo", "ж", "zh", "з", "z",
            "и", "i", "й", "j", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s",
            "т", "t", "у", "u", "ф", "f", "х", "x", "ц", "cz", "ч", "ch", "ш", "sh", "щ", "shh", "ъ", "", "ы", "y",
            "ь", "", "э", "e", "ю", "yu", "я", "ya"};
        Map<Character, String> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i].charAt(0), pairs[i + 1]);
        }
        return Map.copyOf(m);
    }

}
