package org.openamr.server.web.users;

/**
 * The account form's fields as submitted: ids stay text until {@link UsersPageController} checks them. The
 * password is only read from a new account's form and never shown back.
 *
 * @param building the building whose premises the premise list offers (a resident's scope)
 */
public record UserForm(String username, String displayName, String role, String organisation, String building,
                       String premise, String password) {

    public static UserForm empty() {
        return new UserForm("", "", "", "", "", "", null);
    }

    /** The same form without its password, to show it again. */
    public UserForm withoutPassword() {
        return new UserForm(username, displayName, role, organisation, building, premise, null);
    }
}
