package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.demo.DemoBuilding;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register import in a real browser, as the demo's service company: a file with one wrong row shows that
 * row's error and writes nothing; the corrected file imports everything (premises, points, meters, audit log) and
 * the building page shows it; the same file again changes nothing; an Excel workbook made here with POI imports
 * and updates like a CSV; a broken file and a forged confirmation are said on the page; the downloaded template's
 * SonoSafe apartment is previewed as one meter with its three points and imported so; a serial number only another
 * company has becomes a meter of our own, the page saying nothing about theirs. Each test imports into a
 * building of its own, served by the demo's service company.
 */
@SmallDemo
class ImportPageIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path files;

    @BeforeEach
    void signedIn() {
        session.login("operator", "operator-demo");
    }

    /** A new empty building of the demo's companies, so that the operator may import into it. */
    private UUID building(String address) {
        return jdbc.sql("""
                insert into building (address, management_org_id, service_org_id, time_zone)
                select ?, management_org_id, service_org_id, time_zone from building where address = ?
                returning public_id""").params(address, DemoBuilding.ADDRESS).query(UUID.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long premises(UUID building) {
        return count("select count(*) from premise p join building b on b.id = p.building_id where b.public_id = ?",
                building);
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content);
    }

    /** Chooses the building and the file on the import page and sends them; waits for the answer. */
    private void upload(UUID building, Path file) {
        browser.get(session.url("/import"));
        new Select(browser.findElement(By.id("building"))).selectByValue(building.toString());
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        session.follow(browser.findElement(By.id("upload")));
    }

    private List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private static byte[] russianCsv(String... rows) {
        String header = "Подъезд;Номер помещения;Тип помещения;Этаж;Площадь, м²;Ресурс;Производитель;Модель;"
                + "Заводской номер;Первичный адрес M-Bus;Дата установки;Дата следующей поверки\r\n";
        return ("\uFEFF" + header + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileWithOneWrongRowWritesNothingTheCorrectedOneImportsOnceAndTheBuildingShowsIt() throws IOException {
        UUID building = building("ул. Импортная, 1");
        long audit = count("select count(*) from audit_log");
        Path wrong = file("reestr.csv", russianCsv(
                "1;1;квартира;1;40,5;тепло;DFS;SonoSafe 10;51000001;1;01.09.2024;01.09.2030",
                "1;1;квартира;1;40,5;ХВС;DFS;;51000002;;01.09.2024;",
                "1;2;квартира;1;61;пар;DFS;SonoSafe 10;51000003;2;01.09.2024;01.09.2030"));
        upload(building, wrong);

        assertThat(session.h1()).isEqualTo("Register import: check before importing");
        List<WebElement> problems = browser.findElements(By.cssSelector("#problems tbody tr"));
        assertThat(problems).hasSize(1);
        assertThat(cells(problems.get(0))).containsExactly("4", "Resource", "пар",
                "is not a resource: heat, cold water, hot water, electricity or gas");
        assertThat(browser.findElement(By.id("nothing-imported")).getText()).startsWith("Nothing is imported");
        assertThat(browser.findElements(By.id("confirm"))).as("no way to import a wrong file").isEmpty();
        assertThat(browser.findElement(By.id("count-error")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("#rows tr[data-line='2']")).getDomAttribute("data-status"))
                .isEqualTo("CREATE");
        Browser.screenshot(browser, "import-preview-error-en");
        assertThat(premises(building)).isZero();
        assertThat(count("select count(*) from audit_log")).as("nothing written").isEqualTo(audit);

        Path corrected = file("reestr-2.csv", russianCsv(
                "1;1;квартира;1;40,5;тепло;DFS;SonoSafe 10;51000001;1;01.09.2024;01.09.2030",
                "1;1;квартира;1;40,5;ХВС;DFS;;51000002;;01.09.2024;",
                "1;2;квартира;1;61;тепло;DFS;SonoSafe 10;51000003;2;01.09.2024;01.09.2030"));
        upload(building, corrected);
        assertThat(browser.findElements(By.cssSelector("#problems"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#rows tbody tr"))).extracting(r -> r.getDomAttribute(
                "data-status")).containsExactly("CREATE", "CREATE", "CREATE");
        assertThat(browser.findElement(By.cssSelector("#rows tr[data-line='2']")).getText()).contains(
                "entrance 1 is added", "premise 1 is added", "premise 1: a Heat point is added",
                "meter 51000001 is registered and installed on Sep 1, 2024");
        Browser.screenshot(browser, "import-preview-en");
        session.follow(browser.findElement(By.id("confirm")));

        assertThat(browser.findElement(By.id("import-done")).getText())
                .startsWith("Imported: 3 row(s) with something new, 0 with changes, 0 unchanged.");
        assertThat(premises(building)).isEqualTo(2);
        assertThat(jdbc.sql("""
                select p.number || ' ' || mp.resource || ' ' || m.serial || ' ' || coalesce(m.bus_address::text, '-')
                       || ' ' || to_char(i.installed_at at time zone b.time_zone, 'YYYY-MM-DD')
                from meter_installation i join meter m on m.id = i.meter_id
                join metering_point mp on mp.id = i.point_id join premise p on p.id = mp.premise_id
                join building b on b.id = p.building_id
                where b.public_id = ? and i.removed_at is null order by m.serial""").param(building)
                .query(String.class).list()).containsExactly("1 HEAT 51000001 1 2024-09-01",
                "1 COLD_WATER 51000002 - 2024-09-01", "2 HEAT 51000003 2 2024-09-01");
        assertThat(jdbc.sql("select area_m2 from premise where number = '1' and building_id = (select id from "
                + "building where public_id = ?)").param(building).query(BigDecimal.class).single())
                .isEqualByComparingTo("40.5");
        assertThat(count("select count(*) from audit_log where actor = 'user:operator' and entity = 'meter' "
                + "and action = 'INSERT' and after ->> 'serial' like '5100000_'")).as("every meter audited")
                .isEqualTo(3);

        session.follow(browser.findElement(By.id("done-building")));
        assertThat(session.h1()).isEqualTo("ул. Импортная, 1");
        assertThat(browser.findElements(By.cssSelector("a.tile strong"))).extracting(WebElement::getText)
                .containsExactly("1", "2");

        long afterImport = count("select count(*) from audit_log");
        upload(building, corrected);
        assertThat(browser.findElements(By.cssSelector("#rows tbody tr"))).extracting(r -> r.getDomAttribute(
                "data-status")).containsExactly("UNCHANGED", "UNCHANGED", "UNCHANGED");
        assertThat(browser.findElement(By.id("all-unchanged")).getText()).startsWith("Nothing to import");
        assertThat(browser.findElements(By.id("confirm"))).isEmpty();
        assertThat(count("select count(*) from audit_log")).isEqualTo(afterImport);
    }

    /** Meter {@code serial} of organisation {@code owner}, every column and installation of it. */
    private String meterOf(String serial, long owner) {
        return jdbc.sql("""
                select row_to_json(m)::text || ' ' || coalesce((select string_agg(row_to_json(i)::text, ',')
                       from meter_installation i where i.meter_id = m.id), '')
                from meter m where m.serial = ? and m.owner_org_id = ?""").params(serial, owner)
                .query(String.class).single();
    }

    @Test
    void aSerialNumberOnlyAnotherCompanyHasIsANewMeterOfOurOwnAndTheirsIsNeitherNamedNorTouched()
            throws IOException {
        long rival = count("insert into organisation (kind, name) values ('SERVICE', 'ООО Соседи') returning id");
        long theirBuilding = count("insert into building (address, management_org_id, service_org_id) values "
                + "('ул. Чужая, 7', ?, ?) returning id", rival, rival);
        long theirPremise = count("insert into premise (building_id, number, kind) values (?, '77', 'APARTMENT') "
                + "returning id", theirBuilding);
        long theirPoint = count("insert into metering_point (building_id, premise_id, resource) values (?, ?, 'HEAT') "
                + "returning id", theirBuilding, theirPremise);
        long theirMeter = count("insert into meter (owner_org_id, manufacturer, model, serial, bus_address) "
                + "values (?, 'DFS', 'SonoSafe 10', '53000001', 7) returning id", rival);
        jdbc.sql("insert into meter_installation (meter_id, point_id, installed_at) values (?, ?, "
                + "'2024-01-01T00:00:00+03:00')").params(theirMeter, theirPoint).update();
        String theirs = meterOf("53000001", rival);

        UUID building = building("ул. Импортная, 5");
        Path register = file("reestr-5.csv", russianCsv(
                "1;1;квартира;1;40,5;тепло;DFS;SonoSafe 10;53000001;1;01.09.2024;01.09.2030"));
        upload(building, register);
        assertThat(browser.findElements(By.cssSelector("#problems"))).isEmpty();
        WebElement row = browser.findElement(By.cssSelector("#rows tr[data-line='2']"));
        assertThat(row.getDomAttribute("data-status")).isEqualTo("CREATE");
        assertThat(row.getText()).contains("meter 53000001 is registered and installed on Sep 1, 2024")
                .doesNotContain("77", "Чужая", "Соседи", "registered already", "elsewhere");
        session.follow(browser.findElement(By.id("confirm")));
        assertThat(browser.findElement(By.id("import-done")).getText())
                .startsWith("Imported: 1 row(s) with something new, 0 with changes, 0 unchanged.");

        assertThat(count("""
                select count(*) from meter m join meter_installation i on i.meter_id = m.id
                join metering_point mp on mp.id = i.point_id join building b on b.id = mp.building_id
                where m.serial = '53000001' and b.public_id = ? and i.removed_at is null
                  and m.owner_org_id = b.service_org_id and m.id <> ?""", building, theirMeter))
                .as("our own meter 53000001, in our registry, at our point").isEqualTo(1);
        assertThat(meterOf("53000001", rival)).as("theirs untouched").isEqualTo(theirs);

        upload(building, register);
        assertThat(browser.findElements(By.cssSelector("#rows tbody tr"))).extracting(r -> r.getDomAttribute(
                "data-status")).containsExactly("UNCHANGED");
    }

    private static byte[] workbook(Object[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Register");
            var date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            String[] header = {"Entrance", "Premise number", "Area, m²", "Resource", "Meter maker", "Serial number",
                    "M-Bus primary address", "Installed on"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    var cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v != null) {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anExcelWorkbookImportsAndAChangedAreaIsAnUpdate() throws IOException {
        UUID building = building("ул. Импортная, 2");
        LocalDate installed = LocalDate.of(2025, 2, 1);
        upload(building, file("register.xlsx", workbook(
                new Object[] {2, "101", 50, "cold water", "DFS", "52000001", 7, installed},
                new Object[] {2, "102", 48.25, "hot water", "DFS", "52000002", 8, installed})));
        assertThat(browser.findElements(By.cssSelector("#rows tbody tr"))).extracting(r -> r.getDomAttribute(
                "data-status")).containsExactly("CREATE", "CREATE");
        session.follow(browser.findElement(By.id("confirm")));
        assertThat(browser.findElement(By.id("import-done")).getText()).startsWith("Imported: 2 row(s)");
        assertThat(jdbc.sql("select m.serial || ' ' || m.bus_address from meter m where m.serial like '5200000_' "
                + "order by 1").query(String.class).list()).containsExactly("52000001 7", "52000002 8");
        assertThat(jdbc.sql("select area_m2 from premise where number = '102'").query(BigDecimal.class).single())
                .isEqualTo(new BigDecimal("48.25"));

        upload(building, file("register-2.xlsx", workbook(
                new Object[] {2, "101", 52.5, "cold water", "DFS", "52000001", 7, installed},
                new Object[] {2, "102", 48.25, "hot water", "DFS", "52000002", 8, installed})));
        WebElement changed = browser.findElement(By.cssSelector("#rows tr[data-line='2']"));
        assertThat(changed.getDomAttribute("data-status")).isEqualTo("UPDATE");
        assertThat(changed.getText()).contains("premise 101: Area, m² 50 → 52.5");
        assertThat(browser.findElement(By.cssSelector("#rows tr[data-line='3']")).getDomAttribute("data-status"))
                .isEqualTo("UNCHANGED");
        session.follow(browser.findElement(By.id("confirm")));
        assertThat(browser.findElement(By.id("import-done")).getText())
                .startsWith("Imported: 0 row(s) with something new, 1 with changes, 1 unchanged.");
        assertThat(jdbc.sql("select area_m2 from premise where number = '101'").query(BigDecimal.class).single())
                .isEqualTo(new BigDecimal("52.50"));
    }

    @Test
    void aBrokenFileAndAForgedConfirmationAreSaidOnThePage() throws IOException {
        UUID building = building("ул. Импортная, 3");
        upload(building, file("broken.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 9, 9, 9, 9, 9, 9}));
        assertThat(browser.findElement(By.id("file-error")).getText()).isEqualTo("The file looks like an Excel "
                + "workbook but cannot be read (damaged or not a workbook); save it again as .xlsx or as CSV UTF-8.");
        assertThat(browser.getPageSource()).doesNotContain("Exception", "at org.");
        upload(building, file("scan.pdf", "%PDF-1.4 not a register".getBytes(StandardCharsets.US_ASCII)));
        assertThat(browser.findElement(By.id("file-error")).getText())
                .isEqualTo("This is neither a CSV file nor an Excel workbook (.xlsx).");

        upload(building, file("one.csv", russianCsv("1;7;;;;;;;;;;")));
        // the confirmation names the uploaded bytes: another file's hash imports nothing
        browser.executeScript("document.querySelector('input[name=sha256]').value = arguments[0];",
                "0".repeat(64));
        session.follow(browser.findElement(By.id("confirm")));
        assertThat(browser.findElement(By.id("file-error")).getText()).startsWith("This preview is no longer kept");
        assertThat(premises(building)).isZero();
    }

    @Test
    void theTemplatesDownloadInBothLanguagesAndOthersMayNotImport() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> ru = http.send(HttpRequest.newBuilder(URI.create(session.url(
                "/import/template.csv?language=ru"))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ru.statusCode()).isEqualTo(200);
        assertThat(ru.headers().firstValue("Content-Disposition").orElseThrow()).contains("reestr-shablon.csv");
        assertThat(new String(ru.body(), StandardCharsets.UTF_8)).startsWith("\uFEFFПодъезд;Номер помещения;");
        HttpResponse<byte[]> en = http.send(HttpRequest.newBuilder(URI.create(session.url(
                "/import/template.xlsx?language=en"))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(en.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(en.body()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Entrance");
        }

        for (String role : List.of("manager", "resident")) {
            session.signOut();
            session.login(role, role + "-demo");
            browser.get(session.url("/import"));
            assertThat(browser.findElement(By.id("forbidden")).getText()).isEqualTo("Not for your role");
            assertThat(session.statusInThisSession("/import")).isEqualTo(403);
        }
    }

    @Test
    void theTemplatesSonoSafeApartmentIsOneMeterAtThreePoints() throws Exception {
        UUID building = building("ул. Импортная, 5");
        String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        byte[] template = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(session.url(
                "/import/template.csv?language=ru"))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        upload(building, file("reestr-shablon.csv", template));

        List<WebElement> meters = browser.findElements(By.cssSelector("#meters tbody tr"));
        assertThat(meters).hasSize(1);
        assertThat(cells(meters.get(0))).containsExactly("12345678", "DFS SonoSafe 10", "12",
                "Heat, subunit 0\nCold water, subunit 1\nHot water, subunit 2", "2, 3, 4");
        assertThat(browser.findElement(By.cssSelector("#rows tr[data-line='3']")).getText()).contains(
                "Cold water, subunit 1", "meter 12345678, registered by row 2, is installed here too on Sep 1, 2024");
        Browser.screenshot(browser, "import-preview-sonosafe-en");
        session.follow(browser.findElement(By.id("confirm")));

        assertThat(browser.findElement(By.id("import-done")).getText())
                .startsWith("Imported: 3 row(s) with something new, 0 with changes, 0 unchanged.");
        assertThat(jdbc.sql("""
                select mp.resource || ' ' || mp.subunit
                from meter_installation i join meter m on m.id = i.meter_id
                join metering_point mp on mp.id = i.point_id join building b on b.id = mp.building_id
                where b.public_id = ? and m.serial = '12345678' order by mp.subunit""").param(building)
                .query(String.class).list()).containsExactly("HEAT 0", "COLD_WATER 1", "HOT_WATER 2");
        assertThat(count("select count(*) from meter where serial = '12345678'")).isEqualTo(1);
    }

    @Test
    void theImportPageSpeaksRussianAndFitsAPhone() throws IOException {
        browser.get(session.url("/import?lang=ru"));
        assertThat(session.h1()).isEqualTo("Загрузка реестра");
        assertThat(browser.findElement(By.cssSelector("#columns tbody tr")).getText()).contains("Подъезд",
                "Entrance");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            assertThat(session.overflow()).as("the page fits a phone's width").isLessThanOrEqualTo(0L);
            Browser.screenshot(browser, "import-ru-phone");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
            browser.get(session.url("/import?lang=en"));
        }
    }
}
