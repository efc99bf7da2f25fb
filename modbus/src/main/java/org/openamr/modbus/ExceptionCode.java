package org.openamr.modbus;

import java.util.Optional;

/**
 * The exception codes a Modbus slave answers with instead of data (the function code with its
 * high bit set, then one of these), with a name and a meaning in English and Russian for an
 * operator who has to act on them. Code 09 is not assigned by the Modbus application protocol
 * specification, so {@link #byCode(int)} has nothing for it.
 */
public enum ExceptionCode {
    ILLEGAL_FUNCTION(0x01, "Illegal function",
            "The slave does not support this function code, or not in its present state.",
            "Недопустимая функция",
            "Ведомое устройство не поддерживает этот код функции или не может выполнить его в текущем состоянии."),
    ILLEGAL_DATA_ADDRESS(0x02, "Illegal data address",
            "The requested address, or the address plus the count, lies outside what the slave serves.",
            "Недопустимый адрес данных",
            "Запрошенный адрес или диапазон адресов выходит за пределы того, что обслуживает устройство."),
    ILLEGAL_DATA_VALUE(0x03, "Illegal data value",
            "A value in the request is not acceptable to the slave, e.g. a register count out of range.",
            "Недопустимое значение данных",
            "Значение в запросе неприемлемо для устройства, например недопустимое число регистров."),
    SERVER_DEVICE_FAILURE(0x04, "Slave device failure",
            "The slave failed unrecoverably while carrying out the request.",
            "Отказ ведомого устройства",
            "При выполнении запроса в устройстве произошла неустранимая ошибка."),
    ACKNOWLEDGE(0x05, "Acknowledge",
            "The slave accepted a long-running request and is still working on it; ask again later.",
            "Подтверждение",
            "Устройство приняло длительный запрос и ещё выполняет его; повторите опрос позже."),
    SERVER_DEVICE_BUSY(0x06, "Slave device busy",
            "The slave is busy with a long-running command; send the request again later.",
            "Ведомое устройство занято",
            "Устройство занято выполнением длительной команды; повторите запрос позже."),
    NEGATIVE_ACKNOWLEDGE(0x07, "Negative acknowledge",
            "The slave cannot carry out the programming request (legacy code, Modicon).",
            "Отрицательное подтверждение",
            "Устройство не может выполнить запрос программирования (устаревший код Modicon)."),
    MEMORY_PARITY_ERROR(0x08, "Memory parity error",
            "The slave found a parity error in its memory while reading a file record.",
            "Ошибка чётности памяти",
            "Устройство обнаружило ошибку чётности в своей памяти при чтении записи файла."),
    GATEWAY_PATH_UNAVAILABLE(0x0A, "Gateway path unavailable",
            "The gateway could not set up a path to the target unit: misconfigured or overloaded.",
            "Путь через шлюз недоступен",
            "Шлюз не смог установить путь к целевому устройству: ошибка настройки или перегрузка."),
    GATEWAY_TARGET_FAILED_TO_RESPOND(0x0B, "Gateway target device failed to respond",
            "The gateway got no answer from the target unit: it is absent or does not answer.",
            "Целевое устройство за шлюзом не ответило",
            "Шлюз не получил ответа от целевого устройства: оно отсутствует или не отвечает.");

    private final int code;
    private final String nameEn;
    private final String meaningEn;
    private final String nameRu;
    private final String meaningRu;

    ExceptionCode(int code, String nameEn, String meaningEn, String nameRu, String meaningRu) {
        this.code = code;
        this.nameEn = nameEn;
        this.meaningEn = meaningEn;
        this.nameRu = nameRu;
        this.meaningRu = meaningRu;
    }

    public int code() {
        return code;
    }

    public String nameEn() {
        return nameEn;
    }

    public String meaningEn() {
        return meaningEn;
    }

    public String nameRu() {
        return nameRu;
    }

    public String meaningRu() {
        return meaningRu;
    }

    /** The code as a slave sends it, for messages: {@code 02 Illegal data address}. */
    public String describe() {
        return String.format("%02X %s", code, nameEn);
    }

    /** The assigned code, or empty for 09 and anything above 0B, which a report shows as a raw number. */
    public static Optional<ExceptionCode> byCode(int code) {
        for (ExceptionCode e : values()) {
            if (e.code == code) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
