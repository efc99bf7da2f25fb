package org.openamr.server.registerimport;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The columns of a building's register file, in the order of the template. Each is found by its English or
 * Russian header (the template's, or a usual variant), compared without case, punctuation or extra spaces,
 * so that "Площадь, м²" and "площадь м2" are the same column, "ЛС", "Л/с" and "Лицевой счет" name the personal
 * account, and "ГИС ЖКХ", "GUID" and "Идентификатор ПУ" the meter's device identifier in ГИС ЖКХ. Only the premise
 * number is required.
 */
public enum RegisterColumn {
    ENTRANCE("Entrance", "Подъезд", "entrance no", "подъезд №", "номер подъезда"),
    PREMISE("Premise number", "Номер помещения", "premise", "apartment", "apartment number", "flat", "квартира",
            "номер квартиры", "помещение", "кв"),
    KIND("Premise kind", "Тип помещения", "kind", "тип"),
    FLOOR("Floor", "Этаж"),
    AREA("Area, m²", "Площадь, м²", "area", "площадь", "общая площадь"),
    PERSONAL_ACCOUNT("Personal account", "Лицевой счёт", "account", "account no", "account number",
            "personal account no", "personal account number", "лицевой счет", "номер лицевого счета", "лс", "л/с",
            "л/сч"),
    RESOURCE("Resource", "Ресурс", "вид ресурса"),
    MAKER("Meter maker", "Производитель", "maker", "manufacturer", "изготовитель", "производитель счетчика"),
    MODEL("Model", "Модель", "meter model", "модель счетчика"),
    SERIAL("Serial number", "Заводской номер", "serial", "serial no", "зав номер", "заводской", "номер счетчика"),
    SUBUNIT("Subunit / pulse input", "Вход / субблок", "subunit", "pulse input", "input", "субблок", "вход",
            "импульсный вход", "номер входа"),
    // a meter's address on its channel's bus: the M-Bus primary address, or the unit id of a meter with a
    // Modbus module (which column a company's file calls it by depends on its meters)
    PRIMARY("Bus address (M-Bus primary / Modbus unit)", "Адрес на шине (первичный M-Bus / Modbus)",
            "M-Bus primary address", "Первичный адрес M-Bus", "primary address", "первичный адрес", "bus address",
            "адрес на шине", "Modbus unit id", "Modbus address", "Modbus slave id", "unit id", "slave id",
            "адрес Modbus", "сетевой адрес", "сетевой адрес Modbus"),
    SECONDARY("M-Bus secondary address", "Вторичный адрес M-Bus", "secondary address", "вторичный адрес"),
    INSTALLED_ON("Installed on", "Дата установки", "installation date", "installed", "установлен"),
    VERIFICATION_DUE("Verification due", "Дата следующей поверки", "next verification", "следующая поверка",
            "поверка до", "дата поверки до"),
    GIS_DEVICE_GUID("GIS device GUID", "Идентификатор ПУ в ГИС ЖКХ", "guid", "gis guid", "gis device id",
            "gis zhkh guid", "гис жкх", "guid гис жкх", "идентификатор пу", "идентификатор гис жкх",
            "идентификатор пу гис жкх", "идентификатор прибора учета в гис жкх", "ид пу в гис жкх");

    private final String english;
    private final String russian;
    private final Set<String> names;

    RegisterColumn(String english, String russian, String... variants) {
        this.english = english;
        this.russian = russian;
        this.names = Stream.concat(Stream.of(english, russian), Arrays.stream(variants)).map(RegisterColumn::normalise)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The template's header in the language ("ru" or anything else for English). */
    public String header(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? russian : english;
    }

    public static List<String> headers(Locale locale) {
        return Arrays.stream(values()).map(c -> c.header(locale)).toList();
    }

    /** The column a header names, if any. */
    public static Optional<RegisterColumn> byHeader(String header) {
        String n = normalise(header);
        return Arrays.stream(values()).filter(c -> c.names.contains(n)).findFirst();
    }

    /** Lower case, ё as е, m² as m2, punctuation as space, spaces collapsed. */
    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('ё', 'е').replace("²", "2").replace("*", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
