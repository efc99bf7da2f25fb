package org.openamr.server.report;

/**
 * A rendered report.
 *
 * @param fileName  what it is called when saved: kind, subject and period
 * @param mediaType with its charset for text formats
 */
public record ReportFile(String fileName, String mediaType, byte[] content) {
}
