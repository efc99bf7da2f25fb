package org.openamr.collector.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openamr.collector.config.CollectorSettings;
import org.openamr.collector.config.CollectorSettings.Input;
import org.openamr.collector.config.CollectorSettings.OutputSettings;
import org.openamr.collector.config.CollectorSettings.RadioInput;
import org.openamr.collector.config.CollectorSettings.WiredInput;
import org.openamr.collector.config.MeterFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The running configuration as YAML, as the collector understood it (defaults filled in), with every
 * secret replaced by {@link #MASK}. Written from the checked settings, not the file: the file could hold
 * a secret in a comment, and a key file's contents are never read here at all (only its path is shown).
 */
public final class ConfigText {

    public static final String MASK = "********";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();
    /** user:password@ in a URL (mqtt://, https://) */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?<=://)([^/@\\s:]*):[^/@\\s]*@");
    private static final Pattern URL_PASSWORD_ONLY = Pattern.compile("://[^/@\\s:]*:([^/@\\s]*)@");

    private ConfigText() {
    }

    public static String of(CollectorSettings s) {
        return YAML.writeValueAsString(masked(tree(s)));
    }

    /**
     * Every secret value of the configuration (and every password written in a URL), to be masked wherever
     * it could show up on the page: an output's description in the log may quote its URL.
     */
    public static Set<String> secrets(CollectorSettings s) {
        Set<String> found = new HashSet<>();
        collect(tree(s), false, found);
        return found;
    }

    /** A log line with every secret value and every password inside a URL masked. */
    public static String maskLine(String line, Set<String> secrets) {
        String m = URL_PASSWORD.matcher(line).replaceAll("$1:" + MASK + "@");
        for (String secret : secrets) {
            m = m.replace(secret, MASK);
        }
        return m;
    }

    private static void collect(JsonNode node, boolean secret, Set<String> found) {
        if (node instanceof ObjectNode o) {
            o.properties().forEach(e -> collect(e.getValue(), secret || secret(e.getKey()), found));
        } else if (node instanceof ArrayNode a) {
            a.forEach(x -> collect(x, secret, found));
        } else if (node != null && !node.isNull()) {
            String text = node.asString();
            if (secret && text.length() >= 3) { // masking a one-letter "secret" would mask half the page
                found.add(text);
            }
            Matcher m = URL_PASSWORD_ONLY.matcher(text);
            while (m.find()) {
                if (m.group(1).length() >= 3) {
                    found.add(m.group(1));
                }
            }
        }
    }

    /** The configuration as a tree, secrets still in it: never written out before {@link #masked}. */
    private static ObjectNode tree(CollectorSettings s) {
        ObjectNode root = YAML.createObjectNode();
        ObjectNode c = root.putObject("collector");
        c.put("id", s.id());
        c.put("zone", s.zone().getId());
        ObjectNode store = c.putObject("store");
        store.put("path", s.store().path().toString());
        store.put("maxSize", size(s.store().maxBytes()));
        s.store().maxAge().ifPresent(a -> store.put("maxAge", duration(a)));
        s.web().ifPresent(w -> {
            ObjectNode web = c.putObject("web");
            web.put("bind", w.bind());
            web.put("port", w.port());
            web.put("user", w.user());
            web.put("password", w.password());
        });
        ArrayNode inputs = root.putArray("inputs");
        for (Input in : s.inputs()) {
            ObjectNode i = inputs.addObject();
            i.put("name", in.name());
            if (in instanceof WiredInput w) {
                i.put("type", "mbus");
                i.put("address", w.connection().address().text());
                i.put("baud", w.connection().baud());
                if (!w.primaries().isEmpty()) {
                    ArrayNode a = i.putArray("addresses");
                    w.primaries().forEach(a::add);
                }
                if (!w.secondaries().isEmpty()) {
                    ArrayNode a = i.putArray("secondary");
                    w.secondaries().forEach(x -> a.add(x.toString()));
                }
                if (w.search() != CollectorSettings.Search.NONE) {
                    i.put("search", w.search().name().toLowerCase(Locale.ROOT));
                }
                i.put("schedule", w.schedule().toString());
            } else {
                RadioInput r = (RadioInput) in;
                i.put("type", "radio");
                i.put("receiver", r.receiver().toString());
                r.mode().ifPresent(m -> i.put("mode", m.name()));
                r.keys().ifPresent(k -> i.put("keys", k.toString()));
                i.set("meters", meters(r.meters()));
            }
        }
        ArrayNode outputs = root.putArray("outputs");
        for (OutputSettings o : s.outputs()) {
            ObjectNode n = outputs.addObject();
            n.put("name", o.name());
            n.put("type", o.type());
            o.schedule().ifPresent(x -> n.put("schedule", x.toString()));
            n.set("meters", meters(o.meters()));
            o.backup().ifPresent(b -> n.put("backup", b));
            n.put("failuresBeforeBackup", o.failuresBeforeBackup());
            ObjectNode retry = n.putObject("retry");
            retry.put("initial", duration(o.retryInitial()));
            retry.put("max", duration(o.retryMax()));
            n.put("batchSize", o.batchSize());
            JsonNode settings;
            try {
                settings = YAML.valueToTree(o.settings());
            } catch (RuntimeException e) { // a settings record Jackson cannot write: show nothing rather than a guess
                settings = YAML.createObjectNode().put("(not shown)", e.getClass().getSimpleName());
            }
            n.set("settings", settings);
        }
        return root;
    }

    /** As the file writes them: 2GB, 500MB, 64KB. */
    static String size(long bytes) {
        String[] units = {"TB", "GB", "MB", "KB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return bytes + "B";
    }

    /** As the file writes them: 90d, 2h, 10m, 30s, 500ms. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms != 0 && ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }

    private static JsonNode meters(MeterFilter f) {
        switch (f.kind()) {
            case ALL:
                return YAML.getNodeFactory().stringNode("all");
            case NONE:
                return YAML.getNodeFactory().stringNode("none");
            case IDS: {
                ArrayNode a = YAML.createArrayNode();
                f.values().stream().sorted().forEach(a::add);
                return a;
            }
            default: {
                ObjectNode o = YAML.createObjectNode();
                ArrayNode a = o.putArray("manufacturers");
                f.values().stream().sorted().forEach(a::add);
                return o;
            }
        }
    }

    /**
     * A setting is secret by its name: password, passphrase, token, secret, credential, any (private, API …)
     * key. Rather one masked too many than one shown.
     */
    static boolean secret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("passphrase") || n.contains("passwd") || n.contains("token")
                || n.contains("secret") || n.contains("credential") || n.endsWith("key") || n.equals("pin")
                || n.equals("auth") || n.equals("authorization");
    }

    /** Masks secrets by name, drops settings left empty (null), and masks passwords written inside URLs. */
    static JsonNode masked(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode copy = YAML.createObjectNode();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
            for (Map.Entry<String, JsonNode> e : entries) {
                if (e.getValue() == null || e.getValue().isNull()) {
                    continue;
                }
                copy.set(e.getKey(), secret(e.getKey()) ? YAML.getNodeFactory().stringNode(MASK) : masked(e.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = YAML.createArrayNode();
            a.forEach(x -> copy.add(masked(x)));
            return copy;
        }
        if (node.isString()) {
            String text = node.asString();
            String m = URL_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
            return m.equals(text) ? node : YAML.getNodeFactory().stringNode(m);
        }
        return node;
    }
}
