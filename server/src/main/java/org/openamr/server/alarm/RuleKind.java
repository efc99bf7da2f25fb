package org.openamr.server.alarm;

/**
 * The conditions the alarm rules detect, each with its severity and its label in both languages. An alarm is one
 * per kind and object while it is open. The rules themselves are in {@code alarm.rule}, one class a kind.
 */
public enum RuleKind {
    METER_ERROR(Severity.CRITICAL, "Meter reports an error", "Прибор сообщает об ошибке"),
    LOW_BATTERY(Severity.WARNING, "Meter battery low", "Низкий заряд батареи прибора"),
    LEAK(Severity.CRITICAL, "Leak: consumption in every hour", "Утечка: расход каждый час"),
    NO_CONSUMPTION(Severity.WARNING, "No consumption in an occupied premise",
            "Нет потребления в жилом помещении"),
    REGISTER_DECREASE(Severity.WARNING, "Reading lower than the previous one", "Показание меньше предыдущего"),
    IMPLAUSIBLE_JUMP(Severity.WARNING, "Reading jumped beyond the maximum flow",
            "Скачок показаний больше максимального расхода"),
    HEAT_FLOW_BELOW_RANGE(Severity.WARNING, "Heat carrier flow below Gmin",
            "Расход теплоносителя ниже Gmin"),
    HEAT_FLOW_ABOVE_RANGE(Severity.WARNING, "Heat carrier flow above Gmax",
            "Расход теплоносителя выше Gmax"),
    HEAT_DELTA_T_BELOW_MINIMUM(Severity.WARNING, "Temperature difference below ΔTmin",
            "Разность температур ниже ΔTmin"),
    IMBALANCE(Severity.WARNING, "Building meter and apartments differ", "Расхождение ОДПУ и суммы ИПУ"),
    NO_READINGS(Severity.CRITICAL, "No readings", "Нет показаний"),
    CLOCK_DRIFT(Severity.INFO, "Meter clock off", "Часы прибора расходятся"),
    VERIFICATION_DUE(Severity.WARNING, "Verification due or overdue", "Поверка скоро или просрочена");

    private final Severity severity;
    private final Label label;

    RuleKind(Severity severity, String labelEn, String labelRu) {
        this.severity = severity;
        this.label = new Label(labelEn, labelRu);
    }

    /** The severity of the kind's alarms. */
    public Severity severity() {
        return severity;
    }

    public Label label() {
        return label;
    }
}
