package org.openamr.server.alarm;

/** How urgently an alarm wants attention; notifications filter by a minimum severity. */
public enum Severity {
    /** metering has stopped or is wrong, or something is being lost (a leak): act now */
    CRITICAL("Critical", "Критическая"),
    /** metering is at risk or a figure is doubtful: act soon */
    WARNING("Warning", "Предупреждение"),
    /** worth knowing, nothing to do yet */
    INFO("Information", "Информация");

    private final Label label;

    Severity(String labelEn, String labelRu) {
        this.label = new Label(labelEn, labelRu);
    }

    public Label label() {
        return label;
    }

    /** Whether this severity is at least as urgent as {@code minimum}. */
    public boolean atLeast(Severity minimum) {
        // declared from the most urgent down
        return ordinal() <= minimum.ordinal();
    }
}
