package org.openamr.server.alarm.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openamr.server.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Alarms")
class AlarmRuleController {

    private final AlarmRuleSettings settings;
    private final CurrentUser current;

    AlarmRuleController(AlarmRuleSettings settings, CurrentUser current) {
        this.settings = settings;
        this.current = current;
    }

    @GetMapping("/api/v1/alarm-rules")
    @Operation(summary = "The alarm rules: kinds, severities, defaults per resource and the settings the caller sees")
    List<AlarmRuleSettings.RuleView> list() {
        return settings.list(current.scope());
    }

    @PutMapping("/api/v1/alarm-rules/{rule}")
    @Operation(summary = "Set a rule's parameters or turn it off, for every building (administrators), a building "
            + "or a point; a parameter out of range is refused naming the field")
    AlarmRuleSettings.SettingView put(@PathVariable String rule,
            @RequestBody(required = false) AlarmRuleSettings.SettingRequest body) {
        return settings.put(current.scope(), rule, body);
    }

    @DeleteMapping("/api/v1/alarm-rules/{rule}/settings/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a setting: the rule falls back to the less specific one or its defaults")
    void delete(@PathVariable String rule, @PathVariable long id) {
        settings.delete(current.scope(), rule, id);
    }
}
