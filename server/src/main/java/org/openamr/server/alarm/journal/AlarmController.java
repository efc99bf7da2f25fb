package org.openamr.server.alarm.journal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.Page;
import org.openamr.server.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Alarms")
class AlarmController {

    private final AlarmJournal journal;
    private final CurrentUser current;

    AlarmController(AlarmJournal journal, CurrentUser current) {
        this.journal = journal;
        this.current = current;
    }

    /** The body of an acknowledgement. */
    record AcknowledgeRequest(String comment) {
    }

    @GetMapping("/api/v1/alarms")
    @Operation(summary = "Alarms the caller may see: open ones first, newest first",
            description = "state: OPEN (default: raised or acknowledged), RAISED, ACKNOWLEDGED, CLEARED, ALL, "
                    + "comma-separated; severity: the least severity shown (CRITICAL, WARNING, INFO); rule: kinds, "
                    + "comma-separated; object: a meter, point, premise, building or channel id")
    Page<AlarmView> list(@RequestParam(required = false) String state,
            @RequestParam(required = false) String severity, @RequestParam(required = false) String rule,
            @RequestParam(required = false) UUID building, @RequestParam(required = false) UUID premise,
            @RequestParam(required = false) UUID object, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        AlarmFilter filter = new AlarmFilter(names("state", state, AlarmFilter.StateFilter.class),
                severity == null || severity.isBlank() ? null : name("severity", severity, Severity.class),
                names("rule", rule, RuleKind.class), building, premise, object);
        return journal.list(current.scope(), filter, page, size);
    }

    @GetMapping("/api/v1/alarms/{id}")
    @Operation(summary = "One alarm with its evidence")
    AlarmView get(@PathVariable UUID id) {
        return journal.find(current.scope(), id);
    }

    @PostMapping("/api/v1/alarms/{id}/acknowledge")
    @Operation(summary = "Acknowledge an alarm with a comment; 409 when it was acknowledged already")
    AlarmView acknowledge(@PathVariable UUID id, @RequestBody(required = false) AcknowledgeRequest body) {
        return journal.acknowledge(current.scope(), current.user(), id, body == null ? null : body.comment());
    }

    private static <E extends Enum<E>> Set<E> names(String parameter, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> name(parameter, s, type)).collect(Collectors.toSet());
    }

    private static <E extends Enum<E>> E name(String parameter, String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("parameter '" + parameter + "': '" + text + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                            .collect(Collectors.joining(", ")));
        }
    }
}
