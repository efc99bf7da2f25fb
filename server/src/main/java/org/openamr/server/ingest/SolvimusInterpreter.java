package org.openamr.server.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.mbus.app.Medium;
import org.openamr.mbus.record.Function;
import org.openamr.server.ingest.SolvimusVocabulary.Conversion;
import org.openamr.server.ingest.SolvimusVocabulary.Meaning;
import org.openamr.server.ingest.SolvimusXmlReader.Data;
import org.openamr.server.ingest.SolvimusXmlReader.Entry;
import org.openamr.server.ingest.SolvimusXmlReader.Meter;
import org.openamr.server.ingest.SolvimusXmlReader.Muc;
import org.openamr.server.ingest.SolvimusXmlReader.Param;

/**
 * What a Solvimus document says: per meter (keyed by METER_ID, merged when a meter appears twice) and
 * per data element (keyed by OBIS_ID, never by position), each entry's value = VAL × SCALE in UNIT at
 * time T. OBIS storage suffix {@code *255} is the current value (storage 0); {@code *k} is history
 * storage k + 1, placed at the time the "Timestamp" data with the same suffix gives, or at T when the
 * document has no such Timestamp. Whatever cannot be read is a {@link Rejection}, never a guess.
 */
final class SolvimusInterpreter {

    private static final Pattern OBIS = Pattern.compile(
            "(\\d{1,3})-(\\d{1,3}):(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:\\*(\\d{1,3}))?");
    private static final BigDecimal SCALE_MIN = new BigDecimal("1e-12");
    private static final BigDecimal SCALE_MAX = new BigDecimal("1e12");
    private static final int CURRENT = 255;

    private final TimeWindow window;
    private final Instant receivedAt;
    private final List<Rejection> rejections = new ArrayList<>();

    SolvimusInterpreter(TimeWindow window, Instant receivedAt) {
        this.window = window;
        this.receivedAt = receivedAt;
    }

    private record Obis(String text, String group, int suffix) {

        boolean current() {
            return suffix == CURRENT;
        }
    }

    /** What one value data element says about all of its entries. */
    private record Spec(Data data, Obis obis, RegisterKey key, BigDecimal multiplier) {
    }

    private record StoredTime(String group, String t, Instant at) {
    }

    private record Fields(String t, String tMuc, String val, String error) {
    }

    /** Where an entry's value came from: spelled out only if it is rejected after all. */
    private record EntryOrigin(Obis obis, Data data, Entry entry) implements Candidate.Origin {

        @Override
        public String location() {
            return "data OBIS " + obis.text() + ", entry " + entry.number();
        }

        @Override
        public String fragment() {
            return XmlFragments.data(data, List.of(entry));
        }
    }

    ParsedPush interpret(List<Muc> mucs) {
        Set<String> senders = new LinkedHashSet<>();
        Instant mucTime = null;
        Map<String, List<Meter>> byId = new LinkedHashMap<>();
        for (Muc muc : mucs) {
            String id = muc.attributes().get("MUC_ID");
            if (id != null && !id.isBlank()) {
                senders.add(id.strip());
            }
            if (mucTime == null) {
                mucTime = seconds(muc.attributes().get("TIMESTAMP")).filter(window::contains).orElse(null);
            }
            for (Meter m : muc.meters()) {
                String meterId = m.attributes().get("METER_ID");
                String problem = meterIdProblem(meterId);
                if (problem != null) {
                    rejections.add(new Rejection(null, "meter element at line " + m.line(), problem,
                            XmlFragments.meter(m), m.entryCount()));
                    continue;
                }
                byId.computeIfAbsent(meterId.strip(), k -> new ArrayList<>()).add(m);
            }
        }
        Instant fallbackReadAt = mucTime != null ? mucTime : receivedAt;
        List<MeterCandidates> meters = new ArrayList<>();
        for (var e : byId.entrySet()) {
            List<Data> data = new ArrayList<>();
            e.getValue().forEach(m -> data.addAll(m.data()));
            meters.add(meter(e.getKey(), data, fallbackReadAt));
        }
        String sender = senders.isEmpty() ? null : String.join(",", senders);
        if (sender != null && sender.length() > PushBounds.MAX_SENDER) {
            // only kept for support: the first MUC_IDs say enough
            sender = sender.substring(0, PushBounds.MAX_SENDER - 1) + "…";
        }
        return new ParsedPush(PushFormat.SOLVIMUS_XML, sender, meters, rejections);
    }

    private static String meterIdProblem(String id) {
        if (id == null || id.isBlank()) {
            return "meter has no METER_ID, so its values cannot be attributed to a meter";
        }
        return PushBounds.meterNumberProblem("METER_ID", id);
    }

    private MeterCandidates meter(String id, List<Data> all, Instant fallbackReadAt) {
        Map<Data, Obis> obisOf = new IdentityHashMap<>();
        List<Data> timeData = new ArrayList<>();
        List<Data> valueData = new ArrayList<>();
        for (Data d : all) {
            String raw = d.attribute("OBIS_ID");
            if (raw == null || raw.isBlank()) {
                reject(id, d, "data element at line " + d.line(), "data element has no OBIS_ID, the key of its values");
                continue;
            }
            Optional<Obis> obis = obis(raw.strip());
            if (obis.isEmpty()) {
                reject(id, d, "data OBIS " + raw.strip(), "OBIS_ID '" + raw.strip()
                        + "' is not of the form A-B:C.D.E*F (each 0…255; *255 current value, *0, *1, … history)");
                continue;
            }
            obisOf.put(d, obis.get());
            String description = d.attribute("DESCRIPTION");
            if (description != null && SolvimusVocabulary.isTimestamp(description)) {
                timeData.add(d);
            } else {
                valueData.add(d);
            }
        }
        Map<Integer, List<StoredTime>> times = new HashMap<>();
        Map<Integer, Set<String>> badTimes = new HashMap<>();
        for (Data d : timeData) {
            storedTimes(id, d, obisOf.get(d), times, badTimes);
        }
        List<Spec> specs = specs(id, valueData, obisOf);
        List<Candidate> values = new ArrayList<>();
        Instant readAt = null;
        for (Spec s : specs) {
            for (Entry e : s.data().entries()) {
                Fields f = fields(e);
                String problem = f.error();
                BigDecimal value = null;
                Instant at = null;
                Instant readTime = null;
                if (problem == null) {
                    problem = valueProblem(f.val());
                }
                if (problem == null) {
                    value = new BigDecimal(f.val()).multiply(s.multiplier());
                    if (value.scale() < 0) {
                        value = value.setScale(0);
                    }
                    problem = PushBounds.valueProblem(s.key(), value);
                }
                if (problem == null) {
                    Optional<Instant> t = seconds(f.t());
                    problem = timeProblem("T", f.t(), t);
                    if (problem == null && f.tMuc() != null) {
                        Optional<Instant> tMuc = seconds(f.tMuc());
                        problem = timeProblem("T_MUC", f.tMuc(), tMuc);
                        readTime = tMuc.orElse(null);
                    }
                    if (problem == null) {
                        readTime = readTime == null ? t.get() : readTime;
                        if (s.obis().current()) {
                            at = t.get();
                        } else {
                            Object placed = storedTime(s.obis(), f.t(), t.get(), times, badTimes);
                            if (placed instanceof Instant i) {
                                at = i;
                            } else {
                                problem = (String) placed;
                            }
                        }
                    }
                }
                EntryOrigin origin = new EntryOrigin(s.obis(), s.data(), e);
                if (problem != null) {
                    rejections.add(new Rejection(id, origin.location(), problem, origin.fragment(), 1));
                    continue;
                }
                values.add(new Candidate(s.key(), at, value, origin));
                if (readAt == null || readTime.isAfter(readAt)) {
                    readAt = readTime;
                }
            }
        }
        MeterIdentity identity = new MeterIdentity(id, Optional.empty(), Optional.empty(), medium(all));
        return new MeterCandidates(id, identity, readAt != null ? readAt : fallbackReadAt, values, List.of(), false);
    }

    /** The value data elements that can be read, checked as a set: an OBIS used twice must mean one thing. */
    private List<Spec> specs(String id, List<Data> valueData, Map<Data, Obis> obisOf) {
        Map<String, List<Data>> byObis = new LinkedHashMap<>();
        for (Data d : valueData) {
            byObis.computeIfAbsent(obisOf.get(d).text(), k -> new ArrayList<>()).add(d);
        }
        List<Spec> specs = new ArrayList<>();
        for (var group : byObis.entrySet()) {
            List<Data> same = group.getValue();
            Set<List<String>> meanings = new HashSet<>();
            same.forEach(d -> meanings.add(java.util.Arrays.asList(
                    d.attribute("DESCRIPTION"), d.attribute("UNIT"), d.attribute("SCALE"))));
            if (meanings.size() > 1) {
                for (Data d : same) {
                    reject(id, d, "data OBIS " + group.getKey(), "OBIS_ID " + group.getKey() + " appears in "
                            + same.size() + " data elements that disagree on DESCRIPTION, UNIT or SCALE");
                }
                continue;
            }
            for (Data d : same) {
                spec(id, d, obisOf.get(d)).ifPresent(specs::add);
            }
        }
        Map<RegisterKey, Set<String>> obisByKey = new HashMap<>();
        specs.forEach(s -> obisByKey.computeIfAbsent(s.key(), k -> new LinkedHashSet<>()).add(s.obis().text()));
        List<Spec> distinct = new ArrayList<>();
        for (Spec s : specs) {
            Set<String> sharing = obisByKey.get(s.key());
            if (sharing.size() > 1) {
                reject(id, s.data(), "data OBIS " + s.obis().text(), "OBIS_IDs " + String.join(" and ", sharing)
                        + " both give register " + PushAssembly.describe(s.key())
                        + "; the document does not say how they differ, so neither is stored");
            } else {
                distinct.add(s);
            }
        }
        return distinct;
    }

    private Optional<Spec> spec(String id, Data d, Obis obis) {
        String location = "data OBIS " + obis.text();
        String description = d.attribute("DESCRIPTION");
        if (description == null || description.isBlank()) {
            reject(id, d, location, "data element has no DESCRIPTION, so what it measures is unknown");
            return Optional.empty();
        }
        Optional<Meaning> meaning = SolvimusVocabulary.meaning(description);
        if (meaning.isEmpty()) {
            reject(id, d, location, "DESCRIPTION '" + description
                    + "' is not a register this server knows (see server/INGEST.md for the list)");
            return Optional.empty();
        }
        String unit = d.attribute("UNIT") == null ? "" : d.attribute("UNIT");
        Optional<Conversion> conversion = SolvimusVocabulary.conversion(meaning.get(), unit);
        if (conversion.isEmpty()) {
            reject(id, d, location, "UNIT '" + unit + "' is not a unit of " + description + " (accepted: "
                    + String.join(", ", SolvimusVocabulary.unitsOf(meaning.get())) + ")");
            return Optional.empty();
        }
        Object scale = scale(d.attribute("SCALE"));
        if (scale instanceof String problem) {
            reject(id, d, location, problem);
            return Optional.empty();
        }
        long storage = obis.current() ? 0 : obis.suffix() + 1L;
        RegisterKey key = new RegisterKey(meaning.get().quantity(), conversion.get().unit(), storage, 0, 0,
                Function.INSTANTANEOUS);
        return Optional.of(new Spec(d, obis, key, ((BigDecimal) scale).multiply(conversion.get().factor())));
    }

    /** The SCALE as an exact decimal, or why it is not one. A missing SCALE is Solvimus' default, 1. */
    private static Object scale(String raw) {
        if (raw == null) {
            return BigDecimal.ONE;
        }
        BigDecimal scale;
        try {
            scale = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return "SCALE '" + raw + "' is not a number";
        }
        if (scale.compareTo(SCALE_MIN) < 0 || scale.compareTo(SCALE_MAX) > 0) {
            return "SCALE " + raw + " is outside 1e-12 … 1e12";
        }
        return scale;
    }

    private void storedTimes(String id, Data d, Obis obis, Map<Integer, List<StoredTime>> times,
            Map<Integer, Set<String>> badTimes) {
        if (obis.current()) {
            // the meter's clock now: T already carries each current value's time
            return;
        }
        String location = "data OBIS " + obis.text();
        String unit = d.attribute("UNIT");
        Object scale = scale(d.attribute("SCALE"));
        String problem = unit == null || !"utc".equalsIgnoreCase(unit.strip())
                ? "Timestamp data must have UNIT 'UTC' (Unix seconds), not '" + unit + "'"
                : scale instanceof String s ? s : null;
        if (problem != null) {
            rejections.add(new Rejection(id, location, problem, XmlFragments.data(d, d.entries()), 0));
            badTimes.computeIfAbsent(obis.suffix(), k -> new HashSet<>()).add("*");
            return;
        }
        for (Entry e : d.entries()) {
            Fields f = fields(e);
            String entryProblem = f.error() != null ? f.error() : valueProblem(f.val());
            Instant at = null;
            if (entryProblem == null) {
                BigDecimal secs = new BigDecimal(f.val()).multiply((BigDecimal) scale);
                Optional<Instant> parsed = Optional.empty();
                try {
                    parsed = Optional.of(Instant.ofEpochSecond(secs.longValueExact()));
                } catch (ArithmeticException | java.time.DateTimeException ignored) {
                    // reported below as not a time
                }
                entryProblem = timeProblem("Timestamp VAL × SCALE", secs.toPlainString(), parsed);
                at = parsed.orElse(null);
            }
            if (entryProblem != null) {
                rejections.add(new Rejection(id, location + ", entry " + e.number(), entryProblem,
                        XmlFragments.data(d, List.of(e)), 0));
                badTimes.computeIfAbsent(obis.suffix(), k -> new HashSet<>()).add(f.t() == null ? "*" : f.t().strip());
                continue;
            }
            times.computeIfAbsent(obis.suffix(), k -> new ArrayList<>())
                    .add(new StoredTime(obis.group(), f.t() == null ? null : f.t().strip(), at));
        }
    }

    /** The time a history value was stored for, or why it cannot be placed. */
    private static Object storedTime(Obis obis, String t, Instant valueTime, Map<Integer, List<StoredTime>> times,
            Map<Integer, Set<String>> badTimes) {
        Set<String> bad = badTimes.getOrDefault(obis.suffix(), Set.of());
        if (bad.contains("*") || bad.contains(t.strip())) {
            return "the Timestamp data for storage *" + obis.suffix() + " was rejected, so this value's date is unknown";
        }
        List<StoredTime> known = times.getOrDefault(obis.suffix(), List.of());
        if (known.isEmpty()) {
            return bad.isEmpty() ? valueTime
                    : "the Timestamp data for storage *" + obis.suffix() + " was rejected, so this value's date is unknown";
        }
        List<StoredTime> sameGroup = known.stream().filter(s -> s.group().equals(obis.group())).toList();
        List<StoredTime> candidates = sameGroup.isEmpty() ? known : sameGroup;
        for (StoredTime s : candidates) {
            if (t.strip().equals(s.t())) {
                return s.at();
            }
        }
        Set<Instant> distinct = new HashSet<>();
        candidates.forEach(s -> distinct.add(s.at()));
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        return "several Timestamp entries for storage *" + obis.suffix() + " and none with T " + t.strip()
                + ", so this value's date is ambiguous";
    }

    private static Fields fields(Entry e) {
        if (e.unusual() == null) {
            return fields(e.t() == null ? null : e.t().strip(), e.tMuc() == null ? null : e.tMuc().strip(),
                    e.val() == null ? null : e.val().strip());
        }
        String t = null;
        String tMuc = null;
        String val = null;
        for (Param p : e.unusual()) {
            String name = p.name().strip();
            String text = p.text().strip();
            switch (name) {
                case "T" -> {
                    if (t != null) {
                        return new Fields(null, null, null, "param T appears twice");
                    }
                    t = text;
                }
                case "T_MUC" -> {
                    if (tMuc != null) {
                        return new Fields(null, null, null, "param T_MUC appears twice");
                    }
                    tMuc = text;
                }
                case "VAL" -> {
                    if (val != null) {
                        return new Fields(null, null, null, "param VAL appears twice");
                    }
                    val = text;
                }
                default -> {
                    return new Fields(null, null, null, "unknown param '" + name + "' (expected T, T_MUC, VAL)");
                }
            }
        }
        return fields(t, tMuc, val);
    }

    private static Fields fields(String t, String tMuc, String val) {
        if (val == null) {
            return new Fields(t, tMuc, null, "entry has no VAL");
        }
        if (t == null) {
            return new Fields(null, tMuc, val, "entry has no T (the value's time)");
        }
        return new Fields(t, tMuc, val, null);
    }

    private static String valueProblem(String val) {
        if (!isDecimal(val)) {
            return "VAL '" + shorten(val) + "' is not a number";
        }
        return null;
    }

    /** A plain decimal: optional sign, 1–30 digits, optionally a point and 1–30 digits (no exponent). */
    static boolean isDecimal(String s) {
        int i = s.isEmpty() || (s.charAt(0) != '-' && s.charAt(0) != '+') ? 0 : 1;
        int whole = digits(s, i);
        if (whole < 1 || whole > 30) {
            return false;
        }
        i += whole;
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) != '.') {
            return false;
        }
        int fraction = digits(s, i + 1);
        return fraction >= 1 && fraction <= 30 && i + 1 + fraction == s.length();
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** Unix seconds: an optional plus and 1–12 digits (13 would be milliseconds). */
    private static Optional<Instant> seconds(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        int i = raw.startsWith("+") ? 1 : 0;
        int n = digits(raw, i);
        if (n < 1 || n > 12 || i + n != raw.length()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(raw, i, raw.length(), 10)));
    }

    private String timeProblem(String name, String raw, Optional<Instant> parsed) {
        if (parsed.isEmpty()) {
            return name + " '" + shorten(raw) + "' is not a Unix time in seconds";
        }
        if (!window.contains(parsed.get())) {
            return name + " " + raw.strip() + " (" + parsed.get() + ") is outside the accepted " + window.describe();
        }
        return null;
    }

    private static Optional<Obis> obis(String raw) {
        Matcher m = OBIS.matcher(raw);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (int g = 1; g <= 6; g++) {
            if (m.group(g) != null && Integer.parseInt(m.group(g)) > 255) {
                return Optional.empty();
            }
        }
        if (m.group(6) == null) {
            return Optional.empty();
        }
        return Optional.of(new Obis(raw, m.group(1) + "-" + m.group(2), Integer.parseInt(m.group(6))));
    }

    private static Optional<Integer> medium(List<Data> data) {
        Set<Medium> media = new HashSet<>();
        for (Data d : data) {
            String text = d.attribute("MEDIUM");
            if (text != null && !text.isBlank()) {
                SolvimusVocabulary.medium(text).ifPresent(media::add);
            }
        }
        return media.size() == 1 ? Optional.of(media.iterator().next().code()) : Optional.empty();
    }

    private void reject(String meter, Data d, String location, String reason) {
        rejections.add(new Rejection(meter, location, reason, XmlFragments.data(d, d.entries()), d.entries().size()));
    }

    private static String shorten(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }
}
