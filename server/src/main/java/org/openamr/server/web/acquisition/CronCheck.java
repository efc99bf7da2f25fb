package org.openamr.server.web.acquisition;

import java.util.Arrays;
import java.util.Locale;
import org.openamr.server.channel.ScheduleLimits;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.scheduling.support.CronExpression;

/**
 * Why a schedule typed into the page is refused, in words a person can act on: the number of fields (a
 * five-field Unix cron is the usual slip), or which field is wrong and what it may hold. The channel
 * service checks again; this only makes the answer specific and translatable.
 */
final class CronCheck {

    /** Per field: its name's message code and what it may hold. */
    private static final String[] FIELDS = {"second", "minute", "hour", "dayOfMonth", "month", "dayOfWeek"};
    private static final String[] ALLOWED = {"0–59", "0–59", "0–23", "1–31, L", "1–12, JAN–DEC", "0–7, MON–SUN"};

    private CronCheck() {
    }

    /** Null when {@code cron} is a valid schedule or blank (no schedule: polled on demand only). */
    static MessageSourceResolvable problem(String cron) {
        if (cron == null || cron.isBlank()) {
            return null;
        }
        String c = cron.trim();
        if (ScheduleLimits.tooLong(c) != null) {
            // not repeated: a page would show all of it
            return problem("acq.schedule.error.tooLong", c.length(), ScheduleLimits.MAX_LENGTH);
        }
        if (c.startsWith("@")) {
            return CronWords.MACROS.containsKey(c.toLowerCase(Locale.ROOT)) ? limits(c)
                    : problem("acq.schedule.error.macro", c);
        }
        String[] fields = c.split("\\s+");
        if (fields.length != FIELDS.length) {
            return fields.length == 5
                    ? problem("acq.schedule.error.unix", c, "0 " + c)
                    : problem("acq.schedule.error.count", c, fields.length);
        }
        if (valid(c)) {
            return limits(c);
        }
        for (int i = 0; i < FIELDS.length; i++) {
            String[] probe = {"0", "0", "0", "*", "*", "*"};
            probe[i] = fields[i];
            if (!valid(String.join(" ", probe))) {
                return new DefaultMessageSourceResolvable(new String[] {"acq.schedule.error.field"}, new Object[] {c,
                        i + 1, new DefaultMessageSourceResolvable("acq.schedule.field." + FIELDS[i]), fields[i],
                        ALLOWED[i]});
            }
        }
        return problem("acq.schedule.error.combination", c);
    }

    private static MessageSourceResolvable limits(String c) {
        ScheduleLimits.Problem p = ScheduleLimits.check(CronExpression.parse(c));
        if (p == ScheduleLimits.Problem.TOO_OFTEN) {
            return problem("acq.schedule.error.tooOften", c);
        }
        return p == ScheduleLimits.Problem.NEVER ? problem("acq.schedule.error.never", c) : null;
    }

    private static boolean valid(String cron) {
        try {
            CronExpression.parse(cron);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static MessageSourceResolvable problem(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, Arrays.copyOf(args, args.length));
    }
}
