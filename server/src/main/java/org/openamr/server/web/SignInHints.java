package org.openamr.server.web;

import java.util.List;

/**
 * Accounts the sign-in page offers to whoever opens it, with their passwords. Only the demo provides this (its
 * accounts and fixed passwords are printed anyway); a server without it shows no accounts on its sign-in page.
 */
public interface SignInHints {

    /** The accounts to list, in this order. */
    List<Account> accounts();

    /**
     * An account as the sign-in page lists it.
     *
     * @param roleRu the role in Russian words
     * @param roleEn the role in English words
     */
    record Account(String username, String password, String roleRu, String roleEn) {
    }
}
