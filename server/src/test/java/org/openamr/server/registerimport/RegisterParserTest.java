package org.openamr.server.registerimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openamr.server.point.MeteringPoint;
import org.openamr.server.premise.Premise;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The rules a register file follows by itself, each with the exact error a person reads (in English, and one in
 * Russian): how files are recognised and read, every cell's form and range, what a meter needs, what rows of
 * one file must not contradict, and how the rows of one meter serving several points (a SonoSafe 10 counting the
 * flat's water on its pulse inputs) are read together.
 */
class RegisterParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final String HEADER = "Entrance,Premise number,Premise kind,Floor,Area m2,Resource,Meter maker,Model,"
            + "Serial number,Subunit / pulse input,M-Bus primary address,M-Bus secondary address,Installed on,"
            + "Verification due\n";

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    static String english(MessageSourceResolvable m) {
        return MESSAGES.getMessage(m, Locale.ENGLISH);
    }

    static RegisterParser.Parsed parse(String csv) throws RegisterFileException {
        return RegisterParser.parse(RegisterFiles.read(csv.getBytes(StandardCharsets.UTF_8)), TODAY);
    }

    /** Each problem as "row N, column, 'value': reason" in English. */
    static List<String> problems(String csv) throws RegisterFileException {
        return parse(csv).problems().stream().map(p -> "row " + p.line() + ", "
                + (p.column() == null ? "-" : english(new org.springframework.context.support
                .DefaultMessageSourceResolvable("imp.col." + p.column()))) + ", '" + p.value() + "': "
                + english(p.reason())).toList();
    }

    static String fileError(byte[] bytes) {
        try {
            RegisterParser.parse(RegisterFiles.read(bytes), TODAY);
        } catch (RegisterFileException e) {
            return english(e.reason());
        }
        throw new AssertionError("the file was read");
    }

    static String fileError(String csv) {
        return fileError(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRussianExcelCsvWithBomAndSemicolonsIsReadIntoExactValues() throws Exception {
        String csv = "\uFEFFПодъезд;Номер помещения;Тип помещения;Этаж;Площадь, м²;Ресурс;Производитель;Модель;"
                + "Заводской номер;Первичный адрес M-Bus;Вторичный адрес M-Bus;Дата установки;Дата следующей поверки\r\n"
                + "1;12;квартира;3;54,3;тепло;dfs;SonoSafe 10;12345678;12;12345678D3100404;01.09.2024;1.9.2030\r\n"
                + ";;;;;;;;;;;;\r\n"
                + "2;Офис 1;нежилое;1;120;ХВС;;;;;;;\r\n";
        RegisterParser.Parsed parsed = parse(csv);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).hasSize(2);
        RegisterRow flat = parsed.rows().get(0);
        assertThat(flat.line()).isEqualTo(2);
        assertThat(flat.entrance()).isEqualTo(1);
        assertThat(flat.premise()).isEqualTo("12");
        assertThat(flat.kind()).isEqualTo(Premise.Kind.APARTMENT);
        assertThat(flat.area()).isEqualTo(new BigDecimal("54.3"));
        assertThat(flat.resource()).isEqualTo(MeteringPoint.Resource.HEAT);
        assertThat(flat.maker()).isEqualTo("DFS");
        assertThat(flat.serial()).isEqualTo("12345678");
        assertThat(flat.primary()).isEqualTo(12);
        assertThat(flat.secondary().version()).isEqualTo(4);
        assertThat(flat.secondary().medium()).isEqualTo(4);
        assertThat(flat.installedOn()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(flat.verificationDue()).isEqualTo(LocalDate.of(2030, 9, 1));
        RegisterRow office = parsed.rows().get(1);
        assertThat(office.line()).as("the blank line keeps its number").isEqualTo(4);
        assertThat(office.kind()).isEqualTo(Premise.Kind.NON_RESIDENTIAL);
        assertThat(office.resource()).isEqualTo(MeteringPoint.Resource.COLD_WATER);
        assertThat(office.hasMeter()).isFalse();
    }

    @Test
    void anEnglishCsvWithCommasKeepsQuotedSeparatorsLineBreaksAndQuotes() throws Exception {
        String csv = "premise,kind,area\n"
                + "\"12, \"\"left\"\"\",apartment,\"1 054.25\"\n"
                + "\"14\nwing\",NON_RESIDENTIAL,7\n"
                + "15,,\n";
        RegisterParser.Parsed parsed = parse(csv);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(RegisterRow::premise).containsExactly("12, \"left\"", "14\nwing",
                "15");
        assertThat(parsed.rows().get(0).area()).isEqualTo(new BigDecimal("1054.25"));
        assertThat(parsed.rows()).extracting(RegisterRow::line).as("a record starts where its first line does")
                .containsExactly(2, 3, 5);
    }

    @Test
    void anExcelWorkbookIsReadWithItsNumbersDatesAndTextAsShown() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Реестр");
            Row head = sheet.createRow(0);
            String[] headers = {"Номер помещения", "Площадь, м²", "Ресурс", "Заводской номер", "Дата установки",
                    "Первичный адрес M-Bus"};
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            Row r = sheet.createRow(2);
            r.createCell(0).setCellValue(7);
            r.createCell(1).setCellValue(54.3);
            r.createCell(2).setCellValue("горячая вода");
            r.createCell(3).setCellValue("00420017");
            r.createCell(4).setCellValue(LocalDate.of(2025, 3, 31));
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy"));
            r.getCell(4).setCellStyle(style);
            r.createCell(5).setCellFormula("2*3");
            // as Excel does when it saves: the formula's result is stored with it
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            xlsx = out.toByteArray();
        }
        RegisterParser.Parsed parsed = RegisterParser.parse(RegisterFiles.read(xlsx), TODAY);
        assertThat(parsed.problems()).isEmpty();
        RegisterRow row = parsed.rows().get(0);
        assertThat(row.line()).as("the sheet's own row number").isEqualTo(3);
        assertThat(row.premise()).isEqualTo("7");
        assertThat(row.area()).isEqualTo(new BigDecimal("54.3"));
        assertThat(row.resource()).isEqualTo(MeteringPoint.Resource.HOT_WATER);
        assertThat(row.serial()).as("text keeps its leading zeros").isEqualTo("00420017");
        assertThat(row.installedOn()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(row.primary()).as("a formula by its result").isEqualTo(6);
    }

    @Test
    void theTemplatesInBothLanguagesReadBackWithoutAProblem() throws Exception {
        for (Locale locale : List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH)) {
            for (byte[] file : List.of(RegisterTemplates.csv(locale), RegisterTemplates.xlsx(locale))) {
                RegisterParser.Parsed parsed = RegisterParser.parse(RegisterFiles.read(file), TODAY);
                assertThat(parsed.problems()).as("%s", locale).isEmpty();
                RegisterRow row = parsed.rows().get(0);
                assertThat(row.area()).isEqualTo(new BigDecimal("54.3"));
                assertThat(row.personalAccount()).as("text keeps its leading zeros").isEqualTo("0012345678");
                assertThat(parsed.rows()).as("one meter, one ГИС ЖКХ device").extracting(RegisterRow::gisDeviceGuid)
                        .containsOnly(UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6"));
                assertThat(row.resource()).isEqualTo(MeteringPoint.Resource.HEAT);
                assertThat(row.serial()).isEqualTo("12345678");
                assertThat(row.secondary().id()).isEqualTo("12345678");
                assertThat(row.installedOn()).isEqualTo(LocalDate.of(2024, 9, 1));
                assertThat(parsed.rows()).as("the SonoSafe apartment: one meter, three points")
                        .extracting(r -> r.premise() + " " + r.resource() + " " + r.serial() + " " + r.subunit())
                        .containsExactly("12 HEAT 12345678 0", "12 COLD_WATER 12345678 1",
                                "12 HOT_WATER 12345678 2");
            }
        }
        assertThat(new String(RegisterTemplates.csv(Locale.forLanguageTag("ru")), StandardCharsets.UTF_8))
                .startsWith("\uFEFFПодъезд;Номер помещения;");
        assertThat(new String(RegisterTemplates.csv(Locale.ENGLISH), StandardCharsets.UTF_8))
                .startsWith("Entrance,Premise number,");
    }

    @Test
    void anUnknownResourceIsRefused() throws Exception {
        assertThat(problems("premise,resource\n5,steam\n")).containsExactly(
                "row 2, Resource, 'steam': is not a resource: heat, cold water, hot water, electricity or gas");
    }

    @Test
    void aDateInAnotherFormIsRefused() throws Exception {
        assertThat(problems("premise,resource,serial,installed on\n5,heat,1,09/01/2024\n")).containsExactly(
                "row 2, Installed on, '09/01/2024': is not a date: write 31.12.2024 or 2024-12-31");
        assertThat(problems("premise,resource,serial,installed on\n5,heat,1,31.02.2024\n"))
                .as("a day the calendar has not").hasSize(1);
    }

    @Test
    void anInstallationInTheFutureIsRefused() throws Exception {
        assertThat(problems("premise,resource,serial,installed on\n5,heat,1,25.11.2026\n")).containsExactly(
                "row 2, Installed on, '25.11.2026': is in the future");
    }

    @Test
    void aModbusUnitIdColumnFillsTheBusAddress() throws Exception {
        assertThat(RegisterColumn.byHeader("Адрес Modbus")).contains(RegisterColumn.PRIMARY);
        assertThat(RegisterColumn.byHeader("Modbus unit ID")).contains(RegisterColumn.PRIMARY);
        assertThat(problems("premise,resource,serial,installed on,modbus unit id\n5,heat,1,2024-01-01,251\n"))
                .containsExactly("row 2, Bus address (M-Bus primary / Modbus unit), '251': is out of range: a bus "
                        + "address (M-Bus primary address, or Modbus unit id 1–247) is a whole number from 0 to 250");
    }

    @Test
    void aPrimaryAddressOutOfRangeIsRefused() throws Exception {
        assertThat(problems("premise,resource,serial,installed on,primary address\n5,heat,1,2024-01-01,251\n"
                + "6,heat,2,2024-01-01,x\n")).containsExactly(
                "row 2, Bus address (M-Bus primary / Modbus unit), '251': is out of range: a bus address (M-Bus "
                        + "primary address, or Modbus unit id 1–247) is a whole number from 0 to 250",
                "row 3, Bus address (M-Bus primary / Modbus unit), 'x': is out of range: a bus address (M-Bus "
                        + "primary address, or Modbus unit id 1–247) is a whole number from 0 to 250");
    }

    @Test
    void aSecondaryAddressMustBeCompleteAndAgreeWithSerialAndMaker() throws Exception {
        String head = "premise,resource,serial,maker,installed on,secondary address\n";
        assertThat(problems(head + "5,heat,12345678,,2024-01-01,1234567FD3100404\n")).containsExactly(
                "row 2, M-Bus secondary address, '1234567FD3100404': is not an M-Bus secondary address: 16 "
                        + "hexadecimal digits, the id being 8 decimal digits");
        assertThat(problems(head + "5,heat,12345679,,2024-01-01,12345678D3100404\n")).containsExactly(
                "row 2, M-Bus secondary address, '12345678D3100404': holds the id 12345678, but the serial number "
                        + "is 12345679");
        assertThat(problems(head + "5,heat,12345678,ABC,2024-01-01,12345678D3100404\n")).containsExactly(
                "row 2, M-Bus secondary address, '12345678D3100404': holds the maker DFS, but the maker column "
                        + "says ABC");
        assertThat(parse(head + "5,heat,12345678,,2024-01-01,12345678D3100404\n").rows().get(0).maker())
                .as("the maker taken from the address").isEqualTo("DFS");
    }

    @Test
    void aMeterServesOnePremise() throws Exception {
        assertThat(problems("premise,resource,serial,maker,installed on\n1,heat,777,DFS,2024-01-01\n"
                + "2,heat,777,,2024-01-01\n3,heat,777,ABC,2024-01-01\n4,heat,777,XYZ,2024-01-01\n")).containsExactly(
                "row 3, Serial number, '777': the same meter is in row 2 already, in premise 1: a meter serves the "
                        + "points of one premise",
                // a serial without a maker is any maker's: it clashes with each
                "row 4, Serial number, '777': the same meter is in row 3 already, in premise 2: a meter serves the "
                        + "points of one premise",
                "row 5, Serial number, '777': the same meter is in row 3 already, in premise 2: a meter serves the "
                        + "points of one premise");
        assertThat(problems("premise,resource,serial,maker,subunit,installed on\n1,heat,777,DFS,0,2024-01-01\n"
                + "1,cold water,777,DFS,1,2024-01-01\n2,hot water,777,DFS,2,2024-01-01\n")).as("a meter at "
                + "several points of one premise is one meter; another premise is another place").containsExactly(
                "row 4, Serial number, '777': the same meter is in row 2 already, in premise 1: a meter serves the "
                        + "points of one premise");
    }

    static final String SONOSAFE = "premise,resource,maker,model,serial,primary address,installed on,"
            + "verification due\n";

    @Test
    void aSonoSafeApartmentInThreeRowsIsOneMeterCountingOnItsPulseInputs() throws Exception {
        RegisterParser.Parsed parsed = parse(SONOSAFE + "12,hot water,DFS,SonoSafe 10,68410012,12,2024-09-01,\n"
                + "12,heat,DFS,SonoSafe 10,68410012,,2024-09-01,2030-09-01\n"
                + "12,cold water,DFS,,68410012,12,2024-09-01,\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).as("by the Danfoss wiring, whatever the rows' order").extracting(r -> r.resource()
                + " " + r.subunit() + " " + r.subunitGiven()).containsExactly("HOT_WATER 2 false", "HEAT 0 false",
                "COLD_WATER 1 false");
        assertThat(parsed.rows()).as("each row with the meter as its rows describe it together")
                .extracting(r -> r.model() + " " + r.primary() + " " + r.verificationDue())
                .containsOnly("SonoSafe 10 12 2030-09-01");
        for (String model : List.of("Danfoss SonoSafe 10", "SONOSELECT-10")) {
            assertThat(parse(SONOSAFE + "5,heat,DFS," + model + ",1,,2024-09-01,\n5,cold water,DFS," + model
                    + ",1,,2024-09-01,\n").rows()).as(model).extracting(RegisterRow::subunit).containsExactly(0, 1);
        }
        assertThat(parse("premise,resource,maker,model,serial,вход,installed on\n5,heat,DFS,SonoSafe 10,1,0,"
                + "2024-09-01\n5,cold water,DFS,SonoSafe 10,1,2,2024-09-01\n5,hot water,DFS,SonoSafe 10,1,1,"
                + "2024-09-01\n").rows()).as("written subunits, by the Russian header, over the wiring")
                .extracting(r -> r.subunit() + " " + r.subunitGiven()).containsExactly("0 true", "2 true", "1 true");
    }

    @Test
    void anyOtherMeterAtSeveralPointsSaysItsSubunits() throws Exception {
        assertThat(problems(SONOSAFE + "5,heat,ZRI,Multidata,555,,2024-09-01,\n"
                + "5,cold water,ZRI,Multidata,555,,2024-09-01,\n")).containsExactly(
                "row 3, Subunit / pulse input, '': meter 555 counts another resource in row 2 already: say which "
                        + "subunit / pulse input counts this one (0 the meter itself, 1, 2, … its pulse inputs)");
        assertThat(problems(SONOSAFE + "5,heat,,SonoSafe 10,555,,2024-09-01,\n"
                + "5,cold water,,SonoSafe 10,555,,2024-09-01,\n")).as("without its maker no meter is known")
                .hasSize(1);
        assertThat(parse("premise,resource,maker,serial,subunit,installed on\n5,heat,ZRI,555,,2024-09-01\n"
                + "5,cold water,ZRI,555,3,2024-09-01\n").rows()).extracting(RegisterRow::subunit)
                .as("the first row leaves it to its point: 0 when new, as it is when not").containsExactly(null, 3);
        assertThat(problems("premise,resource,maker,serial,subunit,installed on\n5,heat,ZRI,555,,2024-09-01\n"
                + "5,cold water,ZRI,555,0,2024-09-01\n")).as("but counts as the meter itself").containsExactly(
                "row 3, Subunit / pulse input, '0': row 2 already counts on subunit 0 of meter 555: each resource "
                        + "has a subunit of its own");
    }

    @Test
    void aKnownMultiInputMeterCountsOnlyItsWiredResources() throws Exception {
        assertThat(problems(SONOSAFE + "5,heat,DFS,SonoSafe 10,1,,2024-09-01,\n"
                + "5,gas,DFS,SonoSafe 10,1,,2024-09-01,\n")).containsExactly(
                "row 3, Subunit / pulse input, '': DFS SonoSafe 10 counts heat itself, cold water on pulse input 1 "
                        + "and hot water on pulse input 2, not Gas: say which subunit counts it");
    }

    @Test
    void theRowsOfOneMeterDescribeItAlike() throws Exception {
        assertThat(problems("premise,resource,maker,model,serial,primary address,installed on,verification due\n"
                + "5,heat,DFS,SonoSafe 10,1,12,01.09.2024,\n"
                + "5,cold water,DFS,SonoSelect 10,1,13,2024-09-02,2030-09-01\n"
                + "5,hot water,ABC,,1,,2024-09-01,2031-09-01\n")).containsExactly(
                "row 3, Model, 'SonoSelect 10': row 2 describes meter 1 otherwise (\"SonoSafe 10\")",
                "row 3, Bus address (M-Bus primary / Modbus unit), '13': row 2 describes meter 1 otherwise (\"12\")",
                "row 3, Installed on, '2024-09-02': row 2 describes meter 1 otherwise (\"01.09.2024\")",
                "row 4, Meter maker, 'ABC': row 2 describes meter 1 otherwise (\"DFS\")",
                "row 4, Verification due, '2031-09-01': row 3 describes meter 1 otherwise (\"2030-09-01\")");
    }

    @Test
    void eachResourceOfAMeterHasASubunitOfItsOwn() throws Exception {
        String head = "premise,resource,maker,model,serial,subunit,installed on\n";
        assertThat(problems(head + "5,heat,DFS,SonoSafe 10,1,,2024-09-01\n5,cold water,DFS,SonoSafe 10,1,1,"
                + "2024-09-01\n5,hot water,DFS,SonoSafe 10,1,1,2024-09-01\n")).containsExactly(
                "row 4, Subunit / pulse input, '1': row 3 already counts on subunit 1 of meter 1: each resource has "
                        + "a subunit of its own");
        assertThat(problems(head + "5,heat,DFS,SonoSafe 10,1,0,2024-09-01\n5,heat,DFS,SonoSafe 10,1,,"
                + "2024-09-01\n")).as("one premise, resource and subunit twice").containsExactly(
                "row 3, Resource, 'heat': row 2 already gives this resource's meter of premise 5",
                "row 3, Subunit / pulse input, '': row 2 already counts on subunit 0 of meter 1: each resource "
                        + "has a subunit of its own");
    }

    @Test
    void aSubunitIsAWholeNumberForAResource() throws Exception {
        assertThat(problems("premise,resource,subunit\n5,heat,-1\n6,heat,x\n7,heat,1024\n8,,1\n9,heat,1023\n"))
                .containsExactly(
                        "row 2, Subunit / pulse input, '-1': is not a subunit / pulse input: a whole number from 0 "
                                + "(the meter itself) to 1,023",
                        "row 3, Subunit / pulse input, 'x': is not a subunit / pulse input: a whole number from 0 "
                                + "(the meter itself) to 1,023",
                        "row 4, Subunit / pulse input, '1024': is not a subunit / pulse input: a whole number from 0 "
                                + "(the meter itself) to 1,023",
                        "row 5, Subunit / pulse input, '1': a subunit says which device of a meter counts a "
                                + "resource, but the row names no resource");
    }

    @Test
    void theMeterRulesAreSaidInRussianToo() throws Exception {
        RowProblem p = parse("Номер помещения;Ресурс;Производитель;Заводской номер;Дата установки\n5;тепло;ZRI;555;"
                + "01.09.2024\n5;ХВС;ZRI;555;01.09.2024\n").problems().get(0);
        assertThat(MESSAGES.getMessage(p.reason(), Locale.forLanguageTag("ru"))).isEqualTo("счётчик 555 уже "
                + "учитывает другой ресурс в строке 2: укажите вход / субблок, который учитывает этот (0 — сам "
                + "счётчик, 1, 2, … — импульсные входы)");
    }

    @Test
    void aPremiseHasOneMeterPerResourceAndOneDescription() throws Exception {
        assertThat(problems("premise,area,resource,serial,installed on\n1,50,heat,1,2024-01-01\n"
                + "1,50,cold water,2,2024-01-01\n1,51,heat,3,2024-01-01\n")).containsExactly(
                "row 4, Area, m², '51': row 2 describes premise 1 otherwise (\"50\")",
                "row 4, Resource, 'heat': row 2 already gives this resource's meter of premise 1");
    }

    @Test
    void aMeterNeedsItsSerialItsResourceAndItsInstallationDay() throws Exception {
        assertThat(problems("premise,resource,maker,serial,installed on\n1,heat,DFS,,2024-01-01\n"
                + "2,,,9,2024-01-01\n3,heat,,10,\n")).containsExactly(
                "row 2, Serial number, '': the row describes a meter but not its serial number",
                "row 3, Resource, '': a meter needs the resource it measures",
                "row 4, Installed on, '': a meter needs the day it was installed");
    }

    @Test
    void cellsOfTheirFormsAndRanges() throws Exception {
        assertThat(problems("entrance,premise,kind,floor,area,maker,serial\n0,,office,x,54.321,Danfoss,a b\n"))
                .containsExactly(
                        "row 2, Entrance, '0': is not a whole number from 1 to 999",
                        "row 2, Premise number, '': is required",
                        "row 2, Premise kind, 'office': is not a premise kind: apartment or non-residential",
                        "row 2, Floor, 'x': is not a whole number from -10 to 200",
                        "row 2, Area, m², '54.321': is not an area in m² above 0 with at most two decimals, e.g. "
                                + "54.3 or 54,3",
                        "row 2, Meter maker, 'Danfoss': is not an M-Bus maker code: three Latin letters, e.g. DFS "
                                + "for Danfoss",
                        "row 2, Serial number, 'a b': is not a serial number: 1 to 32 letters, digits, - or /");
        assertThat(problems("premise\n" + "1".repeat(33) + "\n")).containsExactly(
                "row 2, Premise number, '" + "1".repeat(33) + "': is 33 characters long; at most 32");
    }

    @Test
    void aPersonalAccountIsFoundByTheUsualHeadersAndReadAsWritten() throws Exception {
        for (String header : List.of("Personal account", "Лицевой счёт", "лицевой счет", "ЛС", "л/с", "Л/сч",
                "account", "Personal account no.", "Номер лицевого счёта")) {
            assertThat(RegisterColumn.byHeader(header)).as(header).contains(RegisterColumn.PERSONAL_ACCOUNT);
        }
        assertThat(parse("кв;ЛС\n1;1234567890\n2;01-234/5\n3;ЛС-0012\n4;\n").rows())
                .extracting(RegisterRow::personalAccount)
                .containsExactly("1234567890", "01-234/5", "ЛС-0012", null);
    }

    @Test
    void aPersonalAccountIsDigitsLettersDashesAndSlashesOnly() throws Exception {
        assertThat(problems("premise,personal account\n1,12 34\n2,№12\n3," + "1".repeat(31) + "\n4,12.34\n5,"
                + "1".repeat(30) + "\n")).containsExactly(
                "row 2, Personal account, '12 34': is not a personal account: 1 to 30 digits, Latin or Cyrillic "
                        + "letters, - or /, without spaces",
                "row 3, Personal account, '№12': is not a personal account: 1 to 30 digits, Latin or Cyrillic "
                        + "letters, - or /, without spaces",
                "row 4, Personal account, '" + "1".repeat(31) + "': is not a personal account: 1 to 30 digits, "
                        + "Latin or Cyrillic letters, - or /, without spaces",
                "row 5, Personal account, '12.34': is not a personal account: 1 to 30 digits, Latin or Cyrillic "
                        + "letters, - or /, without spaces");
        RowProblem p = parse("Номер помещения;Лицевой счёт\n5;12 34\n").problems().get(0);
        assertThat(MESSAGES.getMessage(p.reason(), Locale.forLanguageTag("ru")))
                .isEqualTo("не лицевой счёт: от 1 до 30 цифр, латинских или русских букв, - или /, без пробелов");
    }

    @Test
    void aPersonalAccountBelongsToOnePremiseOfTheFile() throws Exception {
        assertThat(problems("premise,personal account,resource\n1,111,heat\n1,111,cold water\n1,112,hot water\n"
                + "2,111,heat\n3,,heat\n")).containsExactly(
                "row 4, Personal account, '112': row 2 describes premise 1 otherwise (\"111\")",
                "row 5, Personal account, '111': row 2 gives this personal account to premise 1 already: two "
                        + "premises of a building never share one");
    }

    static final String GUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    @Test
    void aGisDeviceGuidIsFoundByTheUsualHeadersAndReadInEitherCase() throws Exception {
        for (String header : List.of("GIS device GUID", "Идентификатор ПУ в ГИС ЖКХ", "идентификатор ПУ", "ГИС ЖКХ",
                "GUID", "guid ГИС ЖКХ", "Идентификатор прибора учёта в ГИС ЖКХ")) {
            assertThat(RegisterColumn.byHeader(header)).as(header).contains(RegisterColumn.GIS_DEVICE_GUID);
        }
        RegisterParser.Parsed parsed = parse("кв;Ресурс;Заводской номер;Дата установки;ГИС ЖКХ\n"
                + "1;тепло;A1;01.09.2024;" + GUID + "\n"
                + "2;тепло;A2;01.09.2024;" + "3FA85F64-5717-4562-B3FC-2C963F66AFA7" + "\n"
                + "3;тепло;A3;01.09.2024; {3fa85f64-5717-4562-b3fc-2c963f66afa8}\n"
                + "4;тепло;A4;01.09.2024;\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(r -> String.valueOf(r.gisDeviceGuid())).containsExactly(GUID,
                "3fa85f64-5717-4562-b3fc-2c963f66afa7", "3fa85f64-5717-4562-b3fc-2c963f66afa8", "null");
    }

    @Test
    void aMalformedGisDeviceGuidIsARowProblemInEitherLanguage() throws Exception {
        String head = "premise,resource,serial,installed on,GIS device GUID\n";
        String reason = "is not a GIS device GUID: 32 hex digits grouped 8-4-4-4-12, e.g. "
                + "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        assertThat(problems(head + "1,heat,A1,2024-09-01,3fa85f64\n2,heat,A2,2024-09-01,3fa85f6457174562b3fc2c963f66afa6"
                + "\n3,heat,A3,2024-09-01,3fa85f64-5717-4562-b3fc-2c963f66afaz\n4,heat,A4,2024-09-01,1-1-1-1-1\n"
                + "5,,,," + GUID + "\n")).containsExactly(
                "row 2, GIS device GUID, '3fa85f64': " + reason,
                "row 3, GIS device GUID, '3fa85f6457174562b3fc2c963f66afa6': " + reason,
                "row 4, GIS device GUID, '3fa85f64-5717-4562-b3fc-2c963f66afaz': " + reason,
                "row 5, GIS device GUID, '1-1-1-1-1': " + reason,
                "row 6, Serial number, '': the row describes a meter but not its serial number");
        RowProblem p = parse("Номер помещения;Идентификатор ПУ в ГИС ЖКХ\n5;не гуид\n").problems().get(0);
        assertThat(p.column()).isEqualTo(RegisterColumn.GIS_DEVICE_GUID);
        assertThat(MESSAGES.getMessage(p.reason(), Locale.forLanguageTag("ru"))).isEqualTo("не идентификатор ПУ в "
                + "ГИС ЖКХ: 32 шестнадцатеричные цифры группами 8-4-4-4-12, например "
                + "3fa85f64-5717-4562-b3fc-2c963f66afa6");
    }

    @Test
    void aGisDeviceGuidBelongsToOneMeterOfTheFile() throws Exception {
        String other = "3fa85f64-5717-4562-b3fc-2c963f66afa7";
        assertThat(problems("premise,resource,serial,subunit,installed on,GIS device GUID\n"
                + "1,heat,A1,0,2024-09-01," + GUID + "\n"
                + "1,cold water,A1,1,2024-09-01," + GUID.toUpperCase(Locale.ROOT) + "\n"
                + "1,hot water,A1,2,2024-09-01,\n"
                + "2,heat,A2,,2024-09-01," + GUID + "\n"
                + "3,heat,A1,,2024-09-01,\n"
                + "4,heat,A4,,2024-09-01," + other + "\n"
                + "4,cold water,A4,1,2024-09-01," + GUID + "\n")).containsExactly(
                "row 5, GIS device GUID, '" + GUID + "': row 2 gives this GIS device GUID to meter A1 of premise 1 "
                        + "already: two meters never share one",
                "row 6, Serial number, 'A1': the same meter is in row 2 already, in premise 1: a meter serves the "
                        + "points of one premise",
                "row 8, GIS device GUID, '" + GUID + "': row 2 gives this GIS device GUID to meter A1 of premise 1 "
                        + "already: two meters never share one",
                "row 8, GIS device GUID, '" + GUID + "': row 7 describes meter A4 otherwise (\"" + other + "\")");
        assertThat(parse("premise,resource,serial,subunit,installed on,GIS device GUID\n1,heat,A1,0,2024-09-01,"
                + GUID + "\n1,cold water,A1,1,2024-09-01,\n").rows()).as("a meter's rows share its GUID")
                .extracting(RegisterRow::gisDeviceGuid).containsOnly(UUID.fromString(GUID));
    }

    @Test
    void anErrorIsSaidInRussianToo() throws Exception {
        RowProblem p = parse("Номер помещения;Ресурс\n5;пар\n").problems().get(0);
        assertThat(MESSAGES.getMessage(p.reason(), Locale.forLanguageTag("ru")))
                .isEqualTo("не ресурс: тепло, холодная вода, горячая вода, электроэнергия или газ");
    }

    @Test
    void aHeaderMustNameRegisterColumnsOnceEach() throws Exception {
        assertThat(fileError("premise,colour\n1,red\n"))
                .isEqualTo("Column 2 \"colour\" is not a column of the register; the columns are listed below.");
        assertThat(fileError("entrance,resource\n1,heat\n"))
                .isEqualTo("The column \"Premise number\" is missing: every row needs it.");
        assertThat(fileError("premise,Квартира\n1,2\n"))
                .isEqualTo("The column \"Квартира\" is there twice (columns 1 and 2).");
        assertThat(fileError("premise,,\n1,,\n2,,x\n"))
                .isEqualTo("Column 3 has no header but holds values (first on row 3).");
        assertThat(parse("premise,,\n1,,\n").rows()).as("empty columns without a header are no harm").hasSize(1);
    }

    @Test
    void whatIsNoRegisterFileIsSaidSo() throws IOException {
        assertThat(fileError(new byte[0]))
                .isEqualTo("The file is empty: it needs a header row and at least one row of premises.");
        assertThat(fileError("номер помещения\n5\n".getBytes(Charset.forName("windows-1251"))))
                .isEqualTo("The file is not UTF-8 text: save it from Excel as \"CSV UTF-8\", or as .xlsx.");
        assertThat(fileError(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}))
                .isEqualTo("This is an old Excel workbook (.xls) or a workbook with a password: save it as .xlsx "
                        + "without a password, or as CSV UTF-8.");
        assertThat(fileError(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7}))
                .isEqualTo("The file looks like an Excel workbook but cannot be read (damaged or not a workbook); "
                        + "save it again as .xlsx or as CSV UTF-8.");
        assertThat(fileError("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("This is neither a CSV file nor an Excel workbook (.xlsx).");
        assertThat(fileError(new byte[] {'a', 0, 'b', 0})).isEqualTo("This is neither a CSV file nor an Excel "
                + "workbook (.xlsx).");
        assertThat(fileError("premise,model\n1,\"SonoSafe\n2,x\n"))
                .isEqualTo("The quotation mark opened on line 2 is never closed.");
        assertThat(fileError("\n\n")).isEqualTo("The file is empty: it needs a header row and at least one row of "
                + "premises.");
    }

    @Test
    void theLimitsOfSizeAndRowsAreSaid() throws Exception {
        StringBuilder many = new StringBuilder("premise\n");
        for (int i = 1; i <= RegisterFiles.MAX_ROWS; i++) {
            many.append(i).append('\n');
        }
        assertThat(parse(many.toString()).rows()).hasSize(RegisterFiles.MAX_ROWS);
        many.append("one more\n");
        assertThat(fileError(many.toString())).isEqualTo("The file has more than 5,000 rows; split it, e.g. by "
                + "entrance.");
        byte[] big = new byte[(int) RegisterFiles.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(fileError(big)).isEqualTo("The file is 2,048 KB; at most 2,048 KB can be imported at once. Split "
                + "it, e.g. by entrance.");
    }
}
