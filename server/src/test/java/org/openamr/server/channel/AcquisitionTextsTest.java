package org.openamr.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.master.ChannelFailureException;
import org.openamr.mbus.master.InvalidResponseException;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.MeterApplicationErrorException;
import org.openamr.mbus.master.NoResponseException;
import org.openamr.server.channel.Text.Kind;
import org.openamr.acquisition.modbus.CrcErrorException;
import org.openamr.acquisition.modbus.ModbusMasterException;
import org.openamr.acquisition.modbus.NoAnswerException;
import org.openamr.acquisition.modbus.SlaveRefusedException;
import org.openamr.acquisition.modbus.UndecodableValueException;
import org.openamr.acquisition.modbus.UnexpectedAnswerException;
import org.openamr.modbus.ExceptionCode;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.value.NotANumberException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every kind of acquisition text in English (the sentence the API has always shown) and in Russian (the
 * pages), with arguments as the server writes them; and a text survives being stored.
 */
class AcquisitionTextsTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final String CHANNEL = "tcp://10.0.0.5:10001";
    private static final String MODBUS = "tcp://10.0.0.6:502";
    private static final AcquisitionTexts TEXTS = new AcquisitionTexts(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    /** A text of the kind with typical arguments, its English and its Russian. */
    private record Sample(Text text, String english, String russian) {
    }

    private static Sample sample(Kind kind) {
        Text silent = Text.of(new NoResponseException(CHANNEL, "primary address 5",
                "no acknowledgement within 60 ms (3 attempts)"));
        return switch (kind) {
            case RAW -> new Sample(Text.raw("no long header"), "no long header", "no long header");
            case LIST -> new Sample(Text.all(java.util.List.of(Text.of(Kind.SEARCH_PRIMARY_GARBLED, 7),
                    Text.of(Kind.SEARCH_PRIMARY_UNREADABLE, 9))),
                    "primary address 7: garbled answers, probably several meters at this address; a secondary "
                            + "search tells them apart; primary address 9: a meter acknowledged but never sent a "
                            + "valid telegram",
                    "первичный адрес 7: искажённые ответы, вероятно, на этом адресе несколько счётчиков; вторичный "
                            + "поиск их различит; первичный адрес 9: счётчик подтвердил запрос, но так и не прислал "
                            + "правильной телеграммы");
            case JOB_WAITING_WORKER -> new Sample(Text.of(kind), "waiting for a worker",
                    "ожидает свободного исполнителя");
            case JOB_WAITING_CHANNEL -> new Sample(Text.of(kind),
                    "waiting for the channel: another poll or search is running on it",
                    "ожидает канал: на нём идёт другой опрос или поиск");
            case JOB_WAITING_CHANNEL_HELD -> new Sample(Text.of(kind, "node-2"),
                    "waiting for the channel: another poll or search is running on it (instance node-2)",
                    "ожидает канал: на нём идёт другой опрос или поиск (экземпляр node-2)");
            case JOB_BUSY -> new Sample(Text.of(kind, "6f1c", 1200L),
                    "channel busy: another poll or search held channel 6f1c for longer than 1200 s",
                    "канал занят: другой опрос или поиск держал канал 6f1c дольше 1200 с");
            case JOB_STOPPING -> new Sample(Text.of(kind), "the server is stopping", "сервер останавливается");
            case JOB_STOPPED -> new Sample(Text.of(kind), "the server stopped before the job finished",
                    "сервер остановился, не завершив задание");
            case JOB_BROKE_OFF -> new Sample(Text.of(kind, "boom"), "the job broke off: boom",
                    "задание прервалось: boom");
            case JOB_FAILED -> new Sample(Text.of(kind), "failed", "не выполнено");
            case CHANNEL_CANNOT_OPEN -> new Sample(Text.of(kind, "serial:///dev/ttyX", Text.raw("no such port")),
                    "channel serial:///dev/ttyX cannot be opened: no such port",
                    "канал serial:///dev/ttyX не открывается: no such port");
            case POLL_SERVER_STOPPED -> new Sample(Text.of(kind), "the server stopped during the poll",
                    "сервер остановился во время опроса");
            case RUN_SERVER_STOPPED -> new Sample(Text.of(kind), "the server stopped during the run",
                    "сервер остановился во время работы");
            case POLL_NOT_READ -> new Sample(Text.of(kind, 1234, 2000), "1234 of 2000 meter(s) not read",
                    "не прочитано счётчиков: 1234 из 2000");
            case POLL_NO_METERS -> new Sample(Text.of(kind), "no meters are registered on this channel",
                    "на этом канале не зарегистрировано ни одного счётчика");
            case POLL_NOT_STORED -> new Sample(Text.of(kind, Text.raw("deadlock")),
                    "readings could not be stored: deadlock", "показания не удалось сохранить: deadlock");
            case POLL_BROKE_OFF -> new Sample(Text.of(kind, Text.raw("x")), "the poll broke off: x",
                    "опрос прервался: x");
            case SEARCH_BROKE_OFF -> new Sample(Text.of(kind, Text.of(new ChannelFailureException(CHANNEL,
                            "secondary address FFFFFFFF", "connection reset"))),
                    "the search broke off: " + CHANNEL + ", secondary address FFFFFFFF: connection reset",
                    "поиск прервался: канал " + CHANNEL + ", вторичный адрес FFFFFFFF: канал не работает (порт "
                            + "или шлюз недоступен, соединение разорвано)");
            case SEARCH_NO_METER -> new Sample(Text.of(kind), "no meter answered", "ни один счётчик не ответил");
            case SEARCH_SHARED_SECONDARY -> new Sample(Text.of(kind, "12345678"),
                    "several meters share secondary address 12345678: selection cannot tell them apart; give them "
                            + "different ids on site",
                    "у нескольких счётчиков один вторичный адрес 12345678: выбор не различает их; задайте им на "
                            + "месте разные номера");
            case SEARCH_UNREADABLE_SECONDARY -> new Sample(Text.of(kind, "1234FFFF"),
                    "a meter at secondary address mask 1234FFFF acknowledged its selection but never sent a valid "
                            + "telegram",
                    "счётчик по маске вторичного адреса 1234FFFF подтвердил выбор, но так и не прислал правильной "
                            + "телеграммы");
            case SEARCH_FIRST_TELEGRAM_ONLY -> new Sample(Text.of(kind, "12345678", silent),
                    "meter 12345678 was found, but only its first telegram was read: " + CHANNEL
                            + ", primary address 5: no acknowledgement within 60 ms (3 attempts)",
                    "счётчик 12345678 найден, но прочитана только его первая телеграмма: канал " + CHANNEL
                            + ", первичный адрес 5: счётчик не ответил");
            case SEARCH_PRIMARY_GARBLED -> new Sample(Text.of(kind, 7),
                    "primary address 7: garbled answers, probably several meters at this address; a secondary search "
                            + "tells them apart",
                    "первичный адрес 7: искажённые ответы, вероятно, на этом адресе несколько счётчиков; вторичный "
                            + "поиск их различит");
            case SEARCH_PRIMARY_UNREADABLE -> new Sample(Text.of(kind, 9),
                    "primary address 9: a meter acknowledged but never sent a valid telegram",
                    "первичный адрес 9: счётчик подтвердил запрос, но так и не прислал правильной телеграммы");
            case OUTCOME_NO_ADDRESS -> new Sample(Text.of(kind, "77000002 DFS"),
                    "the registry knows neither a primary address nor a complete secondary address (id, maker, "
                            + "version, medium) of meter 77000002 DFS",
                    "в реестре нет ни первичного, ни полного вторичного адреса (номер, производитель, версия, "
                            + "среда) счётчика 77000002 DFS");
            case OUTCOME_NOT_READ -> new Sample(Text.of(kind, Text.of(Kind.POLL_SERVER_STOPPED)),
                    "not read: the server stopped during the poll", "не прочитан: сервер остановился во время опроса");
            case OUTCOME_WRONG_METER -> new Sample(Text.of(kind, Text.address("primary address 5"), "111 DFS",
                            "222 DFS"),
                    "primary address 5 answered as meter 111 DFS, not 222 DFS; the values were stored under the "
                            + "meter that answered",
                    "по адресу «первичный адрес 5» ответил счётчик 111 DFS, а не 222 DFS; показания сохранены за "
                            + "ответившим счётчиком");
            case OUTCOME_NOT_STORED -> new Sample(Text.of(kind, Text.raw("deadlock")),
                    "read, but the readings could not be stored: deadlock",
                    "прочитан, но показания не удалось сохранить: deadlock");
            case MBUS_NO_RESPONSE -> new Sample(silent,
                    CHANNEL + ", primary address 5: no acknowledgement within 60 ms (3 attempts)",
                    "канал " + CHANNEL + ", первичный адрес 5: счётчик не ответил");
            case MBUS_INVALID_RESPONSE -> new Sample(Text.of(new InvalidResponseException(CHANNEL,
                            "primary address 5", "checksum wrong")),
                    CHANNEL + ", primary address 5: checksum wrong", "канал " + CHANNEL + ", первичный адрес 5: "
                            + "ответ непригоден (искажён, не того вида или от другого счётчика)");
            case MBUS_APPLICATION_ERROR -> new Sample(Text.of(new MeterApplicationErrorException(CHANNEL,
                            "primary address 5", "application error 2")),
                    CHANNEL + ", primary address 5: application error 2",
                    "канал " + CHANNEL + ", первичный адрес 5: счётчик ответил прикладной ошибкой");
            case MBUS_CHANNEL_FAILURE -> new Sample(Text.of(new ChannelFailureException(CHANNEL, "primary address 5",
                            "connection refused")),
                    CHANNEL + ", primary address 5: connection refused", "канал " + CHANNEL + ", первичный адрес 5: "
                            + "канал не работает (порт или шлюз недоступен, соединение разорвано)");
            case MBUS_OTHER -> new Sample(Text.of(new MasterException(CHANNEL, "the bus", "odd", null) {
                    }), CHANNEL + ", the bus: odd", "канал " + CHANNEL + ", the bus: сбой обмена");
            case OUTCOME_NO_UNIT -> new Sample(Text.of(kind, "77000003 DFS"),
                    "the registry has no Modbus unit id for meter 77000003 DFS: set its bus address (1–247)",
                    "в реестре нет адреса Modbus счётчика 77000003 DFS: укажите его адрес на шине (1–247)");
            case OUTCOME_BAD_UNIT -> new Sample(Text.of(kind, "77000003 DFS", "250"),
                    "meter 77000003 DFS has bus address 250, which is no Modbus unit id (1–247)",
                    "у счётчика 77000003 DFS адрес на шине 250, а адрес Modbus — от 1 до 247");
            case OUTCOME_NO_MAP -> new Sample(Text.of(kind, "77000003 DFS", "Multical 603"),
                    "no register map for meter 77000003 DFS (model Multical 603): give it a model a map names, set "
                            + "the channel's map, or add a map file",
                    "нет карты регистров для счётчика 77000003 DFS (модель Multical 603): укажите модель из карты, "
                            + "карту канала или добавьте файл карты");
            case MODBUS_NO_ANSWER -> new Sample(Text.of(new NoAnswerException(MODBUS, 5, Duration.ofSeconds(1),
                            Duration.ZERO, 3)),
                    "Modbus unit 5 on " + MODBUS + ": no complete answer within 1000 ms (3 attempts)",
                    "канал " + MODBUS + ", адрес Modbus 5: счётчик не ответил");
            case MODBUS_CRC -> new Sample(Text.of(new CrcErrorException(MODBUS, 5, "05 03 02 00 01 00 00", 0, 0x4984,
                            1)), null, "канал " + MODBUS + ", адрес Modbus 5: ответ искажён (ошибка CRC)");
            case MODBUS_REFUSED -> new Sample(Text.of(new SlaveRefusedException(MODBUS, 5,
                            FunctionCode.READ_HOLDING_REGISTERS, 8, 2, 2)),
                    "Modbus unit 5 on " + MODBUS + ": exception 02 Illegal data address to a read of holding "
                            + "registers 8..9 (function 03): " + ExceptionCode.ILLEGAL_DATA_ADDRESS.meaningEn(),
                    "канал " + MODBUS + ", адрес Modbus 5: счётчик ответил исключением 02 "
                            + ExceptionCode.ILLEGAL_DATA_ADDRESS.nameRu() + " ("
                            + ExceptionCode.ILLEGAL_DATA_ADDRESS.meaningRu() + ")");
            case MODBUS_UNEXPECTED_ANSWER -> new Sample(Text.of(new UnexpectedAnswerException(MODBUS, 5,
                            "the answer came from unit 6", 1)), null,
                    "канал " + MODBUS + ", адрес Modbus 5: ответ непригоден (другой адрес, другая функция или "
                            + "неполный кадр)");
            case MODBUS_CHANNEL_FAILURE -> new Sample(Text.of(new org.openamr.acquisition.modbus
                            .ChannelFailureException(MODBUS, 5, "connection refused", null)), null,
                    "канал " + MODBUS + ", адрес Modbus 5: канал не работает (порт или шлюз недоступен, соединение "
                            + "разорвано)");
            case MODBUS_UNDECODABLE -> new Sample(Text.of(new UndecodableValueException(MODBUS, 5,
                            new NotANumberException("heatEnergy", 8, Float.NaN))), null, null);
            case ADDRESS_UNIT -> new Sample(Text.address(Text.modbusUnit(17)), "Modbus unit 17", "адрес Modbus 17");
            case ADDRESS_PRIMARY -> new Sample(Text.address("primary address 250"), "primary address 250",
                    "первичный адрес 250");
            case ADDRESS_SECONDARY -> new Sample(Text.address("secondary address "
                    + SecondaryAddress.of("12345678", "DFS", 1, 7)),
                    "secondary address " + SecondaryAddress.of("12345678", "DFS", 1, 7),
                    "вторичный адрес " + SecondaryAddress.of("12345678", "DFS", 1, 7));
        };
    }

    @Test
    void everyKindIsSaidInEnglishAsTheApiSaysItAndInRussian() {
        for (Kind kind : Kind.values()) {
            Sample s = sample(kind);
            assertThat(s.text().kind()).as("the sample of %s", kind).isEqualTo(kind);
            // null: the master's own sentence, checked below
            String english = s.english() != null ? s.english() : englishOfMaster(s.text());
            assertThat(TEXTS.english(s.text())).as("%s in English", kind).isEqualTo(english);
            assertThat(TEXTS.say(s.text(), Locale.ENGLISH)).isEqualTo(english);
            String russian = s.russian() != null ? s.russian() : "канал " + MODBUS + ", адрес Modbus 5: значение в "
                    + "регистрах не читается по карте (" + s.text().args().get(2) + ")";
            assertThat(TEXTS.say(s.text(), RU)).as("%s in Russian", kind).isEqualTo(russian);
        }
    }

    /** A Modbus master's sentence with its unit as the pages name it: "unit 5 on …" becomes "Modbus unit 5 on …". */
    private static String englishOfMaster(Text text) {
        return "Modbus unit 5 on " + MODBUS + ": " + text.args().get(2);
    }

    @Test
    void aModbusMastersFailureIsSaidInEnglishAsItsOwnMessageWithTheProtocolNamed() throws Exception {
        for (ModbusMasterException e : Arrays.<ModbusMasterException>asList(
                new NoAnswerException(MODBUS, 5, Duration.ofMillis(200), Duration.ofMillis(12), 1),
                new UnexpectedAnswerException(MODBUS, 5, "it's '{0}' and {broken}", 1))) {
            assertThat(TEXTS.english(Text.of(e))).isEqualTo("Modbus " + e.getMessage());
        }
    }

    @Test
    void aMastersFailureIsSaidInEnglishExactlyAsItsOwnMessage() {
        for (MasterException e : Arrays.asList(
                new NoResponseException(CHANNEL, "secondary address 12345678", "no answer"),
                new InvalidResponseException(CHANNEL, "primary address 1", "it's '{0}' and {broken}"),
                new ChannelFailureException("serial:///dev/ttyUSB0", "primary address 0", "port gone"))) {
            assertThat(TEXTS.english(Text.of(e))).isEqualTo(e.getMessage());
        }
    }

    @Test
    void aTextSurvivesBeingStored() {
        for (Kind kind : Kind.values()) {
            Text text = sample(kind).text();
            assertThat(Text.fromJson(text.toJson())).as("%s", kind).isEqualTo(text);
        }
        assertThat(Text.fromJson(null)).isNull();
    }
}
