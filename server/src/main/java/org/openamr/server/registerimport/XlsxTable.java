package org.openamr.server.registerimport;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The first sheet of an Excel workbook (.xlsx) as text. Numbers are written as the shortest decimal their
 * double holds (what Excel shows, 54.3 not 54.299999…), dates as ISO dates, formulas by their cached result.
 */
final class XlsxTable {

    private XlsxTable() {
    }

    static RegisterTable read(byte[] bytes, int maxRows) throws RegisterFileException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new RegisterFileException("imp.file.empty");
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<RegisterTable.Line> records = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c)));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (records.size() > maxRows) {
                    throw new RegisterFileException("imp.file.tooManyRows", maxRows);
                }
                records.add(new RegisterTable.Line(row.getRowNum() + 1, cells));
            }
            if (records.isEmpty()) {
                throw new RegisterFileException("imp.file.empty");
            }
            return new RegisterTable(records.get(0).cells(), List.copyOf(records.subList(1, records.size())));
        } catch (RegisterFileException e) {
            throw e;
        } catch (Exception e) {
            // a zip that is no workbook, a truncated or tampered one, a zip bomb POI refuses: all the same to a user
            throw new RegisterFileException("imp.file.brokenXlsx");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case ERROR -> "#ERROR";
            default -> "";
        };
    }
}
