package org.openamr.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A password written into the database URL is never shown where the URL is: logs, errors, health details. */
class DatabaseConnectionTest {

    @Test
    void aPasswordInTheUrlIsMaskedAndTheRestShownAsWritten() {
        assertThat(new DatabaseConnection("jdbc:postgresql://db:5432/openamr?user=amr&password=s3cret&ssl=true",
                "amr", "").shownUrl())
                .isEqualTo("jdbc:postgresql://db:5432/openamr?user=amr&password=********&ssl=true");
        assertThat(new DatabaseConnection("jdbc:postgresql://db/openamr?sslmode=verify-full&sslpassword=k3y", "a", "")
                .shownUrl()).isEqualTo("jdbc:postgresql://db/openamr?sslmode=verify-full&sslpassword=********");
        assertThat(new DatabaseConnection("jdbc:postgresql://amr:s3cret@db:5432/openamr", "a", "").shownUrl())
                .isEqualTo("jdbc:postgresql://amr:********@db:5432/openamr");
        String plain = "jdbc:postgresql://localhost:5432/openamr?ApplicationName=openamr";
        assertThat(new DatabaseConnection(plain, "a", "").shownUrl()).isEqualTo(plain);
    }

    @Test
    void itsWordsNameNeitherPassword() {
        DatabaseConnection c = new DatabaseConnection("jdbc:postgresql://db/openamr?password=in-url", "amr", "property");
        assertThat(c.toString()).isEqualTo("DatabaseConnection[url=jdbc:postgresql://db/openamr?password=********,"
                + " user=amr]").doesNotContain("in-url", "property");
    }
}
