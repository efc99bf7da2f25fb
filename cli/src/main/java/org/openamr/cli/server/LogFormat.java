package org.openamr.cli.server;

/** {@code --log-format text|json}: how {@code openamr server} and {@code openamr demo} write their log. */
enum LogFormat {
    /** Spring Boot's lines of text, for a person at a terminal. */
    TEXT,
    /**
     * One JSON object per event and line (Spring Boot's Elastic Common Schema format), for a log collector: the
     * context of an event (a poll's channel and run, a push's channel and push) as fields of their own.
     */
    JSON
}
