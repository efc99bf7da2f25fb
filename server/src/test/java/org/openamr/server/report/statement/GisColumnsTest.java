package org.openamr.server.report.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The ГИС ЖКХ column file a user may replace: the shipped one reads, a mistake names its line. */
class GisColumnsTest {

    @Test
    void theShippedColumnsStartWithTheDeviceIdentifier() {
        GisColumns c = GisColumns.load(null);
        assertThat(c.entries()).first().isEqualTo(new GisColumns.Entry(GisColumns.Field.GIS_DEVICE_GUID,
                "Идентификатор ПУ в ГИС ЖКХ"));
        assertThat(c.entries()).extracting(GisColumns.Entry::field).contains(GisColumns.Field.VALUE,
                GisColumns.Field.READING_DATE, GisColumns.Field.RESOURCE);
    }

    @Test
    void aUsersFileMayReorderAndRename() {
        GisColumns c = GisColumns.parse("# mine\nreadingDate; Дата\n\nvalue ; Показание T1\n", "mine");
        assertThat(c.entries()).containsExactly(new GisColumns.Entry(GisColumns.Field.READING_DATE, "Дата"),
                new GisColumns.Entry(GisColumns.Field.VALUE, "Показание T1"));
    }

    @Test
    void mistakesNameTheirLine() {
        assertThatThrownBy(() -> GisColumns.parse("value; V\nvolume; Объём\n", "f.columns"))
                .hasMessageContaining("f.columns, line 2").hasMessageContaining("'volume' is not a field");
        assertThatThrownBy(() -> GisColumns.parse("value\n", "f.columns")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> GisColumns.parse("# nothing\n", "f.columns")).hasMessageContaining("no column");
    }
}
