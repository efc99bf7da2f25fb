package org.openamr.modbus.map;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which registers of a meter model hold which values: the Modbus counterpart of an M-Bus device
 * profile, read from a map file ({@link RegisterMapParser}).
 *
 * @param source      where it was read from (a built-in resource name or a file path), for messages
 * @param name        unique among the maps in force: a user's map of the same name replaces a built-in one
 * @param models      the meter models it applies to, as their maker names them
 * @param unverified  why the registers are not (all) from published documentation; empty when they are
 * @param sources     the documents the map follows, as the file cites them
 * @param values      in file order; no two overlap
 * @param noValues    the register patterns that mean "no value" ({@code novalue} statements), at most one per type
 */
public record RegisterMap(String source, String name, List<String> models, Optional<String> unverified,
                          List<String> sources, List<ValueDefinition> values, List<NoValue> noValues) {

    public RegisterMap {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unverified, "unverified");
        models = List.copyOf(models);
        sources = List.copyOf(sources);
        values = List.copyOf(values);
        noValues = List.copyOf(noValues);
    }

    /** True when a value of this type holding these raw bits (word order applied) means "no value" in this map. */
    public boolean isNoValue(DataType type, long rawBits) {
        return noValues.stream().anyMatch(n -> n.matches(type, rawBits));
    }

    /** The file it was read from without its folder and {@code .map}, in lower case: {@code danfoss-sonometer}. */
    public String fileName() {
        String file = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        return (file.endsWith(".map") ? file.substring(0, file.length() - 4) : file).toLowerCase(Locale.ROOT);
    }

    public boolean isUnverified() {
        return unverified.isPresent();
    }

    /** True when one of its models is {@code model}, ignoring case and surrounding spaces. */
    public boolean appliesTo(String model) {
        String wanted = model.trim().toLowerCase(Locale.ROOT);
        return models.stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).equals(wanted));
    }

    public Optional<ValueDefinition> value(String valueName) {
        return values.stream().filter(v -> v.name().equals(valueName)).findFirst();
    }
}
