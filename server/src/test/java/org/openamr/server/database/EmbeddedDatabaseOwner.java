package org.openamr.server.database;

import java.nio.file.Path;

/** A process that runs the server's embedded database until it is killed: what a killed OpenAMR leaves. */
public final class EmbeddedDatabaseOwner {

    private EmbeddedDatabaseOwner() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase db = EmbeddedDatabase.forServer(Path.of(args[0]), Path.of(args[1]));
        System.out.println("ready " + db.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
