package org.openamr.collector.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every text the page shows, in English and Russian (a test checks both have the same keys). */
final class Texts {

    static final Map<String, String> EN = new LinkedHashMap<>();
    static final Map<String, String> RU = new LinkedHashMap<>();

    private static void t(String key, String en, String ru) {
        EN.put(key, en);
        RU.put(key, ru);
    }

    static {
        t("title", "Collector", "Концентратор");
        t("taken", "As of", "Данные на");
        t("refresh", "Refresh", "Обновить");
        t("inputs", "Inputs", "Входы");
        t("outputs", "Outputs", "Выходы");
        t("store", "Store", "Хранилище");
        t("config", "Running configuration", "Действующие настройки");
        t("configNote", "Passwords, tokens and keys are masked.", "Пароли, токены и ключи скрыты.");
        t("log", "Last log lines", "Последние строки журнала");
        t("noInputs", "No inputs configured.", "Входы не настроены.");
        t("noOutputs", "No outputs configured.", "Выходы не настроены.");
        t("kind", "Kind", "Тип");
        t("kind.mbus", "wired M-Bus", "проводная M-Bus");
        t("kind.radio", "wireless M-Bus", "беспроводная M-Bus");
        t("address.mbus", "Bus", "Шина");
        t("address.radio", "Receiver", "Приёмник");
        t("meters.mbus", "Meters read", "Счётчиков прочитано");
        t("meters.radio", "Meters heard", "Счётчиков услышано");
        t("lastRead", "Last read", "Последнее чтение");
        t("rssi", "Last RSSI", "Последний RSSI");
        t("telegrams", "Telegrams", "Телеграмм");
        t("readouts", "Readouts stored", "Показаний сохранено");
        t("errors", "Errors", "Ошибки");
        t("none", "none", "нет");
        t("never", "never", "ещё не было");
        t("type", "Type", "Тип");
        t("queue", "Queue", "В очереди");
        t("lastSuccess", "Last success", "Последняя доставка");
        t("lastError", "Last error", "Последняя ошибка");
        t("delivered", "Batches delivered", "Пакетов доставлено");
        t("throughBackup", "through the backup", "через резерв");
        t("backup", "Backup", "Резерв");
        t("backupInUse", "in use", "используется");
        t("backupIdle", "standing by", "не используется");
        t("noBackup", "none", "нет");
        t("failuresInRow", "Failures in a row", "Неудач подряд");
        t("file", "File", "Файл");
        t("size", "Size", "Размер");
        t("cap", "Cap", "Предел");
        t("maxAge", "Kept at most", "Хранится не дольше");
        t("byOutcome", "Telegrams by outcome", "Телеграммы по итогу");
        t("dropped", "Undelivered readouts dropped for room", "Недоставленных показаний удалено ради места");
        t("unknown", "unknown", "неизвестно");
        t("notFound", "Page not found", "Страница не найдена");
        t("notFoundText", "There is no page at this address.", "По этому адресу страницы нет.");
        t("toStatus", "To the status page", "На страницу состояния");
        t("unauthorized", "Password required", "Нужен пароль");
        t("unauthorizedText", "Sign in with the user and password of the collector's configuration file (collector.web).",
                "Войдите с именем и паролем из файла настроек концентратора (collector.web).");
        t("badLang", "Unknown language", "Неизвестный язык");
        t("badLangText", "lang must be ru or en.", "lang — ru или en.");
        t("badMethod", "Method not allowed", "Метод не разрешён");
        t("badMethodText", "This page only answers GET and HEAD.", "Страница отвечает только на GET и HEAD.");
        t("outcome.decoded", "decoded", "расшифровано");
        t("outcome.undecoded", "undecoded (no key)", "не расшифровано (нет ключа)");
        t("outcome.failed", "failed", "ошибка");
        t("outcome.damaged", "damaged", "повреждено");
        t("outcome.duplicate", "duplicate", "повтор");
        t("outcome.other-mode", "other mode", "другой режим");
        t("outcome.ignored", "ignored (not in the list)", "пропущено (нет в списке)");
    }

    private Texts() {
    }

    static String get(Lang lang, String key) {
        String s = (lang == Lang.RU ? RU : EN).get(key);
        return s != null ? s : key; // e.g. an outcome added to the store later: shown by its own name
    }
}
