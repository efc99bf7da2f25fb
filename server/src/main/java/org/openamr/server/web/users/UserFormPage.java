package org.openamr.server.web.users;

import java.util.List;
import java.util.UUID;
import org.openamr.server.user.UserService;

/**
 * A new account's form, or an existing account's page with its form and its other actions (password,
 * lock, delete).
 *
 * @param account null for a new account
 * @param errors  what stopped the change, as message keys with arguments
 */
public record UserFormPage(UserService.Account account, UserForm form, List<String> roles, List<Choice> organisations,
                           List<Choice> buildings, List<Choice> premises, List<Message> errors, int minPassword,
                           int maxPassword) {

    /** @param kind MANAGEMENT or SERVICE for an organisation; null for the others */
    public record Choice(UUID id, String label, String kind) {
    }

    public record Message(String key, List<Object> args) {
    }

    public boolean isNew() {
        return account == null;
    }
}
