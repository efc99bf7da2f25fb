package org.openamr.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openamr.server.security.Role;

/**
 * What {@code openamr demo} prints once it is ready, in Russian and English: where the server is,
 * the accounts with their passwords and this start's API tokens, and a request to paste.
 *
 * @param url       the server's base URL
 * @param dataDir   where the embedded database keeps its data; null on an external database
 * @param busAddress the virtual bus's gateway address
 * @param building   the demo building's public id
 * @param month      the current month: the balance example covers the twelve before it
 * @param radio      the radio building and its collector; null without them
 * @param faults     what is wrong in the building, for the alarms to find; null: nothing said
 */
record DemoBanner(String url, Path dataDir, String busAddress, int apartments, int meters, DemoProperties settings,
                  List<DemoLogin> logins, UUID building, YearMonth month, Duration startup, Radio radio,
                  DemoFaults faults) {

    /**
     * @param apartments apartments of the radio building
     * @param meters     meters registered there
     * @param unassigned meters heard but not registered
     * @param page       the collector's status page; empty if it could not listen
     * @param config     the collector's configuration file
     */
    record Radio(int apartments, int meters, int unassigned, String page, Path config) {
    }

    String text() {
        String rule = "=".repeat(78);
        StringBuilder b = new StringBuilder();
        b.append('\n').append(rule).append('\n');
        b.append(" OpenAMR — демо готово / demo ready").append(startup == null ? "" : String.format(Locale.ROOT,
                " (%.1f s)", startup.toMillis() / 1000.0)).append('\n');
        b.append(rule).append('\n');
        line(b, "Сервер / Server", url);
        line(b, "Дом / Building", DemoBuilding.ADDRESS + ", " + apartments + " кв. / apartments");
        line(b, "API", url + "/swagger-ui.html");
        line(b, "Шина / M-Bus", busAddress + " (виртуальная, " + meters + " " + meterWord(meters) + " / virtual, "
                + meters + " meters)");
        line(b, "Опрос / Polling", "каждую минуту / every minute");
        if (radio != null) {
            line(b, "Радиодом / Radio", DemoRadioBuilding.ADDRESS + ", " + radio.apartments() + " кв. / apartments, "
                    + radio.meters() + " " + meterWord(radio.meters()) + " / meters, wM-Bus, mode 5");
            line(b, "", "ещё " + radio.unassigned() + " слышны, не в реестре: «Неназначенные» / "
                    + radio.unassigned() + " more heard, not registered: \"Unassigned meters\"");
            line(b, "Концентратор / Collector", (radio.page().isEmpty() ? "" : radio.page() + " (" + DemoCollector.WEB_USER
                    + " / " + DemoCollector.WEB_PASSWORD + ")"));
            line(b, "", radio.config().toString());
        }
        line(b, "История / History", settings.historyMonths() + " мес. по суткам, " + settings.hourlyDays()
                + " дн. по часам / " + settings.historyMonths() + " months daily, " + settings.hourlyDays()
                + " days hourly");
        if (dataDir != null) {
            line(b, "Данные / Data", dataDir.toString());
        }
        if (faults != null) {
            line(b, "Неисправности / Faults", "утечка / leak: кв. / apartment " + faults.leaking().number()
                    + ", ХВС / cold water");
            line(b, "", "ошибка / error: " + faults.inError().meterId() + ", кв. / apartment "
                    + faults.inError().number() + ", воздух / air in the flow sensor");
            line(b, "", "не отвечает / silent: " + faults.silent().meterId() + ", ОДПУ ХВС / house water meter");
            line(b, "", "небаланс тепла с / heat imbalance since " + faults.lossesFrom() + ": ОДПУ / house meter +"
                    + (DemoFaults.HEAT_LOSSES_PER_MILLE - 1000) / 10 + " %");
            line(b, "", "поверка / verification: 1 просрочена / overdue, несколько в 30 дней / some due in 30 days");
        }
        b.append('\n');
        b.append(" Вход / Sign in       Пароль / Password   Роль / Role\n");
        for (DemoLogin l : logins) {
            b.append(String.format(" %-20s %-19s %s / %s%n", l.username(), l.password(), l.roleRu(), l.roleEn()));
            b.append(String.format("   API-токен / API token: %s%n", l.token()));
        }
        b.append('\n');
        DemoLogin manager = logins.stream().filter(l -> l.role() == Role.MANAGER).findFirst().orElse(logins.get(0));
        b.append(" Попробуйте / Try:\n");
        b.append("   curl -H \"Authorization: Bearer ").append(logins.get(0).token()).append("\" ").append(url)
                .append("/api/v1/me\n");
        b.append(" Баланс тепла дома по месяцам (ОДПУ и квартиры) / the building's monthly heat balance:\n");
        b.append("   curl -H \"Authorization: Bearer ").append(manager.token()).append("\" \"").append(url)
                .append("/api/v1/buildings/").append(building).append("/balance?resource=HEAT&resolution=MONTH&from=")
                .append(month.minusMonths(settings.historyMonths() - 1L)).append("&to=").append(month)
                .append("\"\n");
        b.append(" Ведомость по квартирам за прошлый месяц / last month's apartment statement (csv, xlsx, pdf, xml, txt):\n");
        b.append("   curl -OJ -H \"Authorization: Bearer ").append(manager.token()).append("\" \"").append(url)
                .append("/api/v1/reports/statement?scope=").append(building).append("&month=")
                .append(month.minusMonths(1)).append("&format=pdf\"\n");
        b.append(" Отчёты / Reports: ").append(url).append("/reports\n");
        b.append('\n');
        b.append(" Только для демонстрации: пароли постоянные, токены новые при каждом запуске.\n");
        b.append(" Demo only, not for production: fixed passwords, new tokens on every start.\n");
        b.append(" Остановить / Stop: Ctrl-C\n");
        b.append(rule).append('\n');
        return b.toString();
    }

    /** Russian number agreement: 1 счётчик, 2–4 счётчика, 5–20 счётчиков, 21 счётчик… */
    static String meterWord(int n) {
        int tens = n % 100;
        int ones = n % 10;
        if (tens >= 11 && tens <= 14 || ones == 0 || ones >= 5) {
            return "счётчиков";
        }
        return ones == 1 ? "счётчик" : "счётчика";
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(" %-24s %s%n", label, value));
    }
}
