package org.openamr.mbus.golden;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openamr.mbus.app.FixedHeader;
import org.openamr.mbus.app.Header;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.DataField;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.Function;
import org.openamr.mbus.record.RecordSet;
import org.openamr.mbus.record.VifMeaning;
import org.openamr.mbus.value.Value;

/**
 * Compares our decode of a frame with libmbus's {@code *.norm.xml}, following the rules of
 * {@code suite_libmbus} in the conformance runner ({@code shared/conformance/run}):
 *
 * <ul>
 *   <li>header: id (leading zeros ignored), manufacturer, version, access number, status (hex in
 *       the XML), each only when the XML has it;</li>
 *   <li>a record whose quantity starts with "Time point": its date (to the minute) and storage
 *       number; skipped when libmbus prints a placeholder date ({@code -00}) or no date;</li>
 *   <li>any other record: skipped when its unit is not one the runner knows, when its quantity is
 *       Manufacturer specific, Reserved, Model / Version or Customer location, or when its value is
 *       not a number; otherwise both values are brought to the base unit of the dimension
 *       ({@link #LIBMBUS_UNITS}, {@link #OUR_UNITS}) and compared with storage, tariff and device
 *       (subunit). A dimensionless expectation ({@code -} or empty unit) is compared with our
 *       number whatever our unit.</li>
 * </ul>
 *
 * Differences from the runner, all of them stricter: records are paired by position (libmbus's
 * record {@code id} = our index) instead of taking any unused record that matches, the function
 * field must agree, and values are compared exactly — our exact decimal, converted to libmbus's
 * unit and rounded to the 6 decimals libmbus prints ({@code %f}), must equal libmbus's text —
 * instead of with a relative tolerance of 1e-6. libmbus's trailing "Manufacturer specific" and
 * "More records follow" entries are compared with {@link RecordSet#manufacturerData()} and
 * {@link RecordSet#moreRecordsFollow()}. Our {@link Value.Unavailable} values are compared by their
 * {@code nominal} (what libmbus prints for such bytes), as the CLI does. Type H (float) values are
 * compared through the float they denote, see {@link #binaryValueOfFloat}.
 */
final class LibmbusComparison {

    /** A dimension and the factor from a unit to the dimension's base unit. */
    record Dim(String dimension, BigDecimal factor) {
        static Dim of(String dimension, String factor) {
            return new Dim(dimension, new BigDecimal(factor));
        }
    }

    private static final String NONE = "NONE";

    /** The runner's UNITS table: libmbus (and other tools') unit text → dimension. */
    static final Map<String, Dim> LIBMBUS_UNITS = Map.ofEntries(
            Map.entry("Wh", Dim.of("E_Wh", "1")), Map.entry("kWh", Dim.of("E_Wh", "1e3")),
            Map.entry("MWh", Dim.of("E_Wh", "1e6")), Map.entry("GWh", Dim.of("E_Wh", "1e9")),
            Map.entry("J", Dim.of("E_J", "1")), Map.entry("kJ", Dim.of("E_J", "1e3")),
            Map.entry("MJ", Dim.of("E_J", "1e6")), Map.entry("GJ", Dim.of("E_J", "1e9")),
            Map.entry("m3", Dim.of("V", "1")), Map.entry("m^3", Dim.of("V", "1")),
            Map.entry("l", Dim.of("V", "1e-3")), Map.entry("L", Dim.of("V", "1e-3")),
            Map.entry("kg", Dim.of("M", "1")), Map.entry("t", Dim.of("M", "1e3")),
            Map.entry("W", Dim.of("P", "1")), Map.entry("kW", Dim.of("P", "1e3")), Map.entry("MW", Dim.of("P", "1e6")),
            Map.entry("J/h", Dim.of("PJ", "1")), Map.entry("kJ/h", Dim.of("PJ", "1e3")),
            Map.entry("MJ/h", Dim.of("PJ", "1e6")), Map.entry("GJ/h", Dim.of("PJ", "1e9")),
            Map.entry("m3/h", Dim.of("Q", "1")), Map.entry("m^3/h", Dim.of("Q", "1")),
            Map.entry("m3/min", Dim.of("Q", "60")), Map.entry("m^3/min", Dim.of("Q", "60")),
            Map.entry("m3/s", Dim.of("Q", "3600")), Map.entry("m^3/s", Dim.of("Q", "3600")),
            Map.entry("l/h", Dim.of("Q", "1e-3")),
            Map.entry("kg/h", Dim.of("QM", "1")), Map.entry("kg/s", Dim.of("QM", "3600")),
            Map.entry("°C", Dim.of("T", "1")), Map.entry("C", Dim.of("T", "1")), Map.entry("degC", Dim.of("T", "1")),
            Map.entry("K", Dim.of("DT", "1")), Map.entry("mK", Dim.of("DT", "1e-3")),
            Map.entry("bar", Dim.of("BAR", "1")), Map.entry("mbar", Dim.of("BAR", "1e-3")),
            Map.entry("s", Dim.of("TIME", "1")), Map.entry("min", Dim.of("TIME", "60")),
            Map.entry("h", Dim.of("TIME", "3600")), Map.entry("d", Dim.of("TIME", "86400")),
            Map.entry("V", Dim.of("VOLT", "1")), Map.entry("mV", Dim.of("VOLT", "1e-3")),
            Map.entry("A", Dim.of("AMP", "1")), Map.entry("mA", Dim.of("AMP", "1e-3")),
            Map.entry("%", Dim.of("PCT", "1")), Map.entry("%RH", Dim.of("PCT", "1")),
            Map.entry("dBm", Dim.of("DBM", "1")), Map.entry("HCA", Dim.of("HCA", "1")),
            Map.entry("Units for H.C.A.", Dim.of("HCA", "1")),
            Map.entry("", Dim.of(NONE, "1")), Map.entry("-", Dim.of(NONE, "1")));

    /** Our units → the same dimensions. Units without an entry (Gcal, °F, kVARh …) never meet libmbus's. */
    static final Map<Unit, Dim> OUR_UNITS = Map.ofEntries(
            Map.entry(Unit.KWH, Dim.of("E_Wh", "1e3")), Map.entry(Unit.KJ, Dim.of("E_J", "1e3")),
            Map.entry(Unit.M3, Dim.of("V", "1")), Map.entry(Unit.T, Dim.of("M", "1e3")),
            Map.entry(Unit.KW, Dim.of("P", "1e3")), Map.entry(Unit.KJ_PER_H, Dim.of("PJ", "1e3")),
            Map.entry(Unit.M3_PER_H, Dim.of("Q", "1")), Map.entry(Unit.KG_PER_H, Dim.of("QM", "1")),
            Map.entry(Unit.CELSIUS, Dim.of("T", "1")), Map.entry(Unit.KELVIN, Dim.of("DT", "1")),
            Map.entry(Unit.BAR, Dim.of("BAR", "1")),
            Map.entry(Unit.SECOND, Dim.of("TIME", "1")), Map.entry(Unit.MINUTE, Dim.of("TIME", "60")),
            Map.entry(Unit.HOUR, Dim.of("TIME", "3600")), Map.entry(Unit.DAY, Dim.of("TIME", "86400")),
            Map.entry(Unit.VOLT, Dim.of("VOLT", "1")), Map.entry(Unit.AMPERE, Dim.of("AMP", "1")),
            Map.entry(Unit.PERCENT, Dim.of("PCT", "1")), Map.entry(Unit.PERCENT_RH, Dim.of("PCT", "1")),
            Map.entry(Unit.DBM, Dim.of("DBM", "1")), Map.entry(Unit.HCA, Dim.of("HCA", "1")),
            Map.entry(Unit.NONE, Dim.of(NONE, "1")));

    /** Quantities the runner does not compare. */
    static final Set<String> SKIPPED_QUANTITIES =
            Set.of("Manufacturer specific", "Reserved", "Model / Version", "Customer location");

    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d");
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    /** Outcome of comparing one libmbus record. */
    enum Outcome { MATCHED, SKIPPED, MISMATCH }

    record Result(Outcome outcome, String detail) {
        static Result matched() {
            return new Result(Outcome.MATCHED, null);
        }

        static Result skipped(String why) {
            return new Result(Outcome.SKIPPED, why);
        }

        static Result mismatch(String why) {
            return new Result(Outcome.MISMATCH, why);
        }
    }

    private LibmbusComparison() {
    }

    /** Problems with the header; empty when it agrees with the XML's SlaveInformation. */
    static List<String> headerProblems(Header header, LibmbusNorm.Slave exp) {
        List<String> probs = new ArrayList<>();
        if (exp == null || exp.id() == null) {
            return probs; // as the runner: no Id, no header comparison
        }
        String id;
        String manufacturer = null;
        Integer version = null;
        if (header instanceof LongHeader l) {
            id = l.id();
            manufacturer = l.manufacturerLetters();
            version = l.version();
        } else if (header instanceof FixedHeader f) {
            id = f.id();
        } else {
            probs.add("header " + header + " has no identification number");
            return probs;
        }
        if (!stripZeros(id).equals(stripZeros(exp.id()))) {
            probs.add("id " + id + " != " + exp.id());
        }
        if (exp.manufacturer() != null && !exp.manufacturer().equals(manufacturer)) {
            probs.add("manufacturer " + manufacturer + " != " + exp.manufacturer());
        }
        if (exp.version() != null && (version == null || version != Integer.parseInt(exp.version()))) {
            probs.add("version " + version + " != " + exp.version());
        }
        if (exp.accessNumber() != null && header.accessNumber() != Integer.parseInt(exp.accessNumber())) {
            probs.add("access number " + header.accessNumber() + " != " + exp.accessNumber());
        }
        if (exp.status() != null && !exp.status().isEmpty()) {
            int want = Integer.parseInt(exp.status(), 16);
            if (header.status() == null || header.status().value() != want) {
                probs.add("status " + header.status() + " != 0x" + exp.status());
            }
        }
        return probs;
    }

    /**
     * Compares libmbus's record {@code exp} with ours at the same position ({@code ours} may be
     * null when we have fewer records) or, for libmbus's trailing manufacturer-data entries, with
     * the record set's manufacturer data.
     */
    static Result compare(LibmbusNorm.Rec exp, DataRecord ours, RecordSet set) {
        String function = exp.function() == null ? "" : exp.function();
        if (ours == null) {
            return trailer(exp, function, set);
        }
        Function wantFunction = function(function);
        if (wantFunction != null && wantFunction != ours.function()) {
            return Result.mismatch("function " + ours.function() + ", libmbus: " + function);
        }
        String qty = exp.quantityText();
        String val = exp.valueText();
        String unit = exp.unitText();
        if (qty.startsWith("Time point")) {
            if (val.contains("-00") || !DATE.matcher(val).find()) {
                return Result.skipped("placeholder date " + val);
            }
            String want = normDate(val);
            String got = ours.value() instanceof Value.Date d ? d.date().toString()
                    : ours.value() instanceof Value.DateTime t ? normDate(t.dateTime().toString()) : null;
            if (!want.equals(got)) {
                return Result.mismatch(qty + ": ours " + ours.value() + ", libmbus " + val);
            }
            return placement(exp, ours);
        }
        Dim dim = LIBMBUS_UNITS.get(unit);
        if (dim == null) {
            return Result.skipped("unit '" + unit + "' is not compared by the runner");
        }
        if (SKIPPED_QUANTITIES.contains(qty)) {
            return Result.skipped("quantity '" + qty + "' is not compared by the runner");
        }
        BigDecimal expected = number(val);
        if (expected == null) {
            return Result.skipped("value '" + val + "' is not a number");
        }
        BigDecimal got = ourNumber(ours.value());
        if (got == null) {
            return Result.mismatch("ours " + ours.value() + " " + ours.unit().symbol() + " is no number, libmbus "
                    + val + " " + unit + " (" + qty + ")");
        }
        if (ours.dataInformation().field() == DataField.REAL32 && ours.value() instanceof Value.Numeric) {
            got = binaryValueOfFloat(got, ours.valueInformation().meaning());
        }
        BigDecimal gotInTheirUnit;
        if (dim.dimension().equals(NONE)) {
            gotInTheirUnit = got; // a dimensionless expectation may meet a unit we know better
        } else {
            Dim ourDim = OUR_UNITS.get(ours.unit());
            if (ourDim == null || !ourDim.dimension().equals(dim.dimension())) {
                return Result.mismatch("unit " + ours.unit().symbol() + " (" + ours.quantity() + ") is not "
                        + unit + " (" + qty + ")");
            }
            gotInTheirUnit = got.multiply(ourDim.factor()).divide(dim.factor(), PRECISION);
        }
        // libmbus prints %f: round ours the same way and compare the decimals exactly.
        BigDecimal rounded = gotInTheirUnit.setScale(Math.max(expected.scale(), 0), RoundingMode.HALF_UP);
        if (rounded.compareTo(expected) != 0) {
            return Result.mismatch("value " + got.toPlainString() + " " + ours.unit().symbol() + " = "
                    + rounded.toPlainString() + " " + unit + ", libmbus " + val + " " + unit + " (" + qty + ")");
        }
        return placement(exp, ours);
    }

    /**
     * Type H (IEEE single) records: libmbus prints the float's exact binary value (scaled, to 6
     * decimals: 18511.912109 W), we keep the shortest decimal that denotes the same float (the value
     * the meter meant: 18.511912 kW). To compare them exactly, go through the float: the float our
     * unscaled decimal denotes, taken at its exact binary value and scaled again. This also checks
     * that our decimal is that very float.
     */
    static BigDecimal binaryValueOfFloat(BigDecimal ours, VifMeaning meaning) {
        BigDecimal unscaled = ours.subtract(meaning.offset()).divide(meaning.multiplier(), PRECISION);
        float f = Float.parseFloat(unscaled.toString());
        return new BigDecimal(f).multiply(meaning.multiplier()).add(meaning.offset());
    }

    /** Storage number always; tariff and device (subunit) when the XML gives them. */
    private static Result placement(LibmbusNorm.Rec exp, DataRecord ours) {
        if (ours.storageNumber() != exp.storage()) {
            return Result.mismatch("storage " + ours.storageNumber() + " != " + exp.storage());
        }
        if (exp.tariff() != null && ours.tariff() != Integer.parseInt(exp.tariff())) {
            return Result.mismatch("tariff " + ours.tariff() + " != " + exp.tariff());
        }
        if (exp.device() != null && ours.subunit() != Integer.parseInt(exp.device())) {
            return Result.mismatch("subunit " + ours.subunit() + " != " + exp.device());
        }
        return Result.matched();
    }

    /** libmbus lists the data after DIF 0F / 1F as a last record; we keep it in the record set. */
    private static Result trailer(LibmbusNorm.Rec exp, String function, RecordSet set) {
        boolean more = function.equals("More records follow");
        if (!more && !function.equals("Manufacturer specific")) {
            return Result.mismatch("libmbus has a record (" + function + " " + exp.quantityText() + " "
                    + exp.valueText() + ") after our last");
        }
        if (more != set.moreRecordsFollow()) {
            return Result.mismatch("moreRecordsFollow " + set.moreRecordsFollow() + ", libmbus: " + function);
        }
        String want = exp.valueText().replace(" ", "").toUpperCase(Locale.ROOT);
        String got = HexFormat.of().withUpperCase().formatHex(set.manufacturerData());
        if (!want.equals(got)) {
            return Result.mismatch("manufacturer data " + got + ", libmbus " + want);
        }
        return Result.matched();
    }

    /** Function text of libmbus; null for texts that do not name one (fixed data: "Actual value"). */
    private static Function function(String text) {
        switch (text) {
            case "Instantaneous value": return Function.INSTANTANEOUS;
            case "Maximum value": return Function.MAXIMUM;
            case "Minimum value": return Function.MINIMUM;
            case "Value during error state": return Function.ERROR;
            default: return null;
        }
    }

    /** Our value as a number: a decimal, digits of an identifier, or the nominal of an unavailable value. */
    static BigDecimal ourNumber(Value v) {
        if (v instanceof Value.Numeric n) {
            return n.amount();
        }
        if (v instanceof Value.Text t) {
            return number(t.value());
        }
        if (v instanceof Value.Unavailable u && u.nominal() != null) {
            return new BigDecimal(u.nominal());
        }
        return null;
    }

    static BigDecimal number(String s) {
        if (s == null || !s.trim().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return null;
        }
        return new BigDecimal(s.trim());
    }

    /** The runner's norm_date: without a zone, to the minute for a date-time, to the day for a date. */
    static String normDate(String s) {
        String t = s.replace("Z", "");
        return t.contains("T") ? t.substring(0, Math.min(16, t.length())) : t.substring(0, Math.min(10, t.length()));
    }

    private static String stripZeros(String s) {
        String t = s.replaceFirst("^0+", "");
        return t;
    }
}
