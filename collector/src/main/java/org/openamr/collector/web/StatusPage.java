package org.openamr.collector.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openamr.collector.web.Status.InputRow;
import org.openamr.collector.web.Status.OutputRow;
import org.openamr.collector.web.Status.StoreRow;

/**
 * The status page, written on the server as plain HTML with a little CSS: no script, so it works in any
 * phone's browser. Label–value lists instead of wide tables, and long values (paths, a destination's
 * answer) wrap, so that nothing scrolls sideways at 390 px. Everything that comes from outside is escaped.
 */
final class StatusPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2733;background:#f2f4f7}
            header{background:#1f3b57;color:#fff;padding:12px 16px}
            header h1{margin:0;font-size:20px;overflow-wrap:anywhere}
            header p{margin:4px 0 0;font-size:13px;opacity:.85}
            header a{color:#fff;margin-right:12px}
            main{max-width:1100px;margin:0 auto;padding:8px 12px 24px}
            h2{font-size:17px;margin:20px 0 8px}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px}
            .card{background:#fff;border:1px solid #d5dbe3;border-radius:6px;padding:10px 12px;min-width:0}
            .card h3{margin:0 0 6px;font-size:16px;overflow-wrap:anywhere}
            dl{display:grid;grid-template-columns:minmax(0,11em) minmax(0,1fr);gap:3px 10px;margin:0}
            dt{color:#566573}
            dd{margin:0;overflow-wrap:anywhere;font-variant-numeric:tabular-nums}
            .bad{color:#a61b1b}
            .warn{color:#8a5a00;font-weight:600}
            .ok{color:#1b6e2b}
            pre{background:#fff;border:1px solid #d5dbe3;border-radius:6px;padding:10px;margin:0;
                white-space:pre-wrap;overflow-wrap:anywhere;font-size:12.5px;max-height:480px;overflow-y:auto}
            @media (max-width:420px){.cards{grid-template-columns:minmax(0,1fr)}dl{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
            """;

    private final Lang lang;
    private final ZoneId zone;
    private final StringBuilder out = new StringBuilder(16 * 1024);

    private StatusPage(Lang lang, ZoneId zone) {
        this.lang = lang;
        this.zone = zone;
    }

    static String page(Status s, Lang lang) {
        StatusPage p = new StatusPage(lang, s.zone());
        p.head(p.t("title") + " " + s.collector());
        p.out.append("<header><h1 id=\"collector\">").append(p.t("title")).append(' ').append(esc(s.collector()))
                .append("</h1><p>").append(p.t("taken")).append(' ').append(p.time(Optional.of(s.at())))
                .append(" · <a href=\"?lang=").append(lang.code()).append("\">").append(p.t("refresh")).append("</a>")
                .append(lang == Lang.RU ? "<a href=\"?lang=en\" lang=\"en\">English</a>" : "<a href=\"?lang=ru\" lang=\"ru\">Русский</a>")
                .append("</p></header><main>");
        p.inputs(s);
        p.outputs(s);
        p.store(s.store());
        p.out.append("<h2>").append(p.t("config")).append("</h2><p>").append(p.t("configNote")).append("</p>")
                .append("<pre id=\"config\">").append(esc(s.configuration())).append("</pre>");
        p.out.append("<h2>").append(p.t("log")).append("</h2><pre id=\"log\">");
        // newest first: what happened last is what one looks for
        for (int i = s.log().size() - 1; i >= 0; i--) {
            p.out.append(esc(s.log().get(i))).append('\n');
        }
        p.out.append("</pre></main></body></html>\n");
        return p.out.toString();
    }

    /** A short page (404, 401, 400, 405) in the language. */
    static String message(Lang lang, String titleKey, String textKey, boolean linkBack) {
        StatusPage p = new StatusPage(lang, ZoneId.of("UTC"));
        p.head(p.t(titleKey));
        p.out.append("<header><h1>").append(p.t(titleKey)).append("</h1></header><main><p id=\"message\">")
                .append(p.t(textKey)).append("</p>");
        if (linkBack) {
            p.out.append("<p><a href=\"/?lang=").append(lang.code()).append("\">").append(p.t("toStatus")).append("</a></p>");
        }
        p.out.append("</main></body></html>\n");
        return p.out.toString();
    }

    private void head(String title) {
        out.append("<!DOCTYPE html><html lang=\"").append(lang.code()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title><style>").append(CSS).append("</style></head><body>");
    }

    private void inputs(Status s) {
        out.append("<h2>").append(t("inputs")).append("</h2>");
        if (s.inputs().isEmpty()) {
            out.append("<p>").append(t("noInputs")).append("</p>");
            return;
        }
        out.append("<div class=\"cards\">");
        for (InputRow i : s.inputs()) {
            out.append("<section class=\"card input\" id=\"input-").append(esc(i.name())).append("\"><h3>")
                    .append(esc(i.name())).append("</h3><dl>");
            row("kind", t("kind." + i.kind()));
            row(t("address." + i.kind()), "address", esc(i.address()));
            row(t("meters." + i.kind()), "meters", Long.toString(i.meters()));
            row(t("lastRead"), "last-read", time(i.lastRead()));
            if (i.kind().equals("radio")) {
                row(t("rssi"), "rssi", i.lastRssiDbm().isPresent() ? i.lastRssiDbm().getAsInt() + " dBm" : t("unknown"));
            }
            row(t("telegrams"), "telegrams", Long.toString(i.telegrams()));
            row(t("readouts"), "readouts", Long.toString(i.readouts()));
            row(t("errors"), "errors", counts(i.errors()));
            out.append("</dl></section>");
        }
        out.append("</div>");
    }

    private void outputs(Status s) {
        out.append("<h2>").append(t("outputs")).append("</h2>");
        if (s.outputs().isEmpty()) {
            out.append("<p>").append(t("noOutputs")).append("</p>");
            return;
        }
        out.append("<div class=\"cards\">");
        for (OutputRow o : s.outputs()) {
            out.append("<section class=\"card output\" id=\"output-").append(esc(o.name())).append("\"><h3>")
                    .append(esc(o.name())).append("</h3><dl>");
            row(t("type"), "type", esc(o.type()));
            row(t("queue"), "queue", o.queueDepth() < 0 ? t("unknown") : Long.toString(o.queueDepth()));
            row(t("lastSuccess"), "last-success", time(o.lastSuccess()));
            row(t("lastError"), "last-error", o.lastError().isEmpty() ? t("none")
                    : "<span class=\"bad\">" + time(o.lastErrorAt()) + ": " + esc(o.lastError().get()) + "</span>");
            row(t("delivered"), "delivered", o.delivered() + (o.throughBackup() > 0
                    ? " + " + o.throughBackup() + " " + t("throughBackup") : ""));
            row(t("failuresInRow"), "failures", Integer.toString(o.failuresInRow()));
            row(t("backup"), "backup", o.backup().isEmpty() ? t("noBackup") : esc(o.backup().get()) + " — "
                    + (o.backupInUse() ? "<span class=\"warn\">" + t("backupInUse") + "</span>" : t("backupIdle")));
            out.append("</dl></section>");
        }
        out.append("</div>");
    }

    private void store(StoreRow st) {
        out.append("<h2>").append(t("store")).append("</h2><div class=\"cards\"><section class=\"card\" id=\"store\"><dl>");
        row(t("file"), "file", esc(st.file().toString()));
        row(t("size"), "size", st.usedBytes() < 0 ? t("unknown") : bytes(st.usedBytes()));
        row(t("cap"), "cap", bytes(st.maxBytes()));
        st.maxAge().ifPresent(a -> row(t("maxAge"), "max-age", a.toDays() + (lang == Lang.RU ? " сут." : " d")));
        row(t("dropped"), "dropped", st.droppedUndelivered() > 0
                ? "<span class=\"warn\">" + st.droppedUndelivered() + "</span>" : "0");
        out.append("</dl></section><section class=\"card\" id=\"outcomes\"><h3>").append(t("byOutcome")).append("</h3><dl>");
        if (st.telegrams().isEmpty()) {
            out.append("<dt>").append(t("telegrams")).append("</dt><dd>0</dd>");
        }
        st.telegrams().forEach((outcome, n) -> row(t("outcome." + outcome), "outcome-" + outcome, Long.toString(n)));
        out.append("</dl></section></div>");
    }

    /** One label and value, both already escaped. {@code id} is a fixed name, for tests. */
    private void row(String label, String id, String html) {
        out.append("<dt>").append(label).append("</dt><dd class=\"").append(esc(id)).append("\">").append(html).append("</dd>");
    }

    private void row(String key, String html) {
        row(t(key), key, html);
    }

    private String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return t("none");
        }
        StringBuilder b = new StringBuilder();
        counts.forEach((kind, n) -> b.append(b.length() > 0 ? ", " : "").append(esc(kind)).append(": ").append(n));
        return "<span class=\"bad\">" + b + "</span>";
    }

    private String time(Optional<Instant> at) {
        return at.map(i -> TIME.format(i.atZone(zone)) + " " + esc(zone.getId())).orElse(t("never"));
    }

    static String bytes(long n) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private String t(String key) {
        return esc(Texts.get(lang, key));
    }

    /** For text and for attribute values in double or single quotes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
