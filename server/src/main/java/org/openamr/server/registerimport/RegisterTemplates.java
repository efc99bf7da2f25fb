package org.openamr.server.registerimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openamr.mbus.app.SecondaryAddress;

/**
 * The register's template in Russian or English: the header and an example apartment, as CSV the way Excel opens
 * it in that language (Russian: UTF-8 with a byte order mark and semicolons; English: commas) or as a workbook whose
 * number-like text columns are text, so that Excel keeps the leading zeros of a serial number or a personal account.
 * The example is the usual Danfoss SonoSafe 10 in three rows, one meter at three points: heat on the meter itself,
 * cold and hot water on its pulse inputs 1 and 2.
 */
public final class RegisterTemplates {

    private static final String SERIAL = "12345678";
    /** Leading zeros, as many management companies' accounts have them: the column must stay text. */
    private static final String ACCOUNT = "0012345678";
    private static final String SECONDARY = SecondaryAddress.of(SERIAL, "DFS", 4, 4).toString();
    private static final LocalDate INSTALLED = LocalDate.of(2024, 9, 1);
    private static final LocalDate DUE = LocalDate.of(2030, 9, 1);
    /** The meter's device identifier in ГИС ЖКХ: the same on all its rows. */
    private static final String GIS_GUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    private RegisterTemplates() {
    }

    public static boolean russian(Locale locale) {
        return "ru".equals(locale.getLanguage());
    }

    /** The example's rows, each cell in the order of {@link RegisterColumn}. */
    private static List<List<String>> example(Locale locale) {
        boolean ru = russian(locale);
        List<String> resources = ru ? List.of("тепло", "холодная вода", "горячая вода")
                : List.of("heat", "cold water", "hot water");
        List<List<String>> rows = new ArrayList<>();
        for (int subunit = 0; subunit < resources.size(); subunit++) {
            rows.add(List.of("1", "12", ru ? "квартира" : "apartment", "3", ru ? "54,3" : "54.3", ACCOUNT,
                    resources.get(subunit), "DFS", "SonoSafe 10", SERIAL, Integer.toString(subunit), "12", SECONDARY,
                    ru ? "01.09.2024" : INSTALLED.toString(), ru ? "01.09.2030" : DUE.toString(), GIS_GUID));
        }
        return rows;
    }

    public static byte[] csv(Locale locale) {
        String separator = russian(locale) ? ";" : ",";
        StringBuilder out = new StringBuilder(russian(locale) ? "\uFEFF" : "");
        out.append(String.join(separator, RegisterColumn.headers(locale).stream().map(RegisterTemplates::quoted)
                .toList())).append("\r\n");
        for (List<String> row : example(locale)) {
            out.append(String.join(separator, row.stream().map(RegisterTemplates::quoted).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains(";") || cell.contains("\"")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    public static byte[] xlsx(Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(russian(locale) ? "Реестр" : "Register");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat(russian(locale) ? "dd.mm.yyyy" : "yyyy-mm-dd"));
            List<String> headers = RegisterColumn.headers(locale);
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            RegisterColumn[] columns = RegisterColumn.values();
            List<List<String>> example = example(locale);
            for (int r = 0; r < example.size(); r++) {
                List<String> values = example.get(r);
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < columns.length; i++) {
                    var cell = row.createCell(i);
                    switch (columns[i]) {
                        case ENTRANCE, FLOOR, PRIMARY, SUBUNIT -> cell.setCellValue(Integer.parseInt(values.get(i)));
                        case AREA -> cell.setCellValue(54.3);
                        case INSTALLED_ON -> {
                            cell.setCellValue(INSTALLED);
                            cell.setCellStyle(date);
                        }
                        case VERIFICATION_DUE -> {
                            cell.setCellValue(DUE);
                            cell.setCellStyle(date);
                        }
                        default -> {
                            cell.setCellValue(values.get(i));
                            cell.setCellStyle(text);
                        }
                    }
                }
            }
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] == RegisterColumn.PREMISE || columns[i] == RegisterColumn.PERSONAL_ACCOUNT
                        || columns[i] == RegisterColumn.SERIAL || columns[i] == RegisterColumn.SECONDARY
                        || columns[i] == RegisterColumn.GIS_DEVICE_GUID) {
                    sheet.setDefaultColumnStyle(i, text);
                }
                int width = columns[i] == RegisterColumn.GIS_DEVICE_GUID ? GIS_GUID.length() + 2 : 12;
                sheet.setColumnWidth(i, Math.max(width, headers.get(i).length() + 4) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
