package org.openamr.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openamr.server.report.ReportHttp.msk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.consumption.RegistryFixture;
import org.openamr.server.consumption.Units;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.report.ReportHttp.Got;
import org.openamr.server.report.format.RenderOptions;
import org.openamr.server.report.format.XmlRenderer;
import org.openamr.server.support.Poppler;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The apartment consumption statement over real HTTP, on a Moscow building written with SQL for November 2026:
 * flat 1 measured (1163 kWh = exactly 1 Gcal of heat, 5.25 m³ of cold water), flat 2 whose heat meter was replaced
 * on the 15th, flat 3 without an end reading, and a house heat meter (2000 kWh). Each format is read back: CSV as
 * text in both charsets, XML against the published schema, XLSX with POI, PDF with poppler's pdftotext (its first
 * page as PNG under target/report-pdf/ for a person to look at), TXT for the totals.
 */
@ServerTest
// the rows written here would otherwise stay in the database of the next test class sharing the context
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementReportTest {

    static final Instant EARLY = Instant.parse("2025-01-01T00:00:00Z");
    static final String NOVEMBER = "&month=2026-11";
    static final String GIS_GUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;

    ReportHttp http;
    RegistryFixture fx;
    UUID building;
    UUID flat1;
    UUID flat2;
    UUID heat1;
    String address;
    String oldSerial;
    String newSerial;
    String manager;
    String otherManager;
    String resident1;

    @BeforeAll
    void registry() {
        http = new ReportHttp(port);
        fx = new RegistryFixture(jdbc, partitions);
        long org = fx.organisation("MANAGEMENT");
        long b = fx.building(org, "Europe/Moscow");
        address = jdbc.sql("select address from building where id = ?").param(b).query(String.class).single();
        long e1 = fx.entrance(b, 1);
        long e2 = fx.entrance(b, 2);
        long p1 = fx.premise(b, e1, "1");
        long p2 = fx.premise(b, e1, "2");
        long p3 = fx.premise(b, e2, "3");
        jdbc.sql("update premise set personal_account = 'ЛС-001' where id = ?").param(p1).update();
        jdbc.sql("update premise set personal_account = '0002' where id = ?").param(p2).update();
        building = fx.publicId("building", b);
        flat1 = fx.publicId("premise", p1);
        flat2 = fx.publicId("premise", p2);

        long h1 = fx.point(b, p1, "HEAT");
        heat1 = fx.publicId("metering_point", h1);
        long m1 = meter("H1-", h1, "ENERGY", "kWh", "2026-11-01T00:00", "1000.000", "2026-12-01T00:00", "2163.000");
        jdbc.sql("update meter set next_verification = '2030-06-30', gis_device_guid = ?::uuid where id = ?")
                .params(GIS_GUID, m1).update();
        meter("C1-", fx.point(b, p1, "COLD_WATER"), "VOLUME", "m3", "2026-11-01T00:00", "10.000",
                "2026-12-01T00:00", "15.250");

        // flat 2: the old meter removed on the 15th at 500.0 kWh, the new one installed at 0 and at 116.3 by the end
        long h2 = fx.point(b, p2, "HEAT");
        oldSerial = RegistryFixture.unique("OLD-");
        long old = fx.meter(oldSerial, null);
        fx.install(old, h2, EARLY, msk("2026-11-15T12:00"), null, "500.0");
        fx.reading(fx.register(old, "ENERGY", "kWh", 0, 0), msk("2026-11-01T00:00"), "400.0");
        newSerial = RegistryFixture.unique("NEW-");
        long fresh = fx.meter(newSerial, null);
        fx.install(fresh, h2, msk("2026-11-15T12:00"), null, "0", null);
        fx.reading(fx.register(fresh, "ENERGY", "kWh", 0, 0), msk("2026-12-01T00:00"), "116.3");

        // flat 3: nothing at the end of the month
        meter("H3-", fx.point(b, p3, "HEAT"), "ENERGY", "kWh", "2026-11-01T00:00", "300");
        meter("HB-", fx.point(b, null, "HEAT"), "ENERGY", "kWh", "2026-11-01T00:00", "10000",
                "2026-12-01T00:00", "12000");

        manager = fx.token("MANAGER", org, null);
        otherManager = fx.token("MANAGER", fx.organisation("MANAGEMENT"), null);
        resident1 = fx.token("RESIDENT", null, p1);
    }

    private long meter(String prefix, long point, String quantity, String unit, String... timesAndValues) {
        long meter = fx.meter(RegistryFixture.unique(prefix), null);
        fx.install(meter, point, EARLY, null, null, null);
        long register = fx.register(meter, quantity, unit, 0, 0);
        for (int i = 0; i < timesAndValues.length; i += 2) {
            fx.reading(register, msk(timesAndValues[i]), timesAndValues[i + 1]);
        }
        return meter;
    }

    private Got statement(String token, String query) throws IOException, InterruptedException {
        return http.get(token, "/api/v1/reports/statement?scope=" + building + NOVEMBER + query);
    }

    private static String[] line(List<String[]> rows, String premise, String resource) {
        return rows.stream().filter(r -> r[2].equals(premise) && r[4].equals(resource)).findFirst().orElseThrow(
                () -> new AssertionError("no line for premise " + premise + " " + resource));
    }

    @Test
    void theCsvHasALinePerApartmentPointWithTheConsumptionServicesFigures() throws Exception {
        Got got = statement(manager, "&format=csv");
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        assertThat(got.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(Arrays.copyOf(got.body(), 3)).as("a byte order mark for Excel and 1С")
                .containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(got.disposition()).contains("filename*=UTF-8''statement_").endsWith("_2026-11.csv")
                .contains("filename=\"statement_ul._Testovaya_d.");
        List<String[]> rows = ReportHttp.csv(got.body(), StandardCharsets.UTF_8);
        assertThat(rows.get(0)).startsWith("Адрес", "Подъезд", "Квартира", "Лицевой счёт", "Ресурс");
        assertThat(rows).as("header + flat 1 heat and cold water, flat 2 heat, flat 3 heat; no house meter line")
                .hasSize(5);

        String[] heat1Line = line(rows, "1", "Тепло");
        assertThat(heat1Line[3]).isEqualTo("ЛС-001");
        assertThat(heat1Line[12]).as("1163 kWh is exactly 1 Gcal").isEqualTo("1,000000000");
        assertThat(heat1Line[13]).isEqualTo("Гкал");
        assertThat(heat1Line[6]).isEqualTo("0,859845228");
        assertThat(heat1Line[7]).isEqualTo("2026-11-01T00:00+03:00");
        assertThat(heat1Line[8]).isEqualTo("показание");
        assertThat(heat1Line[14]).isEqualTo("измерено");
        assertThat(heat1Line[16]).isEqualTo("2030-06-30");
        assertThat(line(rows, "1", "Холодная вода")[12]).isEqualTo("5,250");

        // the same figure as the consumption API's for the point and month, in kWh there
        Got api = http.get(manager, "/api/v1/consumption?point=" + heat1 + "&from=2026-11&to=2026-12&resolution=MONTH");
        JsonNode interval = JsonMapper.builder().build().readTree(api.text()).get("points").get(0).get("intervals").get(0);
        assertThat(new BigDecimal(interval.get("value").asString()))
                .isEqualByComparingTo(new BigDecimal(heat1Line[12].replace(',', '.')).multiply(new BigDecimal("1163")));

        String[] replaced = line(rows, "2", "Тепло");
        assertThat(replaced[5]).isEqualTo(oldSerial + ", " + newSerial);
        assertThat(replaced[14]).isEqualTo("замена прибора");
        assertThat(replaced[12]).as("100 kWh on the old meter and 116.3 on the new one, in Gcal")
                .isEqualTo(Units.toGcal(new BigDecimal("216.3")).toPlainString().replace('.', ','));
        assertThat(replaced[15]).contains(oldSerial, newSerial, "0,4299 Гкал", "15.11.2026");

        String[] missing = line(rows, "3", "Тепло");
        assertThat(missing[12]).as("no figure is never a zero").isEmpty();
        assertThat(missing[14]).isEqualTo("нет данных");
        assertThat(missing[15]).isEqualTo("нет показания на 01.12.2026 00:00");
    }

    @Test
    void theBillingExportHasTheStatementsFiguresInABillingProgramsColumns() throws Exception {
        Got got = http.get(manager, "/api/v1/reports/billing?format=csv&encoding=windows-1251&scope=" + building + NOVEMBER);
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        assertThat(got.disposition()).contains("filename*=UTF-8''billing_").endsWith("_2026-11.csv");
        List<String[]> rows = ReportHttp.csv(got.body(), RenderOptions.WINDOWS_1251);
        assertThat(rows.get(0)).containsExactly("Лицевой счёт", "Адрес", "Квартира", "Ресурс", "Зав. № прибора",
                "Предыдущее показание", "Дата предыдущего показания", "Текущее показание", "Дата текущего показания",
                "Расход", "Ед. изм.", "Примечание");
        assertThat(rows).hasSize(5);
        String[] heat = rows.stream().filter(r -> r[0].equals("ЛС-001") && r[3].equals("Тепло")).findFirst()
                .orElseThrow();
        assertThat(heat).containsExactly("ЛС-001", address, "1", "Тепло", heat[4], "0,859845228", "2026-11-01",
                "1,859845228", "2026-12-01", "1,000000000", "Гкал", "");
        String[] water = rows.stream().filter(r -> r[0].equals("ЛС-001") && r[3].equals("Холодная вода")).findFirst()
                .orElseThrow();
        assertThat(water[9]).isEqualTo("5,250");
        assertThat(water[10]).as("м³ in windows-1251").isEqualTo("м3");
        String[] missing = rows.stream().filter(r -> r[2].equals("3")).findFirst().orElseThrow();
        assertThat(missing[9]).isEmpty();
        assertThat(missing[8]).isEmpty();
        assertThat(missing[11]).isEqualTo("нет показания на 01.12.2026");
    }

    @Test
    void theGisUploadNamesEachDeviceByItsIdentifierWithTheEndReading() throws Exception {
        Got got = http.get(manager, "/api/v1/reports/gis?format=xlsx&scope=" + building + NOVEMBER);
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(got.body()))) {
            XSSFSheet sheet = book.getSheet("Показания");
            int header = -1;
            for (int r = 0; r <= sheet.getLastRowNum() && header < 0; r++) {
                var row = sheet.getRow(r);
                if (row != null && row.getCell(0) != null
                        && "Идентификатор ПУ в ГИС ЖКХ".equals(row.getCell(0).getStringCellValue())) {
                    header = r;
                }
            }
            assertThat(header).as("the columns of report/gis-meter-readings.columns").isPositive();
            var columns = sheet.getRow(header);
            assertThat(columns.getCell(2).getStringCellValue()).isEqualTo("Вид коммунального ресурса");
            var first = sheet.getRow(header + 1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(GIS_GUID);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Тепловая энергия");
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(2163.000 / 1163, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(first.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo("2026-12-01");
            List<String> resources = new ArrayList<>();
            for (int r = header + 1; r <= header + 4; r++) {
                resources.add(sheet.getRow(r).getCell(2).getStringCellValue());
                if (r > header + 1) {
                    var guid = sheet.getRow(r).getCell(0);
                    assertThat(guid == null || guid.getStringCellValue().isEmpty())
                            .as("a meter without an identifier keeps its row, the identifier empty").isTrue();
                }
            }
            assertThat(resources).containsExactly("Тепловая энергия", "Тепловая энергия", "Тепловая энергия",
                    "Холодная вода");
        }
        Got txt = http.get(manager, "/api/v1/reports/gis?format=txt&scope=" + building + NOVEMBER);
        assertThat(txt.text()).contains("Приборов учёта без идентификатора ГИС ЖКХ: 3");
    }

    @Test
    void heatInKilowattHoursWithAPointAndInWindows1251() throws Exception {
        Got got = statement(manager, "&format=csv&heatUnit=kwh&decimal=point&encoding=windows-1251&lang=en");
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        assertThat(got.contentType()).isEqualTo("text/csv;charset=windows-1251");
        List<String[]> rows = ReportHttp.csv(got.body(), RenderOptions.WINDOWS_1251);
        assertThat(rows.get(0)).startsWith("Address", "Entrance", "Apartment", "Personal account");
        String[] heat1Line = line(rows, "1", "Heat");
        assertThat(heat1Line[3]).as("Cyrillic in windows-1251").isEqualTo("ЛС-001");
        assertThat(heat1Line[12]).isEqualTo("1163.000");
        assertThat(heat1Line[13]).isEqualTo("kWh");
        assertThat(line(rows, "1", "Cold water")[13]).as("m³ has no superscript in windows-1251").isEqualTo("m3");
    }

    @Test
    void theXmlIsValidAgainstThePublishedSchema() throws Exception {
        Got got = statement(manager, "&format=xml");
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource(XmlRenderer.SCHEMA));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(got.body())));
        assertThat(Files.readString(Path.of("src/main/resources" + XmlRenderer.SCHEMA)))
                .as("the schema is published in the repository").contains("urn:openamr:report:1");
        String xml = got.text();
        assertThat(xml).contains("<cell column=\"consumption\">1.000000000</cell>")
                .contains("<cell column=\"consumption\" missing=\"нет данных\"></cell>")
                .contains("kind=\"statement\"");
    }

    @Test
    void theSpreadsheetHasNumbersNotText() throws Exception {
        Got got = statement(manager, "&format=xlsx");
        assertThat(got.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(got.body()))) {
            XSSFSheet sheet = book.getSheet("Ведомость");
            assertThat(sheet).isNotNull();
            assertThat(book.getSheet("Итоги по ресурсам")).isNotNull();
            int header = -1;
            for (int r = 0; r <= sheet.getLastRowNum() && header < 0; r++) {
                var row = sheet.getRow(r);
                if (row != null && row.getCell(0) != null && "Адрес".equals(row.getCell(0).getStringCellValue())) {
                    header = r;
                }
            }
            assertThat(header).isPositive();
            List<Double> heat = new ArrayList<>();
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row != null && row.getCell(2) != null && row.getCell(4) != null
                        && "1".equals(row.getCell(2).getStringCellValue())
                        && "Тепло".equals(row.getCell(4).getStringCellValue())) {
                    assertThat(row.getCell(12).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(12).getCellStyle().getDataFormatString()).isEqualTo("0.0000");
                    heat.add(row.getCell(12).getNumericCellValue());
                }
            }
            assertThat(heat).containsExactly(1.0);
        }
    }

    @Test
    void theTextFileTotalsTheBuildingMeterAgainstTheApartments() throws Exception {
        Got got = statement(manager, "&format=txt");
        assertThat(got.status()).isEqualTo(200);
        String txt = got.text();
        assertThat(txt).contains("Ведомость потребления по квартирам", "Период: 01.11.2026 – 30.11.2026",
                "Ответственное лицо ____");
        String heatTotal = Arrays.stream(txt.split("\r\n")).filter(l -> l.startsWith(address) && l.contains("Тепло")
                && l.contains("Гкал") && !l.contains("ЛС-") && l.contains("1,7197")).findFirst().orElseThrow(
                        () -> new AssertionError("no heat total with the house meter's 2000 kWh = 1.7197 Gcal in\n"
                                + txt));
        // flat 3 has no figure: the sum of the others is given, the difference is not
        assertThat(heatTotal).contains("1,1860").doesNotContain("%");
    }

    @Test
    void thePdfHoldsEveryApartmentInCyrillicAndItsFirstPageIsAPicture() throws Exception {
        Got got = statement(manager, "&format=pdf");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.contentType()).isEqualTo("application/pdf");
        Path dir = Files.createDirectories(Path.of("target", "report-pdf"));
        Path pdf = dir.resolve("statement-api.pdf");
        Files.write(pdf, got.body());
        String text = Poppler.text(pdf);
        assertThat(text).contains("Ведомость потребления по квартирам", "ЛС-001", "0002", oldSerial, "Итоги по ресурсам",
                "Ответственное лицо");
        assertThat(text).contains("1,0000", "Гкал", "данных");
        Path png = Poppler.firstPage(pdf, dir.resolve("statement-api"));
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void aResidentGetsTheirOwnApartmentOnly() throws Exception {
        Got own = http.get(resident1, "/api/v1/reports/statement?format=csv" + NOVEMBER);
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        List<String[]> rows = ReportHttp.csv(own.body(), StandardCharsets.UTF_8);
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).allSatisfy(r -> assertThat(r[2]).isEqualTo("1"));
        assertThat(own.disposition()).contains(URLEncoder.encode("кв_1"));
        assertThat(http.get(resident1, "/api/v1/reports/statement?scope=" + flat1 + NOVEMBER).status()).isEqualTo(200);
        assertThat(http.get(resident1, "/api/v1/reports/statement?scope=" + flat2 + NOVEMBER).status()).isEqualTo(404);
        assertThat(http.get(resident1, "/api/v1/reports/statement?scope=" + building + NOVEMBER).status()).isEqualTo(404);
        assertThat(http.get(otherManager, "/api/v1/reports/statement?scope=" + building + NOVEMBER).status())
                .isEqualTo(404);
    }

    @Test
    void badRequestsAreRefusedWithTheReason() throws Exception {
        assertThat(http.get(manager, "/api/v1/reports/horoscope?scope=" + building).status()).isEqualTo(404);
        assertRefused(statement(manager, "&format=doc"), "format");
        assertRefused(http.get(manager, "/api/v1/reports/statement?scope=" + building + "&month=2026-13"), "month");
        assertRefused(http.get(manager, "/api/v1/reports/statement?scope=" + building + "&from=2026-11-10&to=2026-11-01"),
                "after");
        assertRefused(http.get(manager, "/api/v1/reports/statement?scope=" + building + "&from=2025-01-01&to=2026-03-01"),
                "13 months");
        assertRefused(http.get(manager, "/api/v1/reports/statement?scope=" + building + "&from=2026-11-01"), "'to'");
        assertRefused(statement(manager, "&heatUnit=btu"), "heatUnit");
        assertRefused(statement(manager, "&encoding=koi8-r"), "encoding");
    }

    @Test
    void aValueWindows1251CannotHoldIsRefusedNotReplaced() throws Exception {
        jdbc.sql("update premise set personal_account = 'ЛС-001' where public_id = ?").param(flat1).update();
        String original = address;
        jdbc.sql("update building set address = ? where public_id = ?").params(address + " ☀", building).update();
        try {
            Got got = statement(manager, "&format=csv&encoding=windows-1251");
            assertRefused(got, "☀");
            assertThat(got.text()).contains("UTF-8");
        } finally {
            jdbc.sql("update building set address = ? where public_id = ?").params(original, building).update();
        }
    }

    private static void assertRefused(Got got, String says) {
        assertThat(got.status()).as(got.text()).isEqualTo(400);
        assertThat(got.text()).contains(says);
    }

    private static final class URLEncoder {
        static String encode(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
