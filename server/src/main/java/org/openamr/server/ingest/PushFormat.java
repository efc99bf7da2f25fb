package org.openamr.server.ingest;

/** The document formats the ingest endpoints read. */
public enum PushFormat {
    /** What Solvimus-based concentrators (SonoCollect 110/111, MUC.easy) POST in "XML TCP" mode. */
    SOLVIMUS_XML,
    /** The project's own readouts JSON, version 1 (see server/INGEST.md). */
    READOUTS_JSON
}
