package org.openamr.server.user;

import org.openamr.server.api.BadRequestException;

/** An account that breaks a rule of {@link UserService}; {@link #rule()} lets a page say it in the reader's language. */
public class UserRuleException extends BadRequestException {

    public enum Rule {
        PASSWORD_REQUIRED("password is required for a new user"),
        PASSWORD_LENGTH("a password has %d–%d characters"),
        ORGANISATION_REQUIRED("role %s needs an organisation"),
        NO_ORGANISATION("role %s has no organisation"),
        ORGANISATION_KIND("role %s needs an organisation of its kind: a service company for OPERATOR, a management company for MANAGER"),
        PREMISE_REQUIRED("a resident needs a premise"),
        NO_PREMISE("only residents have a premise"),
        OWN_ACCOUNT("you cannot lock, demote or delete your own account");

        private final String text;

        Rule(String text) {
            this.text = text;
        }
    }

    private final Rule rule;

    public UserRuleException(Rule rule, Object... args) {
        super(String.format(rule.text, args));
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
