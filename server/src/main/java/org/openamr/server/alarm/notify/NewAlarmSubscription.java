package org.openamr.server.alarm.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.TimeZones;
import org.openamr.server.mail.MailAddresses;

/**
 * A subscription as asked for, every field checked: {@link #parse} refuses a wrong one with a
 * {@link BadRequestException} naming it.
 *
 * @param webhookSecret the HMAC key the user chose, or null (a new webhook then gets one made by the server, an
 *                      existing one keeps its key)
 */
public record NewAlarmSubscription(String name, UUID building, Severity minSeverity, Set<RuleKind> kinds,
                                   boolean notifyCleared, List<String> recipients, String webhookUrl,
                                   String webhookSecret, QuietHours quietHours, ZoneId zone, int digestMinutes,
                                   Locale locale, boolean enabled) {

    public static final int MAX_DIGEST_MINUTES = 1440;
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 256;

    /** Never the secret: requests are logged in failures and shown in debuggers. */
    @Override
    public String toString() {
        return "NewAlarmSubscription[" + name + ", building=" + building + ", " + minSeverity + ", kinds=" + kinds
                + ", recipients=" + recipients + ", webhook=" + webhookUrl + "]";
    }

    /**
     * The subscription from the words of a JSON body. Defaults: minimum severity WARNING, every kind, no clearing
     * messages, no quiet hours, Moscow time, no digest, Russian, enabled.
     *
     * @throws BadRequestException naming the first field that is wrong and why
     */
    public static NewAlarmSubscription parse(String name, UUID building, String minSeverity, List<String> kinds,
            Boolean notifyCleared, List<String> recipients, String webhookUrl, String webhookSecret, String quietFrom,
            String quietTo, String timeZone, Integer digestMinutes, String lang, Boolean enabled) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 200) {
            throw new BadRequestException("field 'name': give a name of 1 to 200 characters");
        }
        Severity severity = minSeverity == null || minSeverity.isBlank() ? Severity.WARNING
                : named(Severity.class, "minSeverity", minSeverity);
        Set<RuleKind> k = EnumSet.noneOf(RuleKind.class);
        for (String kind : kinds == null ? List.<String>of() : kinds) {
            k.add(named(RuleKind.class, "kinds", kind));
        }
        List<String> to = recipients == null || recipients.isEmpty() ? List.of() : MailAddresses.recipients(recipients);
        String url = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl(webhookUrl.trim());
        String secret = webhookSecret == null || webhookSecret.isEmpty() ? null : webhookSecret;
        if (secret != null && url == null) {
            throw new BadRequestException("field 'webhookSecret' is only for a webhook: give 'webhookUrl' too");
        }
        if (secret != null && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET)) {
            throw new BadRequestException("field 'webhookSecret': give " + MIN_SECRET + " to " + MAX_SECRET
                    + " characters, or none and the server makes one (was " + secret.length() + " characters)");
        }
        if (to.isEmpty() && url == null) {
            throw new BadRequestException("field 'recipients': give e-mail recipients, a 'webhookUrl' or both");
        }
        QuietHours quiet = quietHours(quietFrom, quietTo);
        ZoneId zone = TimeZones.parse(timeZone);
        int digest = digestMinutes == null ? 0 : digestMinutes;
        if (digest < 0 || digest > MAX_DIGEST_MINUTES) {
            throw new BadRequestException("field 'digestMinutes': give 0 (a message at once) to " + MAX_DIGEST_MINUTES
                    + " minutes (was " + digest + ")");
        }
        String language = lang == null || lang.isBlank() ? "ru" : lang.trim().toLowerCase(Locale.ROOT);
        if (!language.equals("ru") && !language.equals("en")) {
            throw new BadRequestException("field 'lang': '" + lang + "' is not one of ru, en");
        }
        return new NewAlarmSubscription(n, building, severity, k, Boolean.TRUE.equals(notifyCleared), to, url, secret,
                quiet, zone, digest, Locale.forLanguageTag(language), enabled == null || enabled);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return Enum.valueOf(type, t);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("field '" + field + "': '" + text + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** An absolute http or https address with a host and without credentials (they would be shown back). */
    static String webhookUrl(String text) {
        if (text.length() > 2000) {
            throw new BadRequestException("field 'webhookUrl': at most 2000 characters (was " + text.length() + ")");
        }
        URI u;
        try {
            u = new URI(text);
        } catch (URISyntaxException e) {
            throw new BadRequestException("field 'webhookUrl': '" + text + "' is not an address: " + e.getMessage());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BadRequestException("field 'webhookUrl': '" + text + "' is not an http or https address");
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw new BadRequestException("field 'webhookUrl': '" + text + "' names no host");
        }
        if (u.getRawUserInfo() != null) {
            throw new BadRequestException("field 'webhookUrl': no user or password in the address (it is shown back"
                    + " to whoever reads the subscription); the signature proves the sender");
        }
        return text;
    }

    private static QuietHours quietHours(String from, String to) {
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            return null;
        }
        if (noFrom || noTo) {
            throw new BadRequestException("field '" + (noFrom ? "quietFrom" : "quietTo")
                    + "': quiet hours need both 'quietFrom' and 'quietTo' (HH:mm)");
        }
        LocalTime f = time("quietFrom", from);
        LocalTime t = time("quietTo", to);
        if (f.equals(t)) {
            throw new BadRequestException("field 'quietTo': quiet hours from " + f + " to " + t
                    + " are no hours; give a different end");
        }
        return new QuietHours(f, t);
    }

    private static LocalTime time(String field, String text) {
        try {
            LocalTime t = LocalTime.parse(text.trim());
            if (t.getSecond() != 0 || t.getNano() != 0) {
                throw new BadRequestException("field '" + field + "': '" + text + "' has seconds; give HH:mm");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new BadRequestException("field '" + field + "': '" + text + "' is not a time of day HH:mm");
        }
    }
}
