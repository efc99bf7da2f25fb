package org.openamr.collector.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.acquisition.radio.ReceiverAddress;
import org.openamr.acquisition.schedule.Cron;
import org.openamr.collector.config.CollectorSettings.Input;
import org.openamr.collector.config.CollectorSettings.OutputSettings;
import org.openamr.collector.config.CollectorSettings.RadioInput;
import org.openamr.collector.config.CollectorSettings.Search;
import org.openamr.collector.config.CollectorSettings.StoreSettings;
import org.openamr.collector.config.CollectorSettings.WebSettings;
import org.openamr.collector.config.CollectorSettings.WiredInput;
import org.openamr.collector.delivery.OutputTypes;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.Address;
import org.openamr.wmbus.receiver.LinkMode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and checks a collector's YAML configuration. Every mistake is named with its line and column:
 * Jackson's own location for syntax, unknown keys and wrong types; for the rest (a bad cron, address,
 * backup naming no output) the location of the key, found by a first pass over the file's tokens.
 */
public final class ConfigLoader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // A key written twice is a mistake to name, not a silent "the last one wins".
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final OutputTypes types;

    public ConfigLoader(OutputTypes types) {
        this.types = types;
    }

    public CollectorSettings load(Path file) throws ConfigException, IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().getParent());
    }

    /** @param base the folder relative paths (store, keys, file outputs) are taken from */
    public CollectorSettings parse(String yaml, Path base) throws ConfigException {
        if (yaml.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"))) {
            throw new ConfigException(List.of(new ConfigProblem(1, 1, "the file is empty", "файл пуст")));
        }
        ConfigFile file;
        Map<String, TokenStreamLocation> locations;
        try {
            locations = locations(yaml);
            file = YAML.readValue(yaml, ConfigFile.class);
        } catch (JacksonException e) {
            throw new ConfigException(List.of(jacksonProblem(e, locations(yamlOrEmpty(yaml)))));
        }
        if (file == null) {
            throw new ConfigException(List.of(new ConfigProblem(1, 1, "the file is empty", "файл пуст")));
        }
        return new Check(locations, base).settings(file);
    }

    /** The location of every key and value, by JSON pointer ({@code /inputs/0/schedule}). */
    private static Map<String, TokenStreamLocation> locations(String yaml) {
        Map<String, TokenStreamLocation> map = new HashMap<>();
        try (JsonParser p = YAML.createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = p.streamReadContext().pathAsPointer().toString();
                if (t.isScalarValue()) {
                    map.put(pointer, p.currentTokenLocation()); // a value's own place beats its key's
                } else {
                    map.putIfAbsent(pointer, p.currentTokenLocation());
                }
            }
        }
        return map;
    }

    /** The token pass of a file with a syntax error fails too: then Jackson's own location is all there is. */
    private static String yamlOrEmpty(String yaml) {
        try {
            locations(yaml);
            return yaml;
        } catch (JacksonException e) {
            return "";
        }
    }

    private static ConfigProblem jacksonProblem(JacksonException e, Map<String, TokenStreamLocation> locations) {
        TokenStreamLocation at = e.getLocation();
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            pointer.append('/').append(r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()));
        }
        // Jackson points at the token it stopped on (for an unknown key, the one after its value);
        // the first pass knows where the key itself is.
        if (locations.containsKey(pointer.toString())) {
            at = locations.get(pointer.toString());
        }
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String path = e.getPath().isEmpty() ? "the file" : pathText(e.getPath());
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : " (" + String.join(", ",
                    u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")";
            return new ConfigProblem(line, column, "unknown key '" + u.getPropertyName() + "' at " + path + "; known keys" + known,
                    "неизвестный ключ '" + u.getPropertyName() + "' в " + path + "; допустимые ключи" + known);
        }
        if (e instanceof MismatchedInputException m) {
            String expected = m.getTargetType() == null ? "another type" : typeName(m.getTargetType(), false);
            String expectedRu = m.getTargetType() == null ? "другой тип" : typeName(m.getTargetType(), true);
            return new ConfigProblem(line, column, path + " has the wrong type: expected " + expected,
                    path + ": неверный тип значения, ожидается " + expectedRu);
        }
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("Duplicate .*\"(.*)\"").matcher(
                String.valueOf(e.getOriginalMessage()));
        if (duplicate.matches()) {
            return new ConfigProblem(line, column, "the key '" + duplicate.group(1) + "' is written twice",
                    "ключ '" + duplicate.group(1) + "' указан дважды");
        }
        return new ConfigProblem(line, column, "YAML: " + e.getOriginalMessage(), "ошибка YAML: " + e.getOriginalMessage());
    }

    private static String pathText(List<JacksonException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String typeName(Class<?> type, boolean russian) {
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return russian ? "число" : "a number";
        }
        if (type == String.class) {
            return russian ? "текст" : "a text";
        }
        if (List.class.isAssignableFrom(type)) {
            return russian ? "список" : "a list";
        }
        return russian ? "раздел с ключами" : "a section of keys";
    }

    /** One pass of checks, collecting every problem rather than stopping at the first. */
    private final class Check {
        private final Map<String, TokenStreamLocation> locations;
        private final Path base;
        private final List<ConfigProblem> problems = new ArrayList<>();

        Check(Map<String, TokenStreamLocation> locations, Path base) {
            this.locations = locations;
            this.base = base;
        }

        void problem(String pointer, String english, String russian) {
            TokenStreamLocation at = locations.get(pointer);
            String p = pointer;
            while (at == null && p.lastIndexOf('/') > 0) { // a missing key: point at its section
                p = p.substring(0, p.lastIndexOf('/'));
                at = locations.get(p);
            }
            problems.add(new ConfigProblem(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    english, russian));
        }

        CollectorSettings settings(ConfigFile f) throws ConfigException {
            ConfigFile.Collector c = f.collector();
            String id = null;
            ZoneId zone = ZoneId.systemDefault();
            StoreSettings store = null;
            Optional<WebSettings> web = Optional.empty();
            if (c == null) {
                problem("", "the section 'collector:' (id, store) is missing", "нет раздела 'collector:' (id, store)");
            } else {
                id = c.id();
                if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                    problem("/collector/id", "collector.id must be 1–64 letters, digits, '.', '_' or '-' (it names files and batches), got "
                                    + quote(id), "collector.id — от 1 до 64 латинских букв, цифр, '.', '_' или '-', указано " + quote(id));
                }
                if (c.zone() != null) {
                    try {
                        zone = ZoneId.of(c.zone());
                    } catch (DateTimeException e) {
                        problem("/collector/zone", "unknown time zone " + quote(c.zone()) + " (e.g. Europe/Moscow)",
                                "неизвестный часовой пояс " + quote(c.zone()) + " (например Europe/Moscow)");
                    }
                }
                store = store(c.store());
                if (c.web() != null) {
                    web = Optional.of(web(c.web()));
                }
            }
            List<Input> inputs = inputs(f.inputs());
            List<OutputSettings> outputs = outputs(f.outputs());
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new CollectorSettings(id, zone, store, web, inputs, outputs);
        }

        private StoreSettings store(ConfigFile.Store s) {
            if (s == null || s.path() == null || s.path().isBlank()) {
                problem("/collector/store", "collector.store.path (the store's file) is missing",
                        "не указан collector.store.path (файл хранилища)");
                return null;
            }
            long max = CollectorSettings.DEFAULT_MAX_SIZE;
            if (s.maxSize() != null) {
                try {
                    max = Amounts.size(s.maxSize());
                    if (max < 64 * 1024) {
                        problem("/collector/store/maxSize", "store.maxSize " + s.maxSize() + " is below 64KB",
                                "store.maxSize " + s.maxSize() + " меньше 64KB");
                    }
                } catch (IllegalArgumentException | ArithmeticException e) {
                    problem("/collector/store/maxSize", "store.maxSize: " + e.getMessage(),
                            "store.maxSize: размер записывается как 2GB, 500MB или 64KB, указано " + quote(s.maxSize()));
                }
            }
            Optional<Duration> age = Optional.empty();
            if (s.maxAge() != null) {
                age = duration("/collector/store/maxAge", "store.maxAge", s.maxAge());
            }
            return new StoreSettings(base.resolve(s.path()), max, age);
        }

        private WebSettings web(ConfigFile.Web w) {
            int port = 0;
            if (w.port() == null) {
                problem("/collector/web/port", "web.port is missing (the status page's port, e.g. 8090)",
                        "не указан web.port (порт страницы состояния, например 8090)");
            } else if (w.port() < 0 || w.port() > 65535) {
                problem("/collector/web/port", "web.port " + w.port() + " is not 1–65535", "web.port " + w.port() + " вне 1–65535");
            } else {
                port = w.port();
            }
            String bind = w.bind() == null ? WebSettings.DEFAULT_BIND : w.bind().strip();
            // a literal address or a host name; it is resolved only at start (the network may come up later)
            if (!bind.matches("[0-9A-Za-z.:%_-]{1,253}") || bind.startsWith("-")) {
                problem("/collector/web/bind", "web.bind " + quote(w.bind()) + " is not an address (e.g. 127.0.0.1, 0.0.0.0 or ::1)",
                        "web.bind " + quote(w.bind()) + " — не адрес (например 127.0.0.1, 0.0.0.0 или ::1)");
            }
            String user = w.user() == null ? WebSettings.DEFAULT_USER : w.user();
            if (user.isEmpty() || user.length() > 64 || user.contains(":") || user.chars().anyMatch(Character::isISOControl)) {
                problem("/collector/web/user", "web.user must be 1–64 characters without ':'",
                        "web.user — от 1 до 64 символов без ':'");
            }
            String password = w.password() == null ? "" : w.password();
            if (w.password() == null) {
                problem("/collector/web", "web.password is missing: the status page shows the configuration and needs one",
                        "не указан web.password: страница состояния показывает настройки, без пароля её не открыть");
            } else if (password.length() < 8) {
                // the value itself is never repeated in a message
                problem("/collector/web/password", "web.password must be at least 8 characters",
                        "web.password — не короче 8 символов");
            }
            return new WebSettings(bind, port, user, password);
        }

        private Optional<Duration> duration(String pointer, String key, String text) {
            try {
                Duration d = Amounts.duration(text);
                if (d.isZero()) {
                    problem(pointer, key + " must be longer than 0", key + " должно быть больше 0");
                }
                return Optional.of(d);
            } catch (IllegalArgumentException e) {
                problem(pointer, key + ": " + e.getMessage(),
                        key + ": " + quote(text) + " — не длительность; пишите 500ms, 30s, 5m, 2h или 90d");
                return Optional.empty();
            }
        }

        private Optional<Cron> cron(String pointer, String text) {
            try {
                return Optional.of(Cron.parse(text));
            } catch (IllegalArgumentException e) {
                problem(pointer, "schedule: " + e.getMessage(), "расписание (cron из 5 полей: минута час день месяц"
                        + " день-недели) " + quote(text) + " не понято: " + e.getMessage());
                return Optional.empty();
            }
        }

        private List<Input> inputs(List<ConfigFile.Input> list) {
            List<Input> inputs = new ArrayList<>();
            Set<String> names = new HashSet<>();
            if (list == null) {
                return inputs;
            }
            for (int i = 0; i < list.size(); i++) {
                ConfigFile.Input in = list.get(i);
                String at = "/inputs/" + i;
                if (in == null) {
                    problem(at, "input " + (i + 1) + " is empty", "вход " + (i + 1) + " пуст");
                    continue;
                }
                if (!name(at, in.name(), names, "input", "вход")) {
                    continue;
                }
                if ("mbus".equals(in.type())) {
                    wired(at, in).ifPresent(inputs::add);
                } else if ("radio".equals(in.type())) {
                    radio(at, in).ifPresent(inputs::add);
                } else {
                    problem(at + "/type", "input " + quote(in.name()) + ": type " + quote(in.type()) + " is not mbus or radio",
                            "вход " + quote(in.name()) + ": тип " + quote(in.type()) + " — не mbus и не radio");
                }
            }
            return inputs;
        }

        private boolean name(String at, String name, Set<String> names, String what, String whatRu) {
            if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                problem(at + "/name", what + " name must be 1–64 letters, digits, '.', '_' or '-', got " + quote(name),
                        "имя (" + whatRu + ") — от 1 до 64 латинских букв, цифр, '.', '_' или '-', указано " + quote(name));
                return false;
            }
            if (!names.add(name)) {
                problem(at + "/name", "the name " + quote(name) + " is used twice", "имя " + quote(name) + " встречается дважды");
                return false;
            }
            return true;
        }

        private void notFor(String at, String type, Object value, String key) {
            if (value != null) {
                problem(at + "/" + key, "'" + key + "' does not apply to a " + type + " input",
                        "ключ '" + key + "' не относится ко входу типа " + type);
            }
        }

        private Optional<Input> wired(String at, ConfigFile.Input in) {
            notFor(at, "mbus", in.receiver(), "receiver");
            notFor(at, "mbus", in.mode(), "mode");
            notFor(at, "mbus", in.keys(), "keys");
            notFor(at, "mbus", in.meters(), "meters");
            BusConnection connection = null;
            String address = in.address();
            int baud = in.baud() == null ? 2400 : in.baud();
            if (address != null && address.contains("?baud=")) { // /dev/ttyUSB0?baud=2400
                String b = address.substring(address.indexOf("?baud=") + 6);
                address = address.substring(0, address.indexOf("?baud="));
                if (!b.matches("\\d{3,5}")) {
                    problem(at + "/address", "address: baud " + quote(b) + " is not a number", "address: скорость " + quote(b) + " — не число");
                } else {
                    baud = Integer.parseInt(b);
                }
            }
            try {
                connection = BusConnection.of(address, baud);
            } catch (IllegalArgumentException e) {
                problem(at + "/address", "input " + quote(in.name()) + ": " + e.getMessage(),
                        "вход " + quote(in.name()) + ": неверный адрес шины " + quote(address)
                                + " (нужен tcp://хост:порт или последовательный порт, например /dev/ttyUSB0): " + e.getMessage());
            }
            List<Integer> primaries = in.addresses() == null ? List.of() : in.addresses();
            for (int j = 0; j < primaries.size(); j++) {
                Integer p = primaries.get(j);
                if (p == null || p < Address.UNCONFIGURED || p > Address.MAX_PRIMARY) {
                    problem(at + "/addresses/" + j, "primary address " + p + " is outside " + Address.UNCONFIGURED + "–" + Address.MAX_PRIMARY,
                            "первичный адрес " + p + " вне " + Address.UNCONFIGURED + "–" + Address.MAX_PRIMARY);
                }
            }
            List<SecondaryAddress> secondaries = new ArrayList<>();
            List<String> ids = in.secondary() == null ? List.of() : in.secondary();
            for (int j = 0; j < ids.size(); j++) {
                String t = ids.get(j) == null ? "" : ids.get(j).trim();
                if (t.matches("\\d{8}")) {
                    secondaries.add(new SecondaryAddress(t, SecondaryAddress.ANY_MANUFACTURER, SecondaryAddress.ANY, SecondaryAddress.ANY));
                } else if (t.matches("[0-9A-Fa-f]{16}")) {
                    secondaries.add(SecondaryAddress.parse(t));
                } else {
                    problem(at + "/secondary/" + j, "secondary address " + quote(t) + " is neither an 8-digit id nor 16 hex digits",
                            "вторичный адрес " + quote(t) + " — не 8-значный номер и не 16 шестнадцатеричных цифр");
                }
            }
            Search search = Search.NONE;
            if (in.search() != null) {
                switch (in.search().toLowerCase(Locale.ROOT)) {
                    case "primary" -> search = Search.PRIMARY;
                    case "secondary" -> search = Search.SECONDARY;
                    default -> problem(at + "/search", "search " + quote(in.search()) + " is not primary or secondary",
                            "search " + quote(in.search()) + " — не primary и не secondary");
                }
            }
            if (primaries.isEmpty() && ids.isEmpty() && search == Search.NONE) {
                problem(at, "input " + quote(in.name()) + " names no meters: give addresses, secondary or search",
                        "вход " + quote(in.name()) + " не называет счётчиков: укажите addresses, secondary или search");
            }
            Optional<Cron> schedule = Optional.empty();
            if (in.schedule() == null) {
                problem(at, "input " + quote(in.name()) + " has no schedule (cron, e.g. \"0 * * * *\" hourly)",
                        "у входа " + quote(in.name()) + " нет расписания (cron, например \"0 * * * *\" — каждый час)");
            } else {
                schedule = cron(at + "/schedule", in.schedule());
            }
            if (connection == null || schedule.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new WiredInput(in.name(), connection, primaries, secondaries, search, schedule.get()));
        }

        private Optional<Input> radio(String at, ConfigFile.Input in) {
            notFor(at, "radio", in.address(), "address");
            notFor(at, "radio", in.baud(), "baud");
            notFor(at, "radio", in.addresses(), "addresses");
            notFor(at, "radio", in.secondary(), "secondary");
            notFor(at, "radio", in.search(), "search");
            notFor(at, "radio", in.schedule(), "schedule");
            ReceiverAddress receiver = null;
            try {
                receiver = ReceiverAddress.parse(in.receiver() == null ? "" : in.receiver());
            } catch (IllegalArgumentException e) {
                problem(at + "/receiver", "input " + quote(in.name()) + ": " + e.getMessage(),
                        "вход " + quote(in.name()) + ": неверный приёмник " + quote(in.receiver())
                                + " (rtl-wmbus:stdin, rtl-wmbus:tcp:ХОСТ:ПОРТ, im871a:УСТРОЙСТВО, amb8465:УСТРОЙСТВО, replay:ФАЙЛ)");
            }
            Optional<LinkMode> mode = Optional.empty();
            if (in.mode() != null) {
                String m = in.mode().trim();
                try {
                    mode = Optional.of(LinkMode.parse(m.length() == 1 ? m + "1" : m));
                } catch (IllegalArgumentException e) {
                    problem(at + "/mode", "mode " + quote(in.mode()) + " is not S, T or C", "режим " + quote(in.mode()) + " — не S, T или C");
                }
            }
            Optional<Path> keys = Optional.empty();
            if (in.keys() != null) {
                Path k = base.resolve(in.keys());
                if (!Files.isReadable(k)) {
                    problem(at + "/keys", "keys file " + k + " cannot be read", "файл ключей " + k + " не читается");
                }
                keys = Optional.of(k);
            }
            MeterFilter meters = filter(at + "/meters", in.meters(), false);
            if (receiver == null) {
                return Optional.empty();
            }
            return Optional.of(new RadioInput(in.name(), receiver, mode, keys, meters));
        }

        private MeterFilter filter(String at, JsonNode node, boolean manufacturers) {
            if (node == null || node.isNull()) {
                return MeterFilter.ALL;
            }
            if (node.isString() && node.asString().equals("all")) {
                return MeterFilter.ALL;
            }
            if (node.isString() && node.asString().equals("none") && manufacturers) {
                return MeterFilter.NONE;
            }
            if (node.isArray()) {
                Set<String> ids = new LinkedHashSet<>();
                for (JsonNode n : node) {
                    String id = n.isNumber() ? String.format("%08d", n.asLong()) : n.asString();
                    if (n.isContainer() || !id.matches("[0-9A-Fa-f]{8}")) {
                        problem(at, "meters: " + quote(n.toString()) + " is not an 8-digit meter id", "meters: " + quote(n.toString())
                                + " — не 8-значный номер счётчика");
                    }
                    ids.add(id);
                }
                return new MeterFilter(MeterFilter.Kind.IDS, ids);
            }
            if (manufacturers && node.isObject() && node.size() == 1 && node.get("manufacturers") != null
                    && node.get("manufacturers").isArray()) {
                Set<String> codes = new LinkedHashSet<>();
                for (JsonNode n : node.get("manufacturers")) {
                    String code = n.asString().toUpperCase(Locale.ROOT);
                    if (!code.matches("[A-Z]{3}")) {
                        problem(at, "manufacturer " + quote(n.toString()) + " is not a three-letter code such as DFS",
                                "производитель " + quote(n.toString()) + " — не трёхбуквенный код вроде DFS");
                    }
                    codes.add(code);
                }
                return new MeterFilter(MeterFilter.Kind.MANUFACTURERS, codes);
            }
            problem(at, "meters must be all, " + (manufacturers ? "none, " : "") + "a list of meter ids"
                            + (manufacturers ? " or {manufacturers: [DFS, …]}" : ""),
                    "meters: ожидается all, " + (manufacturers ? "none, " : "") + "список номеров счётчиков"
                            + (manufacturers ? " или {manufacturers: [DFS, …]}" : ""));
            return MeterFilter.ALL;
        }

        private List<OutputSettings> outputs(List<ConfigFile.OutputEntry> list) {
            List<OutputSettings> outputs = new ArrayList<>();
            if (list == null) {
                return outputs;
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                ConfigFile.OutputEntry o = list.get(i);
                if (o != null && o.name() != null) {
                    names.add(o.name());
                }
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                ConfigFile.OutputEntry o = list.get(i);
                String at = "/outputs/" + i;
                if (o == null) {
                    problem(at, "output " + (i + 1) + " is empty", "выход " + (i + 1) + " пуст");
                    continue;
                }
                if (!name(at, o.name(), seen, "output", "выход")) {
                    continue;
                }
                Optional<OutputTypes.Type<?>> type = types.find(o.type() == null ? "" : o.type());
                Object settings = null;
                if (type.isEmpty()) {
                    problem(at + "/type", "output " + quote(o.name()) + ": type " + quote(o.type()) + " is not one of "
                            + types.names(), "выход " + quote(o.name()) + ": тип " + quote(o.type()) + " — не из " + types.names());
                } else {
                    settings = typeSettings(at + "/settings", o, type.get());
                }
                Optional<Cron> schedule = o.schedule() == null ? Optional.empty() : cron(at + "/schedule", o.schedule());
                MeterFilter meters = filter(at + "/meters", o.meters(), true);
                if (o.backup() != null) {
                    if (!names.contains(o.backup())) {
                        problem(at + "/backup", "output " + quote(o.name()) + ": backup " + quote(o.backup()) + " names no output",
                                "выход " + quote(o.name()) + ": резерв " + quote(o.backup()) + " — нет такого выхода");
                    } else if (o.backup().equals(o.name())) {
                        problem(at + "/backup", "output " + quote(o.name()) + " cannot be its own backup",
                                "выход " + quote(o.name()) + " не может быть резервом самому себе");
                    }
                }
                int failures = o.failuresBeforeBackup() == null ? 3 : o.failuresBeforeBackup();
                if (failures < 1 || failures > 1000) {
                    problem(at + "/failuresBeforeBackup", "failuresBeforeBackup " + failures + " is not 1–1000",
                            "failuresBeforeBackup " + failures + " вне 1–1000");
                }
                int batchSize = o.batchSize() == null ? 500 : o.batchSize();
                if (batchSize < 1 || batchSize > 100_000) {
                    problem(at + "/batchSize", "batchSize " + batchSize + " is not 1–100000", "batchSize " + batchSize + " вне 1–100000");
                }
                Duration initial = Duration.ofSeconds(10);
                Duration max = Duration.ofMinutes(10);
                if (o.retry() != null) {
                    if (o.retry().initial() != null) {
                        initial = duration(at + "/retry/initial", "retry.initial", o.retry().initial()).orElse(initial);
                    }
                    if (o.retry().max() != null) {
                        max = duration(at + "/retry/max", "retry.max", o.retry().max()).orElse(max);
                    }
                    if (max.compareTo(initial) < 0) {
                        problem(at + "/retry", "retry.max is shorter than retry.initial", "retry.max короче, чем retry.initial");
                    }
                }
                if (settings != null) {
                    outputs.add(new OutputSettings(o.name(), o.type(), schedule, meters, Optional.ofNullable(o.backup()),
                            failures, initial, max, batchSize, settings));
                }
            }
            return outputs;
        }

        private Object typeSettings(String at, ConfigFile.OutputEntry o, OutputTypes.Type<?> type) {
            JsonNode node = o.settings() == null ? JsonNodeFactory.instance.objectNode() : o.settings();
            if (type.settings().isRecord() && node.isObject()) {
                // Jackson builds a record before it reports an unknown key, so a misspelt key would show up
                // as the missing one: name the unknown key first.
                Set<String> known = new LinkedHashSet<>();
                for (var c : type.settings().getRecordComponents()) {
                    known.add(c.getName());
                }
                boolean unknown = false;
                for (String key : node.propertyNames()) {
                    if (!known.contains(key)) {
                        unknown = true;
                        problem(at + "/" + key, "output " + quote(o.name()) + ": unknown setting '" + key + "' for a " + o.type()
                                + " output; known settings " + known, "выход " + quote(o.name()) + ": неизвестная настройка '" + key
                                + "' для выхода типа " + o.type() + "; допустимые " + known);
                    }
                }
                if (unknown) {
                    return null;
                }
            }
            try {
                return YAML.treeToValue(node, type.settings());
            } catch (JacksonException e) {
                Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : null;
                String inner = e.getPath().isEmpty() ? "" : "/" + pathText(e.getPath()).replace('.', '/');
                String en;
                String ru;
                if (e instanceof UnrecognizedPropertyException u) {
                    en = "unknown setting '" + u.getPropertyName() + "' for a " + o.type() + " output";
                    ru = "неизвестная настройка '" + u.getPropertyName() + "' для выхода типа " + o.type();
                    inner = "/" + u.getPropertyName();
                } else if (cause != null) {
                    en = o.type() + " settings: " + cause.getMessage();
                    ru = "настройки выхода " + o.type() + ": " + cause.getMessage();
                } else {
                    en = o.type() + " settings: " + e.getOriginalMessage();
                    ru = "настройки выхода " + o.type() + ": " + e.getOriginalMessage();
                }
                problem(at + inner, "output " + quote(o.name()) + ": " + en, "выход " + quote(o.name()) + ": " + ru);
                return null;
            }
        }
    }

    private static String quote(Object o) {
        return o == null ? "(nothing)" : "'" + o + "'";
    }
}
